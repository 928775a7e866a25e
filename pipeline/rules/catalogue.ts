// The rule catalogue: every problem art67 reports, with its permanent id, severity, a one-line summary, the
// message as a function of typed arguments, what to do about it, and the words for a related place.
// No message text is written anywhere else; docs/rules.md and the README's rule table are generated from here.
import {firstYear} from '../dates.js'
import {readAsSpace} from '../read/text.js'
import {codePoint, visible} from '../text.js'

export type Severity = 'error' | 'warning'

export interface Rule<Args> {
  severity: Severity
  /**
   * An error the report relies on not having: without it text of the sources would be left out or misread, so a
   * project's config may not turn it off or down to a warning.
   */
  fixed?: boolean
  /** When the rule fires, in a few words: the README's rule table. */
  summary: string
  message: (args: Args) => string
  /** What to do about it. */
  hint: string
  /** What a related place is, for rules that point at a second place (`cause`). */
  related?: string
}

const rule = <Args = Record<string, never>>(spec: Rule<Args>): Rule<Args> => spec

// Text from the sources is shown with its invisible and control characters named (`<U+200B>`), so two names that
// look alike never print alike, and nothing written acts on the terminal.
/**
 * Text of the sources a message quotes, its start only when it is long: the message names its place, and a reporter
 * pads every message to the longest, so one quoted 50,000-character title would widen every line of a report.
 */
const quoted = (text: string) => {
  const characters = [...text]
  return visible(characters.length <= longestQuote ? text : `${characters.slice(0, longestQuote - 20).join('').trimEnd()}… (${characters.length} characters)`)
}
const longestQuote = 160
const code = (text: string) => `\`${quoted(text)}\``
const quote = (text: string) => `“${quoted(text)}”`
/** `a`, `a or b`, `a, b, or c`. */
const alternatives = (items: readonly string[]) =>
  items.length <= 2 ? items.join(' or ') : `${items.slice(0, -1).join(', ')}, or ${items.at(-1)}`
/** `a, b and c`. */
const and = (items: readonly string[]) => (items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`)
/** `a table`, `2 tables`, or nothing for none. */
const count = (n: number, one: string, many: string) => (n === 0 ? '' : n === 1 ? one : `${n} ${many}`)
/** A heading's level as written in `#` marks: `##` for level 2. */
const marks = (depth: number) => `\`${'#'.repeat(depth)}\``
const didYouMean = (suggestions: readonly string[]) =>
  suggestions.length === 0 ? '' : `: did you mean ${alternatives(suggestions.map(code))}?`

/** Why a written date is not a date (see `dates.ts`). */
export type DateProblem =
  | {problem: 'form'}
  | {problem: 'month-name'; name: string}
  /** `dayFirst`: the day first, as written with the year last (`04/24/2021`), when the month written is a day's number. */
  | {problem: 'month'; month: number; dayFirst?: string}
  | {problem: 'day'; year: number; month: number; day: number}
  | {problem: 'precision'}
  | {problem: 'year'; year: string}

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** What is wrong with a date, in words: for the rules' messages and `init`'s. */
export function dateReason(reason: DateProblem): string {
  switch (reason.problem) {
    case 'form':
      return 'it is not in a known form'
    case 'month-name':
      return `${quote(reason.name)} is not a month name`
    case 'month':
      return reason.dayFirst === undefined
        ? `month ${reason.month} does not exist`
        : `month ${reason.month} does not exist: a date with the year last is read day first; if ${reason.month} is the day, write ${code(reason.dayFirst)}`
    case 'day':
      return `${monthNames[reason.month - 1]} ${reason.year} has no day ${reason.day}`
    case 'precision':
      return 'the communication date needs a day, month and year'
    case 'year':
      return `the year ${reason.year} is before the year ${firstYear}; check its digits`
  }
}

/** Why bytes are not text art67 reads (`read/decode.ts`). */
export type Undecodable =
  | {as: 'binary'}
  /** `byte`: the first byte that is not UTF-8, in a file read as UTF-8. */
  | {as: 'encoding'; byte?: number | undefined}
  | {as: 'utf-16'; endian: 'little' | 'big'}
  | {as: 'utf-32'}

/** Why the file given to `art67 import` is not read: what it is, its size, or its bytes. */
type ImportUnreadable = {as: 'folder' | 'named pipe' | 'socket' | 'device'} | {as: 'too-large'; bytes: number; limit: number} | Undecodable

/**
 * Programmes written where art67 does not read them: a field list (with the known labels it gives), a table, or an
 * HTML table (with its title column as written).
 */
export type MisplacedShape = {kind: 'list'; labels: readonly string[]} | {kind: 'table'} | {kind: 'html'; title: string}
/** Where: outside the programmes (maybe under a misspelt programmes heading), under a heading of the wrong level, or nested. */
export type MisplacedWhere =
  | {as: 'outside'; heading?: {written: string; suggestion: string} | undefined}
  | {as: 'level'; depth: number | undefined; programmeDepth: number}
  | {as: 'nested'}
  /** Under a second programmes heading, read as narrative (`programmes-heading-duplicate`). */
  | {as: 'second'}

/** Lines of cells separated by tabs: the cells of the first, how many lines, and how many paragraphs they make. */
export interface TabLines {
  header: readonly string[]
  lines: number
  paragraphs: number
}
const tabLines = ({header, lines}: TabLines) => `These ${lines} lines separate their cells with tabs (${header.length} in the first), as a table copied from a word processor`
const tabParagraphs = ({paragraphs}: TabLines) => (paragraphs === 1 ? 'one paragraph' : `${paragraphs} paragraphs`)
/** A header row as a Markdown table's first two lines. */
const asMarkdown = (header: readonly string[]) =>
  `as a table, write ${code(`| ${header.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`)} then ${code(`|${' --- |'.repeat(header.length)}`)} and each row the same way`

/** Why a front matter value is wrong. */
export type FieldProblem =
  | {problem: 'missing'; key: string}
  | {problem: 'not-text'; key: string}
  | {problem: 'empty'; key: string}
  | {problem: 'too-long'; key: string; length: number; limit: number}
  | {problem: 'period-shape'}
  | {problem: 'language'; language: string; languages: readonly string[]}

export const frontMatterKeys = ['member', 'period', 'date', 'symbol', 'job', 'original', 'language', 'requester'] as const

/** Why a period is not a period. */
export type PeriodProblem =
  | {problem: 'form'; written: string}
  | {problem: 'order'; written: string}
  | {problem: 'date'; key: 'from' | 'to'; written: string; reason: DateProblem}
  | {problem: 'year'; written: string; year: string}

/** What is wrong in front matter YAML, from the parser's error codes (`validate/frontmatter.ts`). */
export type YamlError =
  | 'indent'
  | 'unclosed'
  | 'duplicate-key'
  | 'missing-quote'
  | 'missing-colon'
  | 'key-in-value'
  | 'multiline-key'
  | 'tab'
  | 'unexpected'
  | 'reserved-start'
  | 'escape'
  | 'tag'
  | 'documents'
  | 'other'

function yamlError({error, found, detail}: {error: YamlError; found: string; detail: string}): string {
  switch (error) {
    case 'indent':
      return 'The lines here do not line up: every key of one block must start in the same column'
    case 'unclosed':
      return 'A `[` or `{` list is not closed, or a line after it is not indented under it'
    case 'duplicate-key':
      return `The key ${code(found)} is given twice`
    case 'missing-quote':
      return `A quoted value is not closed: its closing ${code(found)} is missing`
    case 'missing-colon':
      return 'A key without `:` after it: write `key: value`'
    case 'key-in-value':
      return 'A `key: value` inside a value: put a value that holds `: ` in quotes, and start each key in the same column as the others'
    case 'multiline-key':
      return 'A key must be on one line, followed by `:` (is a line indented under another, or a `:` missing?)'
    case 'tab':
      return 'A tab indents this line: YAML indents with spaces only'
    case 'unexpected':
      return `Unexpected ${code(found)} here: text that holds it must be in quotes`
    case 'reserved-start':
      return `A value cannot start with ${code(found)} unless it is in quotes`
    case 'escape':
      return `${code(found)} is not an escape double quotes allow: write \`\\\\\` for a backslash, or use single quotes`
    case 'tag':
      return `The YAML tag ${code(found)} is not allowed: front matter values are plain text`
    case 'documents':
      return 'A line `...` or `---` before this one ends the YAML, and this line starts another document: the front matter is one block of `key: value` lines'
    case 'other':
      return `Broken YAML: ${detail}`
  }
}

/** Names of the invisible characters people meet most, for messages; others are named by code point alone. */
const invisibleNames: Readonly<Record<string, string>> = {
  '\u0008': 'backspace',
  '\u000B': 'vertical tab',
  '\u000C': 'form feed',
  '\u001B': 'escape',
  '\u007F': 'delete',
  '\u0085': 'next line',
  '\u00AD': 'soft hyphen',
  '\u061C': 'Arabic letter mark',
  '\u200B': 'zero width space',
  '\u200C': 'zero width non-joiner',
  '\u200D': 'zero width joiner',
  '\u200E': 'left-to-right mark',
  '\u200F': 'right-to-left mark',
  '\u202A': 'left-to-right embedding',
  '\u202B': 'right-to-left embedding',
  '\u202C': 'pop directional formatting',
  '\u202D': 'left-to-right override',
  '\u202E': 'right-to-left override',
  '\u2060': 'word joiner',
  '\u2066': 'left-to-right isolate',
  '\u2067': 'right-to-left isolate',
  '\u2068': 'first strong isolate',
  '\u2069': 'pop directional isolate',
  '\uFEFF': 'zero width no-break space'
}

/**
 * `<U+200B> (zero width space)`; a control character without a name of its own as `<U+0007> (control)`; one that
 * leaves a space as `<U+000C> (form feed, read as a space)`.
 */
function describeInvisible(character: string): string {
  const name = invisibleNames[character] ?? (/\p{Cc}/u.test(character) ? 'control' : undefined)
  const details = [name, readAsSpace(character) ? 'read as a space' : undefined].filter(Boolean)
  return `<${codePoint(character)}>${details.length > 0 ? ` (${details.join(', ')})` : ''}`
}

/** Why the system refused to read a file or folder, by its error code. */
function readRefusal(errorCode: string): string {
  if (errorCode === 'EACCES' || errorCode === 'EPERM') return 'permission denied'
  // Listed, then not found by that name: a name that is not UTF-8 (listed with U+FFFD in it), or a path too long.
  if (errorCode === 'ENOENT' || errorCode === 'ENAMETOOLONG') return 'its name, as listed, is not found again (a name that is not UTF-8, or a path longer than the system allows)'
  return 'the system refused'
}

export const catalogue = {
  'sources-missing': rule<{as: 'missing' | 'file'}>({
    severity: 'error',
    fixed: true,
    summary: 'the sources folder does not exist',
    message: ({as}) => (as === 'file' ? 'This is a file, not a folder of sources' : 'There is no such folder'),
    hint: 'Name the folder that holds the report’s Markdown files, e.g. `art67 build sources`.'
  }),
  'sources-empty': rule<{skipped: boolean}>({
    severity: 'error',
    fixed: true,
    summary: 'the sources folder holds no `.md` file to read',
    message: ({skipped}) =>
      skipped
        ? 'This folder holds no `.md` file to read: README files and what `.art67ignore` lists are skipped'
        : 'This folder holds no `.md` file',
    hint: 'Add the report as one or more `.md` files in this folder; files named `README…` and those `.art67ignore` lists are not read.'
  }),
  'file-unreadable': rule<Undecodable>({
    severity: 'error',
    fixed: true,
    summary: 'a binary, UTF-16 or otherwise non-UTF-8 file',
    message: (args) => {
      switch (args.as) {
        case 'binary':
          return 'This file is binary, not Markdown text: it holds a NUL byte here'
        case 'encoding':
          return args.byte === undefined
            ? 'This file is not valid UTF-8 text: the bytes here are not UTF-8'
            : `This file is not valid UTF-8 text: the byte 0x${args.byte.toString(16).toUpperCase().padStart(2, '0')} here is not UTF-8, so the file was most likely saved in another encoding (Windows-1252, “ANSI”, Latin-1, Shift_JIS …)`
        case 'utf-16':
          return `This file is saved as UTF-16 (${args.endian}-endian), not UTF-8`
        case 'utf-32':
          return 'This file is saved as UTF-32, not UTF-8'
      }
    },
    hint: 'Save the file as UTF-8 Markdown text (in most editors: “Save as” with the encoding UTF-8), or remove it from the sources folder.'
  }),
  'read-denied': rule<{what: 'file' | 'folder'; code: string}>({
    severity: 'error',
    fixed: true,
    summary: 'a file or folder of the sources that cannot be read (permission denied, an I/O error)',
    message: ({what, code: errorCode}) => `This ${what} cannot be ${what === 'file' ? 'read' : 'listed'}: ${readRefusal(errorCode)} (${errorCode})`,
    hint: 'Let the user who runs art67 read it (a folder must also be listable), rename it, move it out of the sources folder, or list it in `.art67ignore`.'
  }),
  'symlink-broken': rule<{as: 'missing' | 'loop'}>({
    severity: 'error',
    fixed: true,
    summary: 'a link to a file that does not exist, or a loop of links',
    message: ({as}) =>
      as === 'missing' ? 'This is a link to a file that does not exist' : 'This link leads round a loop of links and never reaches a file',
    hint: 'Point the link at a Markdown file inside the sources folder, or remove it.'
  }),
  'symlink-duplicate': rule<{of: string}>({
    severity: 'warning',
    summary: 'a link to a file the sources reach by another path already: the file is read once',
    message: ({of}) => `This leads to the same file as ${code(of)}: its text is read once, there`,
    hint: 'Remove the link, or the file it leads to from the sources (list it in `.art67ignore`), so that the file has one place in the report.'
  }),
  'hardlink-duplicate': rule<{of: string}>({
    severity: 'warning',
    summary: 'a second name (a hard link) of a file the sources hold already: the file is read once',
    message: ({of}) => `This is the same file as ${code(of)} under a second name (a hard link): its text is read once, there`,
    hint: 'Delete one of the two names (the file stays under the other), or list this one in `.art67ignore`, so that the file has one place in the report; to edit two files apart, copy it instead.'
  }),
  'file-not-regular': rule<{kind: 'named pipe' | 'socket' | 'device'}>({
    severity: 'error',
    fixed: true,
    summary: 'a `.md` name that is a named pipe, socket or device, not a file (never opened)',
    message: ({kind}) => `This is a ${kind}, not a regular file, so it is not read`,
    hint: 'Replace it with a regular Markdown file, or remove it from the sources folder (or list it in `.art67ignore`).'
  }),
  'reference-invisible': rule<{characters: readonly string[]}>({
    severity: 'warning',
    summary: 'a character reference (`&#x202E;`, `&lrm;`) or a front matter escape (`"\\u202E"`) that gives an invisible or control character, or U+FFFD for one that names no character: kept in the text',
    message: ({characters}) => `A character reference or escape in this text gives ${characters.map(describeInvisible).join(', ')}, which is kept in the PDF, XLSX and JSON`,
    hint: 'Delete the reference, or write the character it means: invisible characters can hide or reorder text, and a reference to a control character reads as U+FFFD (�).'
  }),
  'invisible-character': rule<{characters: readonly string[]; count: number; rest: boolean}>({
    severity: 'warning',
    summary: 'invisible or control characters (zero-width spaces, direction marks …), named by code point: removed from the text, a form feed, vertical tab or next line (U+0085) leaving a space',
    message: ({characters, count, rest}) => {
      const named = characters.map(describeInvisible).join(', ')
      if (rest) return `From here on, ${count} more invisible characters, ${named}, are removed from the text of this file`
      return count === 1
        ? `An invisible character, ${named}, is removed from the text here`
        : `${count} invisible characters, ${named}, are removed from the text here`
    },
    hint: 'Delete them from the file (an editor’s “show invisibles” shows them): they keep names from matching and can hide or reorder text, so art67 leaves them out of the PDF, XLSX and JSON.'
  }),
  'file-too-large': rule<{bytes: number; limit: number}>({
    severity: 'error',
    fixed: true,
    summary: 'a file over the size limit (20 MB)',
    message: ({bytes, limit}) => `This file has ${bytes} bytes; the most art67 reads is ${limit}`,
    hint: 'Split the file into several smaller ones, e.g. one per agency under `programmes/`.'
  }),
  'sources-too-large': rule<{bytes: number; files: number; limit: number}>({
    severity: 'error',
    fixed: true,
    summary: 'sources over the size limit for one report (20 MB in all)',
    message: ({bytes, files, limit}) =>
      `The ${files} files to read hold ${bytes} bytes in all; the most art67 reads for one report is ${limit}, so none is read`,
    hint: 'A report is far smaller (5,000 programmes take about 9 MB): leave out what is not the report, with `.art67ignore` or by moving it out of the folder.'
  }),
  'outside-sources': rule({
    severity: 'error',
    fixed: true,
    summary: 'a link leading out of the sources folder',
    message: () => 'This is a link to a place outside the sources folder, so it is not read',
    hint: 'Keep every source file inside the sources folder; copy the file in instead of linking to it.'
  }),
  'frontmatter-missing': rule<{toml?: boolean}>({
    severity: 'error',
    fixed: true,
    summary: 'no file has front matter',
    message: ({toml}) =>
      toml
        ? 'No file has YAML front matter, so the report has no member, period or date: this `+++` block is TOML, which art67 does not read'
        : 'No file has front matter, so the report has no member, period or date',
    hint: 'Start one file with a YAML block between `---` lines giving `member`, `period` and `date`, each as `key: value` (`member: Canada`).'
  }),
  'frontmatter-duplicate': rule({
    severity: 'error',
    fixed: true,
    summary: 'more than one file has front matter',
    message: () => 'A second front matter',
    hint: 'Keep the front matter in one file only and remove it from the others.',
    related: 'the first front matter'
  }),
  'frontmatter-yaml': rule<
    | {as: 'syntax'; error: YamlError; found: string; detail: string}
    | {as: 'not-a-map'}
    | {as: 'forbidden-key'; key: string}
    | {as: 'unreadable'; detail: string}
  >({
    severity: 'error',
    fixed: true,
    summary: 'the front matter’s YAML is broken',
    message: (args) => {
      switch (args.as) {
        case 'syntax':
          return yamlError(args)
        case 'not-a-map':
          return 'The front matter must be a list of `key: value` lines'
        case 'forbidden-key':
          return `The key ${code(args.key)} is not allowed`
        case 'unreadable':
          return `The YAML cannot be read: ${args.detail}`
      }
    },
    hint: 'Fix the YAML: one `key: value` a line, keys lined up and indented with spaces, and text that holds `: ` or ` #` or starts with a sign such as `@` or `[` in quotes.'
  }),
  'frontmatter-field': rule<FieldProblem>({
    severity: 'error',
    fixed: true,
    summary: '`member` or `period` missing, a value of the wrong kind, an unknown `language`, a `symbol`, `job` or `original` too long for the PDF’s header',
    message: (args) => {
      switch (args.problem) {
        case 'missing':
          return `Missing ${code(args.key)}`
        case 'not-text':
          return `${code(args.key)} must be text`
        case 'empty':
          return `${code(args.key)} is empty`
        case 'too-long':
          return `${code(args.key)} is ${args.length.toLocaleString('en')} characters long; the PDF prints it in the header of its pages, which holds at most ${args.limit}`
        case 'period-shape':
          return '`period` must be text like `2020-2021`, or `from:` and `to:` dates'
        case 'language':
          return `There are no templates for language ${code(args.language)}; there are: ${args.languages.join(', ')}`
      }
    },
    hint: 'See “Writing sources” in the README for the front matter fields.'
  }),
  'frontmatter-unknown': rule<{key: string}>({
    severity: 'warning',
    summary: 'a front matter key art67 does not know (ignored)',
    message: ({key}) => `Unknown front matter key ${code(key)}; it is ignored`,
    hint: `Known keys: ${frontMatterKeys.join(', ')}.`
  }),
  'frontmatter-unclosed': rule({
    severity: 'error',
    fixed: true,
    summary: 'a first line `---` followed by `key: value` lines, with no line `---` to close the front matter',
    message: () => 'This `---` opens front matter that no line `---` closes, so it is read as a horizontal rule and its keys as text',
    hint: 'End the front matter with a line `---` after its last key (a closing `...` is not read).'
  }),
  'frontmatter-typo': rule<{key: string; suggestion: string}>({
    severity: 'error',
    summary: 'a front matter key so close to a known one not given that it looks like a typo',
    message: ({key, suggestion}) => `Unknown front matter key ${code(key)}: did you mean ${code(suggestion)}?`,
    hint: `Correct the key: its value would otherwise be ignored. Known keys: ${frontMatterKeys.join(', ')}.`
  }),
  'date-missing': rule({
    severity: 'warning',
    summary: 'no communication `date` yet',
    message: () => 'The report has no `date` yet, so the PDF is marked as a draft, with a placeholder for the date',
    hint: 'Add `date:` to the front matter once the communication is dated, e.g. `date: 16/09/2021`.'
  }),
  'date-invalid': rule<{what: string; written: string; reason: DateProblem}>({
    severity: 'error',
    fixed: true,
    summary: 'a date that cannot be read or does not exist',
    message: ({what, written, reason}) => `Invalid ${what} ${code(written)}: ${dateReason(reason)}`,
    hint: 'Write a date as 2021-04-24, 24/04/2021 (day first), 2021-04, April 2021 or 2021; the communication date (`date:`) with its day. A programme date not known (“ongoing”, “TBD”) is left out: leave the field out or its cell empty, and say so in the description.'
  }),
  'date-ambiguous': rule<{written: string; day: number; month: number; year: number; habit: string}>({
    severity: 'warning',
    summary: 'a date with the year last that reads either way (`04/05/2021`), in a report that also writes dates month first',
    message: ({written, day, month, year, habit}) => {
      const iso = (m: number, d: number) => `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
      return `${code(written)} is read day first, as ${code(iso(month, day))}, but this report also writes dates month first (${code(habit)}): if ${day} is the month, write ${code(iso(day, month))}`
    },
    hint: 'Write dates so that they read one way only: 2021-05-04, or 4 May 2021; with slashes and the year last, art67 always reads the day first.',
    related: 'a date written month first'
  }),
  'period-invalid': rule<PeriodProblem>({
    severity: 'error',
    fixed: true,
    summary: 'a period that cannot be read or ends before it starts',
    message: (args) => {
      switch (args.problem) {
        case 'form':
          return `Invalid period: ${code(args.written)} is not a period`
        case 'order':
          return `Invalid period: ${args.written ? `the period ${code(args.written)}` : 'the period'} ends before it starts`
        case 'date':
          return `Invalid period: ${code(`period.${args.key}`)} ${code(args.written)} is not a date: ${dateReason(args.reason)}`
        case 'year':
          return `Invalid period ${code(args.written)}: ${dateReason({problem: 'year', year: args.year})}`
      }
    },
    hint: 'Write the period as `2020-2021`, `2021`, or as `from:` and `to:` dates.'
  }),
  'programme-title': rule({
    severity: 'error',
    fixed: true,
    summary: 'a programme without a title',
    message: () => 'This programme has no title',
    hint: 'Give the programme a title: the text of its `##` heading or its table row’s title cell.'
  }),
  'duplicate-id': rule<{id: string; title: string}>({
    severity: 'error',
    fixed: true,
    summary: 'the same programme ID twice in one file',
    message: ({id, title}) => `A second programme with ID ${code(id)} (${quote(title)})`,
    hint: 'Give one of the two programmes another title or an `ID:` field; the same programme in two files is merged, not in one file.',
    related: 'the first programme with this ID'
  }),
  'duplicate-field': rule<{label: string; title: string}>({
    severity: 'error',
    fixed: true,
    summary: 'a field given twice for one programme',
    message: ({label, title}) => `The field ${code(label)} is given twice for ${quote(title)}`,
    hint: 'Give each field once per programme; list several values in one field, separated by `;`.',
    related: 'the field as first given'
  }),
  'duplicate-title': rule<{title: string; id: string; otherId: string}>({
    severity: 'warning',
    summary: 'two programmes with the same title but different IDs (they are not merged)',
    message: ({title, id, otherId}) => `Another programme is also titled ${quote(title)}, with ID ${code(otherId)} (this one is ${code(id)})`,
    hint: 'To merge them, give both the same `ID:`, or none; otherwise give them different titles.',
    related: 'the other programme'
  }),
  'merge-conflict': rule<{id: string; what: string; here: string; there: string}>({
    severity: 'error',
    fixed: true,
    summary: 'one programme, two different values for a field in two files',
    message: ({id, what, here, there}) =>
      what === 'title'
        ? `Programme ${code(id)} is titled ${quote(here)} here and ${quote(there)} in another file`
        : `Programme ${code(id)} has ${what} ${code(here)} here and ${code(there)} in another file`,
    hint: 'Make both files give the same value, or give it in one file only. If they are two different programmes with one title (two agencies’ study visits), give one of them an `ID:` of its own or another title, so that they are not merged.',
    related: 'the other value'
  }),
  'date-order': rule<{title: string; start: string; end: string}>({
    severity: 'error',
    summary: 'the end date is before the start date',
    message: ({title, start, end}) => `${quote(title)} ends (${end}) before it starts (${start})`,
    hint: 'Check the dates: the end date must be on or after the start date.'
  }),
  'outside-period': rule<{title: string; side: 'after' | 'before'; period: string; from: string; to: string}>({
    severity: 'warning',
    summary: 'a programme entirely outside the reporting period',
    message: ({title, side, period, from, to}) =>
      `${quote(title)} ${side === 'after' ? 'starts after' : 'ended before'} the reporting period ${period} (${from} to ${to})`,
    hint: 'Check the dates, or leave the programme out of this period’s report.'
  }),
  'unknown-field': rule<{what: 'field' | 'column'; label: string; suggestions: readonly string[]} | {what: 'cell'}>({
    severity: 'warning',
    summary: 'a field label or table column art67 does not know: its text is kept under “Other information”',
    message: (args) =>
      args.what === 'cell'
        ? 'This cell has no column title; its text is kept under “Other information”'
        : `Unknown ${args.what} ${code(args.label)}, kept under “Other information”${didYouMean(args.suggestions)}`,
    hint: 'If this is one of the fields listed in “Writing sources” in the README, use its label as the label or column title; otherwise nothing is lost: the PDF prints it among the programme’s details and the XLSX in its “Other information” column.'
  }),
  'field-typo': rule<{what: 'field' | 'column'; label: string; suggestion: string}>({
    severity: 'error',
    summary: 'a field label or table column so close to a known one that it looks like a typo',
    message: ({what, label, suggestion}) => `Unknown ${what} ${code(label)}: did you mean ${code(suggestion)}?`,
    hint: 'Correct the label. A label this close to a known one is taken for a typo; if it is meant as other information, reword it.'
  }),
  'programme-misplaced': rule<{found: MisplacedShape} & MisplacedWhere>({
    severity: 'error',
    summary: 'a programme’s field list or a table with a `Title` column (in Markdown or HTML) where art67 does not read programmes',
    message: (args) => {
      const {found: shape} = args
      const found =
        shape.kind === 'table'
          ? 'This table with a title column'
          : shape.kind === 'html'
            ? `This HTML \`<table>\` with a title column (${code(shape.title)})`
            : `This list of programme fields (${shape.labels.map(code).join(', ')})`
      const read = {
        table: 'it would be read as a plain table, not as programmes',
        html: 'it would be printed as code, not read as programmes (art67 reads no HTML)',
        list: 'it would be read as text, not as a programme'
      }[shape.kind]
      switch (args.as) {
        case 'outside':
          return (
            `${found} is not under a programmes heading, so ${read}` +
            (args.heading ? `: did you mean ${code(args.heading.suggestion)} for the heading ${code(args.heading.written)}?` : '')
          )
        case 'level':
          return args.depth === undefined
            ? `${found} has no programme heading above it, so ${read}`
            : `${found} follows a level-${args.depth} heading, but programmes here are level-${args.programmeDepth} headings, so ${read}`
        case 'nested':
          return `${found} is inside a list or quotation, so ${read}`
        case 'second':
          return `${found} is under a second programmes heading, which is read as narrative, so ${read}`
      }
    },
    hint: 'Write programmes under a heading named `Programmes` (or a variant listed in the README), each under its own heading one level below it, or in files under `programmes/`; write a table in Markdown, not HTML. If this is narrative text, put a sentence between the heading and the list, or call the table’s column something other than `Title`.',
    related: 'the heading it falls under'
  }),
  'programmes-heading-duplicate': rule<{written: string; read: string}>({
    severity: 'warning',
    summary: 'a second programmes heading (`Programmes`, `Activities`, `Activités` …) in the report: only one is read as the programmes heading, the others as narrative',
    message: ({written, read}) =>
      `The heading ${code(written)} is also a programmes heading, but a report has one: ${code(read)} is read as the programmes heading, so this heading and its sections are printed as narrative`,
    hint: 'Keep one programmes heading. If this heading is a section of the narrative, reword it (`Overview of technical cooperation activities`, `Aperçu des activités de coopération technique`); if it holds programmes, move them under the other one or into a file under `programmes/`. The heading read is the first that names programmes (`Programmes`, `List of programmes`) rather than only activities (`Activities`), else the first.',
    related: 'the heading read as the programmes heading'
  }),
  'html-hides-programmes': rule<{container: 'comment' | 'block'; tag?: string; headings: number; fieldLists: number; tables: number} | {container: 'table'; title: string}>({
    severity: 'error',
    summary:
      'an HTML comment or block (`<!--`, `<script>` …) that hides a programmes heading, a field list or a programme table, or an HTML `<table>` whose first row has a `Title` column under the programmes heading or in a `programmes/` file',
    message: (args) => {
      if (args.container === 'table')
        return `This HTML \`<table>\` has a title column (${code(args.title)}) and is under the programmes heading, where such a table lists programmes, but art67 does not read HTML: it is printed as code and no programme is read from it`
      const {container, tag, headings, fieldLists, tables} = args
      const what = container === 'comment' ? 'This HTML comment' : tag ? `This HTML ${code(`<${tag}>`)} block` : 'This HTML block'
      const hidden = [
        count(headings, 'a programmes heading', 'programmes headings'),
        count(fieldLists, 'a programme field list', 'programme field lists'),
        count(tables, 'a programme table', 'programme tables')
      ].filter(Boolean)
      return `${what} hides ${and(hidden)}: nothing in it reaches the report`
    },
    hint: 'To leave programmes out of the report, delete them from the sources (version control keeps them); otherwise close the comment (`-->`) or the HTML element before them. Write a programme table in Markdown: `| Title | Start date |`, a delimiter row `| --- | --- |`, then a row per programme.'
  }),
  'annex-text-moved': rule<{as: 'after'} | {as: 'group' | 'table'; written: string}>({
    severity: 'warning',
    summary:
      'text under the programmes heading or in a `programmes/` file outside any programme, after programmes already read, or a heading over programmes (a `#` in a `programmes/` file, a programme heading over nothing but a programme table): printed in the annex’s introduction, before the list of programmes',
    message: (args) =>
      args.as === 'after'
        ? 'This text follows programmes already read but is in no programme’s section, so the annex prints it in its introduction, before the list of programmes'
        : args.as === 'table'
          ? `The heading ${code(args.written)} is over nothing but a programme table, so it is no programme: the table’s programmes are listed with all the others, and the heading is printed in the annex’s introduction, before the list of programmes`
          : `The heading ${code(args.written)} is above the programmes after it, but the annex lists every programme together: it is printed in the annex’s introduction, before the list of programmes, not above them`,
    hint: 'To introduce the annex, move the text before the first programme (right under the programmes heading, or at the start of the first `programmes/` file); to describe a programme, move it into that programme’s section (under its heading); otherwise move it into the narrative. To say which agency runs programmes, give each an `Implementing agency:` field (or a column) rather than a heading.',
    related: 'the programme it follows'
  }),
  'code-unclosed': rule<{container: 'file' | 'list' | 'quote'; headings: number; fieldLists: number; tables: number}>({
    severity: 'error',
    summary: 'a code block never closed: the rest of its file, list item or quotation is printed as code',
    message: ({container, headings, fieldLists, tables}) => {
      const rest = {file: 'file', list: 'list item', quote: 'quotation'}[container]
      const hidden = [
        count(headings, 'a programmes heading', 'programmes headings'),
        count(fieldLists, 'a programme field list', 'programme field lists'),
        count(tables, 'a programme table', 'programme tables')
      ].filter(Boolean)
      return `This code block is never closed, so the rest of its ${rest} is printed as code${hidden.length > 0 ? `, hiding ${and(hidden)}` : ''}`
    },
    hint: 'Close the code block where the code ends, with a line of the backticks or tildes it opens with (as many or more).'
  }),
  'near-duplicate': rule<{what: 'id' | 'title'; written: string; other: string; otherTitle: string; otherId: string}>({
    severity: 'warning',
    summary: 'a programme merged with no other whose ID or title is a typo away from another programme’s',
    message: ({what, written, other, otherTitle, otherId}) =>
      what === 'id'
        ? `The ID ${code(written)} is close to ${code(other)} (${quote(otherTitle)}), so they are two separate programmes`
        : `The title ${quote(written)} is close to ${quote(other)} (ID ${code(otherId)}), so they are two separate programmes`,
    hint: 'If they are one programme, correct the ID or the title so that they match and are merged; if they are two, nothing to do.',
    related: 'the other programme'
  }),
  'field-syntax': rule<{as: 'not-a-field'; found: string} | {as: 'trailing'; label: string} | {as: 'split' | 'late' | 'quoted' | 'paragraph'; labels: readonly string[]}>({
    severity: 'warning',
    summary:
      'a field-list item that is not `Label: value`, fields written as lines of a paragraph (no bullets) under a programme’s heading, or in a list of their own after the field list, further down, after text of the description, or in a quotation: kept in the description',
    message: (args) => {
      if (args.as === 'not-a-field') return `Expected a field as \`Label: value\`, found ${code(args.found)}; the item is kept at the start of the description`
      if (args.as === 'trailing') return `Only the first paragraph of the field ${code(args.label)} is its value; what follows it in the item is kept at the start of the description`
      const one = args.labels.length === 1
      const fields = `${one ? 'The field' : 'The fields'} ${args.labels.map(code).join(', ')} ${one ? 'is' : 'are'}`
      const kept = `so ${one ? 'it is' : 'they are'} kept in the description, not read as fields`
      if (args.as === 'quoted') return `${fields} in a list in a quotation (\`>\`), not in the programme’s field list under its heading, ${kept}`
      if (args.as === 'paragraph') return `${fields} written as ${one ? 'a line' : 'lines'} of a paragraph, not as a list (\`- Label: value\`), ${kept}`
      return args.as === 'split'
        ? `${fields} in a list of ${one ? 'its' : 'their'} own after the field list (another bullet: \`-\`, \`*\`, \`+\`), ${kept}`
        : `${fields} in a list after text of the programme’s description, not in its field list under the heading, ${kept}`
    },
    hint: 'Write each item of a programme’s field list as `- Label: value`, with the same bullet in one list, right under the programme’s heading; move fields written further down, after text of the description or in a quotation (lines starting with `>`, as a converter writes indented paragraphs), into that list. Put a paragraph before a list that is part of the description.'
  }),
  'no-beneficiaries': rule<{title: string}>({
    severity: 'warning',
    summary: 'a programme that names no beneficiaries',
    message: ({title}) => `${quote(title)} names no beneficiaries`,
    hint: 'Add a `Beneficiaries:` field naming the Members, observers or organisations, separated by `;`.'
  }),
  'beneficiary-unknown': rule<{written: string; suggestions: readonly string[]; nonMember?: boolean | undefined}>({
    severity: 'error',
    fixed: true,
    summary: 'a beneficiary art67 does not know (with the nearest names), or a state neither a WTO Member nor an observer',
    message: ({written, suggestions, nonMember}) =>
      nonMember
        ? `${code(written)} is neither a WTO Member nor an observer, so it is no beneficiary art67 knows; to name it all the same, write it in double quotes`
        : `Unknown beneficiary ${code(written)}${didYouMean(suggestions)}`,
    hint: 'Write the WTO name of a Member or observer, an organisation or a group art67 knows (see the README), or put deliberate free text in double quotes: "Global South".'
  }),
  'beneficiary-region': rule<{written: string}>({
    severity: 'error',
    fixed: true,
    summary: 'a region (Africa, Latin America …) named as a beneficiary',
    message: ({written}) => `${code(written)} is a region, not a beneficiary art67 can look up`,
    hint: 'Name the Members it means, separated by `;`, or keep the region as written by putting it in double quotes: "Africa".'
  }),
  'beneficiary-separator': rule<{written: string; separated: string}>({
    severity: 'error',
    fixed: true,
    summary: 'several beneficiaries separated by `,` or “and” instead of `;`',
    message: ({written, separated}) => `${code(written)} looks like several names in one: write ${code(separated)}`,
    hint: 'Separate beneficiaries with `;`, never `,` or “and”: WTO names hold commas (`Korea, Republic of`) and “and” (`Antigua and Barbuda`).'
  }),
  'member-unknown': rule<{written: string; suggestions: readonly string[]}>({
    severity: 'error',
    summary: 'a `member` that is not a WTO Member, observer or organisation art67 knows (with the nearest names)',
    message: ({written, suggestions}) => `${code(written)} is not a WTO Member, observer or organisation art67 knows${didYouMean(suggestions)}`,
    hint: 'Write the WTO name of the Member reporting, or a spelling art67 knows (see “Beneficiaries” in the README), e.g. `member: Canada`; the outputs print the WTO name.'
  }),
  'beneficiary-developed': rule<{name: string}>({
    severity: 'warning',
    summary: 'a developed Member named as a beneficiary',
    message: ({name}) => `${code(name)} is a developed Member named as a beneficiary`,
    hint: 'Article 67 is about cooperation in favour of developing and least-developed Members: check that this Member is a beneficiary, not a partner.'
  }),
  'beneficiary-repeated': rule<{written: string; first: string}>({
    severity: 'warning',
    summary: 'a beneficiary that adds no one: every Member it names is already named in the same field, so it is listed once',
    message: ({written, first}) =>
      written === first
        ? `${code(written)} is named twice in this field; it is listed once`
        : `${code(written)} is already named in this field, by ${code(first)}; it is listed once`,
    hint: 'Delete the repetition, or correct it if another beneficiary was meant.',
    related: 'where it is first named'
  }),
  'table-columns': rule<{titleLike?: string | undefined; fields: string[]; numbered: boolean}>({
    severity: 'error',
    summary: 'a table with a number column (`#`, `No.`) or programme columns (`Start date`, `Beneficiaries` …) but no `Title` column under the programmes heading',
    message: ({titleLike, fields, numbered}) => {
      const has = numbered ? 'a number column' : `the column${fields.length === 1 ? '' : 's'} ${and(fields.map(code))}`
      const title = titleLike === undefined ? '' : `: ${code(titleLike)} is not one`
      return `This table has ${has} but no title column${title}, so it is not read as programmes`
    },
    hint: 'A programme table needs a title column, named `Title` or `Title of programme or activity` (or `Titre`, `Título` …); its other columns are field labels.'
  }),
  'table-row-unpiped': rule<{text: string}>({
    severity: 'warning',
    summary: 'a line right after a table, with no `|` and no blank line before it, read as a row of the table',
    message: ({text}) => `${code(text)} follows the table with no blank line between, so it is read as a row of the table`,
    hint: 'Leave a blank line between the table and the text after it; a row of the table writes its cells between `|`.'
  }),
  'table-row-split': rule<{joined: boolean; before: number; cells: number; header: number}>({
    severity: 'warning',
    summary:
      'a line of a programme table that does not start with `|`, right after a row not closed with `|` or with cells missing: a row split by a line break (Enter typed in a cell), read as the rest of that row',
    message: ({joined, before, cells, header}) => {
      const why = joined ? 'the row above does not end with one' : `the row above has ${before} of the table’s ${header} cells`
      const read = joined
        ? `its text is read as the end of that row’s last cell${cells > 1 ? ', and its other cells as the row’s next ones' : ''}`
        : `its ${cells === 1 ? 'cell is read as the row’s next one' : `${cells} cells are read as the row’s next ones`}`
      return `This line does not start with \`|\` and ${why}, so it is taken for the rest of that row, split by a line break: ${read}, not as a programme of its own`
    },
    hint: 'Write each row of a table on one line: join this line to the end of the row above. If it is a programme of its own, start it with `|` and give it a cell for each column.'
  }),
  'table-row-short': rule<{cells: number; header: number}>({
    severity: 'warning',
    summary: 'a table row with fewer cells than the table’s header: its last columns are left empty',
    message: ({cells, header}) =>
      `This row has ${cells} cell${cells === 1 ? '' : 's'} and the table’s header ${header}: its last ${header - cells === 1 ? 'column is' : `${header - cells} columns are`} left empty`,
    hint: 'If a cell was forgotten, write it in its place; write an empty cell as `| |`, so that every row has a cell for each column (`| 1 | | |` under a header of three).'
  }),
  'table-broken': rule<{kind: 'pipes'; programmes: boolean; header: number; delimiter: number | undefined} | ({kind: 'tabs'} & TabLines)>({
    severity: 'error',
    summary:
      'lines written as a table whose second line is not a delimiter row with one `---` per column, or lines of cells separated by tabs (a table pasted from a word processor) with a `Title` column under the programmes heading, so they are printed as text',
    message: (args) => {
      if (args.kind === 'tabs') return `${tabLines(args)}, so Markdown prints them as ${tabParagraphs(args)} and no programme is read from them: ${asMarkdown(args.header)}`
      const {programmes, header, delimiter} = args
      const why =
        delimiter === undefined
          ? 'the line under its header is not a delimiter row (`| --- |` once per column)'
          : `its delimiter row has ${delimiter} column${delimiter === 1 ? '' : 's'} and its header ${header}`
      return `These lines are written as a table, but ${why}, so they are printed as text${programmes ? ' and no programme is read from them' : ''}`
    },
    hint: 'Write a table in Markdown: its cells between `|`, one line a row, and right under the header a delimiter row with one `---` per header column, e.g. `| --- | --- |` under a header of two columns. If the lines are meant as text, write each `|` in them as `\\|`, or each tab as a space.'
  }),
  'table-tabs': rule<TabLines>({
    severity: 'warning',
    summary: 'lines of cells separated by tabs (a table pasted from a word processor): printed as text, not a table, each tab kept as written (the PDF prints it as four spaces)',
    message: (args) => `${tabLines(args)}, so Markdown prints them as ${tabParagraphs(args)}, not a table, each tab kept as written (the PDF prints it as four spaces): ${asMarkdown(args.header)}`,
    hint: 'To print them as a table, write them as a Markdown table: each line a row with its cells between `|`, and a delimiter row with one `---` per column under the first. To print them as text, replace the tabs with spaces or punctuation.'
  }),
  'strike-as-text': rule<{text: string; where: 'title' | 'field' | 'cell'}>({
    severity: 'error',
    summary: 'struck-out text (`~~…~~`) in a programme’s title, field or table cell, which are read as plain text: it would count as written',
    message: ({text, where}) =>
      `${code(text)} is struck out, but a programme’s ${where === 'title' ? 'title' : where === 'field' ? 'field' : 'table cell'} is read as plain text, so it would be printed, listed and counted as if it were not`,
    hint: 'Delete the struck-out words if they no longer hold, or remove the `~~` around them to keep them. Struck-out text is printed struck out only in the narrative and descriptions.'
  }),
  'link-address-dropped': rule<{text: string; url: string; label?: string | undefined}>({
    severity: 'warning',
    summary: 'a link in a programme’s title, ID, beneficiaries, partners or dates, which keep only their text: its address is printed nowhere',
    message: ({text, url, label}) =>
      `The link ${quote(text)} in ${label === undefined ? 'the programme’s title' : code(label)} keeps only its text: its address ${code(url)} is printed nowhere`,
    hint: 'A programme’s title, beneficiaries and partners are printed as names, without links. Give the address in the `Website:` field or in the description, or remove the link.'
  }),
  'raw-html': rule<{comment?: boolean}>({
    severity: 'warning',
    summary: 'raw HTML: printed as text, never interpreted (an HTML comment too)',
    message: ({comment}) =>
      comment
        ? 'This HTML comment is printed as text in the PDF: art67 hides nothing the sources say'
        : 'Raw HTML is printed as text, not interpreted',
    hint: 'Write the content in Markdown; HTML is not interpreted. For a line break (`<br>`), end the line with two spaces or `\\`; a table cell holds one line: write a space, or `;` between beneficiaries. Keep notes to the team in a file `.art67ignore` lists, or in a README, which are not read.'
  }),
  'image-ignored': rule<{url: string; alt: string}>({
    severity: 'warning',
    summary: 'an image: never read or fetched; the PDF shows its description',
    message: ({url, alt}) => `The image ${code(url)} is not embedded; the PDF shows its description ${code(alt)}`,
    hint: 'Describe the content in text; art67 never reads or fetches images.'
  }),
  'link-title-ignored': rule<{title: string}>({
    severity: 'warning',
    summary: 'a link’s title (`[text](https://… "title")`, or a definition’s): not printed',
    message: ({title}) => `The link title ${quote(title)} is not printed: the outputs keep the link’s text and address`,
    hint: 'Put the title’s words in the text, or delete the title (the quoted text after the address).'
  }),
  'init-text-left': rule<{text: string}>({
    severity: 'warning',
    summary: 'a text `art67 init` wrote for you to replace (the example programme, “Describe here…”), still in the sources',
    message: ({text}) => `${quote(text)} is a text \`art67 init\` wrote for you to replace; it would be printed as it is`,
    hint: 'Write your own text instead, or delete it (the example programme is a row of the programmes table and a section of `programmes/agency.md`).'
  }),
  'definition-unused': rule<{label: string; url: string; duplicate: boolean}>({
    severity: 'warning',
    summary: 'a link definition (`[label]: https://…`) that no link uses, or that repeats a label: its address is printed nowhere',
    message: ({label, url, duplicate}) =>
      duplicate
        ? `The link definition ${code(`[${label}]`)} repeats a label defined above, so links use the first and ${code(url)} is printed nowhere`
        : `No link uses the link definition ${code(`[${label}]`)}, so ${code(url)} is printed nowhere`,
    hint: 'Refer to it from a link (`[text][label]`), give it a label of its own, or delete it.',
    related: 'the definition links use'
  }),
  'footnote-as-text': rule<{label: string}>({
    severity: 'warning',
    summary: 'a footnote: its mark is printed as `[1]` and its note as a paragraph where the note is written',
    message: ({label}) => `Footnote ${code(`[^${label}]`)} is printed as text: its mark as ${code(`[${label}]`)}, its note as a paragraph here, not at the foot of a page`,
    hint: 'Put the note’s words in the text (in brackets, say), or leave it: nothing is lost, but the note is numbered and placed as a paragraph of its own.'
  }),
  'link-local': rule<{url: string}>({
    severity: 'warning',
    summary: 'a link to a file rather than a web address: its text is kept without the link',
    message: ({url}) => `The link to ${code(url)} points at a file, which a reader of the PDF does not have; its text is kept without the link`,
    hint: 'Link to a web address (https://…), or name the document in the text.'
  }),
  'nesting-too-deep': rule<{limit: number}>({
    severity: 'warning',
    summary: 'lists or quotations nested more than 12 deep: the deeper text becomes a plain paragraph',
    message: ({limit}) => `Lists and quotes nest more than ${limit} deep here; the deeper text is kept as a plain paragraph`,
    hint: 'Flatten the list or quotation.'
  }),
  'heading-setext': rule<{underline: string; text: string}>({
    severity: 'warning',
    summary: 'text made a heading by a line of `---` or `===` right under it, though it reads as a paragraph (several lines, or a sentence’s end)',
    message: ({underline, text}) =>
      `${quote(text)} is a heading, not a paragraph, because of the line ${code(underline)} right under it (Markdown reads text over such a line as a heading); it is printed as one, and under the programmes heading it starts a programme`,
    hint: 'For a horizontal rule after the text, leave a blank line before `---`; for a heading, write it with `#` (`## Title`).'
  }),
  'heading-skipped': rule<{depth: number; expected: number; after: number | undefined}>({
    severity: 'warning',
    summary: 'a numbered heading more than one level below the heading before it (`###` right after `#`): each level skipped is numbered 1',
    message: ({depth, expected, after}) => {
      const where = after === undefined ? `is the first of the body, whose top level is ${marks(expected)}` : `comes right after a ${marks(after)} heading`
      const skipped = depth - expected === 1 ? 'a level' : `${depth - expected} levels`
      return `This ${marks(depth)} heading ${where}, skipping ${skipped}: ${marks(expected)} was expected, and each level skipped counts as 1 in its number`
    },
    hint: 'Give the heading the level expected (at most one `#` more than the heading before it), or write headings for the levels between: `#` is numbered 1, `##` 1.1, `###` 1.1.1.',
    related: 'the heading before it'
  }),
  'glyph-missing': rule<{characters: readonly string[]; more: number; placeholder: string}>({
    severity: 'warning',
    summary: 'printed characters the PDF font cannot draw (emoji, CJK …), named with their code points at each line where they are: the PDF prints `?` for them',
    message: ({characters, more, placeholder}) =>
      `The PDF font cannot draw ${characters.join(', ')}${more > 0 ? ` and ${more} more` : ''}; the PDF prints ${code(placeholder)} instead`,
    hint: 'Write these characters another way (e.g. spell out a symbol), or leave them out: the PDF font covers Latin, Greek and Cyrillic text.'
  }),
  'text-right-to-left': rule<{text: string; more: number}>({
    severity: 'warning',
    summary: 'printed text in a right-to-left script (Hebrew, Arabic …): the PDF lays it out left to right',
    message: ({text, more}) =>
      `${code(text)} holds right-to-left text, which the PDF prints left to right: its letters in reverse reading order, numbers, spaces and brackets among them on the wrong side${more > 0 ? ` (and ${more} more text${more === 1 ? '' : 's'} of this file)` : ''}`,
    hint: 'Write the text in Latin letters (a transliteration): the PDF has no right-to-left layout. The XLSX and JSON keep it as written.'
  }),
  // Issue 9 items 4, 5 and 8: what the PDF and XLSX could not show as written.
  'table-too-wide': rule<{columns: number; max: number; page: string; minFontSize: number; nested: boolean}>({
    severity: 'error',
    summary: 'a table with more columns than the page can hold at the smallest table font, even one character wide',
    message: ({columns, max, page, minFontSize, nested}) =>
      `This table has ${columns} columns, but at most ${max} fit ${nested ? `in its list or quotation on a portrait ${page} page` : `across a landscape ${page} page`}, even at ${minFontSize} pt and one character wide`,
    hint: 'Split it into tables of fewer columns, or turn columns into rows; a table outside lists and quotations may take a landscape page.'
  }),
  'date-too-early': rule<{what: string; written: string}>({
    severity: 'warning',
    summary: 'a date before 1 March 1900, which Excel cannot show as a date: the XLSX gives it as text',
    message: ({what, written}) =>
      `The ${what} ${code(written)} is before 1 March 1900, which Excel cannot show as a date; the XLSX gives it as the text ${code(written)}`,
    hint: 'Check the year: Article 67 reports cover activities since 1995. A date that is right stays a date in the PDF and JSON.'
  }),
  // Issue 9 item 11: shapes the Markdown parser handles in more than linear time, or with recursion as deep as the
  // nesting, are refused before parsing (parse/limits.ts), so every file checks and builds in time linear in its size.
  'nesting-limit': rule<{nesting: number; lines: number; limit: number}>({
    severity: 'error',
    fixed: true,
    summary: 'a line nested more than 100 levels deep in block quotes and lists: not read',
    message: ({nesting, lines, limit}) =>
      `This line is nested ${nesting} levels deep in block quotes and lists, more than the ${limit} art67 reads; its text ${
        lines > 1 ? `and that of the ${lines - 1} lines after it, nested too deep as well, are` : 'is'
      } not read`,
    hint: 'Flatten the quotation or list. Each `>` and list marker before the text counts as a level, and so do each two columns of indentation; lists and quotations nested more than 12 deep already print as plain paragraphs.'
  }),
  'block-too-long': rule<{kind: 'text' | 'code'; limit: number}>({
    severity: 'error',
    fixed: true,
    summary: 'a paragraph, heading, table row or code block over 50,000 characters: not read',
    message: ({kind, limit}) =>
      `This ${kind === 'code' ? 'code block' : 'paragraph'} runs past ${limit} characters here, more than art67 reads in one block; its text is not read`,
    hint: 'Split it with blank lines into paragraphs (or code blocks) of at most 50,000 characters, about 20 pages of text.'
  }),
  'table-too-long': rule<{limit: number}>({
    severity: 'error',
    fixed: true,
    summary: 'a table of more than 20,000 rows: the rows after are not read',
    message: ({limit}) => `This table has more than ${limit.toLocaleString('en')} rows; this row and the rest of the table are not read`,
    hint: 'Split the rows over several tables or files: art67 reads at most 20,000 rows in one table.'
  }),
  'markup-limit': rule<{kind: 'emphasis' | 'brackets'; emphasisMarks: number; brackets: number}>({
    severity: 'error',
    fixed: true,
    summary: 'a paragraph with more than 1,000 marks `*`, `_` or `~`, or more than 100 brackets open at once or closing none: not read',
    message: ({kind, emphasisMarks, brackets}) =>
      kind === 'emphasis'
        ? `This paragraph has more than ${emphasisMarks} emphasis marks (\`*\`, \`_\`, \`~\`), the last here; its text is not read`
        : `This paragraph has more than ${brackets} brackets open at once, or closing none, the last here; its text is not read`,
    hint: 'Split the paragraph with blank lines, or write marks meant as text with a backslash (`\\*`, `\\[`): art67 reads at most 1,000 emphasis marks in one paragraph, and 100 brackets `[` open at once or `]` closing none.'
  }),
  // Issue 12, `art67 import`: problems of an e-TRIPS page, placed in the page's text. Every guess that could be
  // wrong is a warning, so that the person importing checks it against e-TRIPS.
  'import-unreadable': rule<ImportUnreadable>({
    severity: 'error',
    summary: 'a file given to `art67 import` that is not a text file it reads: a folder, pipe or device, over 20 MB, binary, or neither UTF-8 nor UTF-16 with a byte-order mark',
    message: (args) => {
      switch (args.as) {
        case 'folder':
          return 'This is a folder, not a file'
        case 'named pipe':
        case 'socket':
        case 'device':
          return `This is a ${args.as}, not a regular file, so it is not read`
        case 'too-large':
          return `This file has ${args.bytes} bytes; the most art67 reads is ${args.limit}`
        case 'binary':
          return 'This file is binary, not text: it holds a NUL byte here'
        case 'encoding':
          return 'This file is not valid UTF-8 or UTF-16 text: the bytes here cannot be read as text'
        case 'utf-16':
          return `This file is saved as UTF-16 (${args.endian}-endian) without a byte-order mark, so its encoding is not certain`
        case 'utf-32':
          return 'This file is saved as UTF-32, not UTF-8 or UTF-16'
      }
    },
    hint: 'Give the text file the page was saved in: select the whole e-TRIPS page in the browser, copy it, paste it into a plain-text editor and save it as UTF-8 (in Notepad, “UTF-8” or “Unicode”).'
  }),
  'import-html': rule<{start: string}>({
    severity: 'error',
    summary: 'a file given to `art67 import` that is a web page saved as HTML (“Save page as”), not the text copied from it',
    message: ({start}) => `This file is a web page saved as HTML (it starts with ${code(start)}), not the text copied from the page, so nothing was imported`,
    hint: 'In the browser, select the whole e-TRIPS page (Ctrl+A, ⌘A on a Mac), copy it (Ctrl+C, ⌘C), paste it into a plain-text editor (Notepad; TextEdit after “Make Plain Text”) and save it as a text file: “Save page as” saves HTML, not the page’s text.'
  }),
  'import-not-etrips': rule({
    severity: 'error',
    summary: 'a file given to `art67 import` with neither numbered paragraphs nor the texts of an e-TRIPS page (list of programmes, column titles)',
    message: () => 'This text has neither numbered paragraphs nor the texts of an e-TRIPS page, so nothing was imported',
    hint: 'Open the report in the e-TRIPS Submission System (“View details”), select the whole page, copy it and save it as a text file: art67 reads the English, French and Spanish pages.'
  }),
  'import-member-missing': rule({
    severity: 'warning',
    summary: 'an imported page that names no Member art67 knows, with no `--member`: `member` is left as a placeholder',
    message: () => 'No reporting Member was given or found in the text: `member` is left as a commented placeholder in report.md',
    hint: 'Give `--member` (e.g. `--member Canada`), or fill in `member:` in the front matter of report.md before `art67 check`.'
  }),
  'import-member-guessed': rule<{member: string; times: number}>({
    severity: 'warning',
    summary: 'the reporting Member of an imported page taken from its text: the Member it names most often',
    message: ({member, times}) => `${code(member)} was taken as the reporting Member: the text names it ${times === 1 ? 'once' : `${times} times`}, more than any other Member`,
    hint: 'Check `member:` in report.md, or give `--member`.'
  }),
  'import-period-missing': rule({
    severity: 'warning',
    summary: 'an imported page with no period in its text (“covering the 2020-2021 period”) and no `--period`',
    message: () => 'No reporting period was given or found in the text: `period` is left as a commented placeholder in report.md',
    hint: 'Give `--period` (e.g. `--period 2020-2021`), or fill in `period:` in the front matter of report.md before `art67 check`.'
  }),
  'import-period-guessed': rule<{period: string}>({
    severity: 'warning',
    summary: 'the reporting period of an imported page taken from its text',
    message: ({period}) => `The period ${code(period)} was taken from this sentence`,
    hint: 'Check `period:` in report.md, or give `--period`: a report covers the period since the previous one.'
  }),
  'import-language-guessed': rule<{language: string; ui: string | undefined}>({
    severity: 'warning',
    summary: 'the language of an imported report taken from its text, which is not the language of the page’s interface (nor English, on a page without one)',
    message: ({language, ui}) =>
      ui
        ? `The page's text is in ${language}, not in the ${ui} of its interface: the report was imported in ${language}`
        : `The page's text is in ${language}: the report was imported in ${language}`,
    hint: 'Check the language of report.md (`language:`, English when there is none), or give `--language` (`en`, `fr` or `es`).'
  }),
  'import-dates-in-row': rule<{date: string; others: readonly string[]}>({
    severity: 'warning',
    summary: 'an e-TRIPS row with several DD/MM/YYYY dates: the last is read as the start date, the others as part of the title',
    message: ({date, others}) => `This row holds several dates: ${code(date)} was read as the start date and ${and(others.map(code))} kept in the title`,
    hint: 'Check the row against the e-TRIPS list and correct the table in report.md if the start date is another one.'
  }),
  'import-beneficiaries-guessed': rule<{names: readonly string[]; title: string}>({
    severity: 'warning',
    summary: 'an e-TRIPS row without a start date whose last words are names art67 knows: read as the beneficiaries',
    message: ({names, title}) => `This row has no start date: ${and(names.map(code))} at its end ${names.length === 1 ? 'was' : 'were'} read as the beneficiaries, and ${quote(title)} as the title`,
    hint: 'Check the row against the e-TRIPS list; if a name belongs to the title, move it back into the Title cell of the table in report.md.'
  }),
  'import-title-name-kept': rule<{name: string}>({
    severity: 'warning',
    summary: 'an e-TRIPS row without a start date that ends in a name art67 knows, kept in the title (“… for developing countries”)',
    message: ({name}) => `This row has no start date and ends in ${code(name)}, which reads as the end of the title: it was kept in the title, with no beneficiaries`,
    hint: 'Check the row against the e-TRIPS list; if the name is the beneficiary, move it to the Beneficiaries cell of the table in report.md.'
  }),
  'import-beneficiary-free': rule<{written: string}>({
    severity: 'warning',
    summary: 'a beneficiary of an e-TRIPS row that is not a name art67 knows: written as free text in quotes',
    message: ({written}) => `${code(written)} is not a name art67 knows: it was written as free text, in quotes`,
    hint: 'Check the row against the e-TRIPS list: write the WTO name of a Member or observer instead of the quoted text, or keep the quotes for a beneficiary with no WTO name.'
  }),
  'import-row-continued': rule<{row: number; number?: number | undefined}>({
    severity: 'warning',
    summary: 'a line of an e-TRIPS list that does not start with a row number, or starts with a number other than the next row’s (“2019 phase …” after row 2): read as the end of the row before',
    message: ({row, number}) =>
      number === undefined
        ? `This line does not start with a row number: it was read as the end of row ${row}`
        : `This line starts with ${number}, not ${row + 1}, the number of the next row: it was read as the end of row ${row}`,
    hint: 'Check the row against the e-TRIPS list: copying can break a long row over two lines, also before a number in its text (“… for” / “100 patent examiners …”).'
  }),
  'import-row-sequence': rule<{number: number; previous: number | undefined}>({
    severity: 'warning',
    summary: 'a row of an e-TRIPS list whose number does not follow the row before (rows 1, 2, 5): rows missing from the copy',
    message: ({number, previous}) => {
      if (previous === undefined) return `The list’s first row is numbered ${number}, not 1: the rows before it are missing from the copied page`
      if (number <= previous) return `This row is numbered ${number}, after row ${previous}: e-TRIPS numbers its rows 1, 2, 3 … in order`
      const missing = number - previous - 1
      const rows = missing === 1 ? `row ${previous + 1} is` : `rows ${previous + 1} ${missing === 2 ? 'and' : 'to'} ${number - 1} are`
      return `This row is numbered ${number}, after row ${previous}: ${rows} missing from the copied page`
    },
    hint: 'Compare with the e-TRIPS list: copy the whole page again if rows are missing, or add them to the table in report.md.'
  }),
  'import-extra-cells': rule<{cells: readonly string[]}>({
    severity: 'warning',
    summary: 'an e-TRIPS row copied with tabs that has more cells than the list has columns: the extra cells are kept at the end of the title',
    message: ({cells}) =>
      `This row has ${cells.length === 1 ? 'one cell' : `${cells.length} cells`} more than the e-TRIPS list (title, start date, beneficiaries): ${and(cells.map(code))} ${cells.length === 1 ? 'was' : 'were'} kept at the end of the title`,
    hint: 'Check the row against the e-TRIPS list: in report.md, move the text to the column it belongs to (an `End date` column can be added to the table) or delete it.'
  }),
  'import-no-rows': rule<{lines: number}>({
    severity: 'warning',
    summary: 'an imported page whose list of programmes gives no row: none of its lines starts with a row number and the row’s text',
    message: ({lines}) =>
      lines === 0
        ? 'The list of programmes is empty: report.md lists no programmes'
        : `No row of the list of programmes was read: ${lines === 1 ? 'the line under its heading does not start' : `none of the ${lines} lines under its heading starts`} with a row number followed by the row’s text, so ${lines === 1 ? 'it was kept as a paragraph' : 'they were kept as paragraphs'}`,
    hint: 'Copy the page from the browser, where each row is copied as one line, “1 Workshop on patents 24/04/2021 Kenya” (a PDF viewer puts each cell on a line of its own), or write the rows into the table of report.md.'
  })
} as const

export type RuleId = keyof typeof catalogue
export type RuleArgs<Id extends RuleId> = Parameters<(typeof catalogue)[Id]['message']>[0]
export const ruleIds = Object.keys(catalogue) as RuleId[]

/** Where each rule is documented, relative to the package: docs/rules.md has a section per rule id. */
export const ruleUrl = (id: RuleId) => `docs/rules.md#${id}`
