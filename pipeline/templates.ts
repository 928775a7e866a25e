// Fixed text and styles a user changes without touching code: templates/<language>.json and templates/styles.json.
import {readdir} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {z} from 'zod'
import {Art67Error} from './errors.js'
import {normalizeLabel} from './extract/labels.js'
import {fieldKeys, type FieldKey} from './fields.js'
import {fontTables, locateFont} from './fonts/index.js'
import {pageSizes, type PageSizeName} from './page.js'
import {openRegularFile, readSettingsFile} from './settings-file.js'
import {nearest} from './suggest.js'

const labels = z.array(z.string().min(1)).min(1)
/** A worksheet's name, as Excel allows it (exceljs refuses the others only once a workbook is made). */
const sheetName = z
  .string()
  .min(1)
  .max(31)
  .regex(/^[^*?:\\/[\]]*$/, 'a sheet name cannot hold * ? : \\ / [ or ]')
  .refine((name) => !name.startsWith("'") && !name.endsWith("'"), 'a sheet name cannot start or end with an apostrophe')
  .refine((name) => name.toLowerCase() !== 'history', 'Excel keeps the sheet name "History" for itself')

/** One entry per field of the field table. */
const perField = <T extends z.ZodType>(schema: T) => Object.fromEntries(fieldKeys.map((key) => [key, schema])) as Record<FieldKey, T>

/** A text in the forms of a language's plural rules: for one, and for any other number. */
const pluralForms = z.object({one: z.string().min(1), other: z.string().min(1)})

const changeKinds = {
  report: z.string(),
  new: z.string(),
  ended: z.string(),
  changed: z.string(),
  continuing: z.string(),
  reached: z.string(),
  noLongerReached: z.string()
}

/** A placeholder in a text of the labels: `{member}`. */
const placeholder = /\{(\w+)\}/g
/** The placeholders that name the report, as the overview's titles take them. */
const naming = ['member', 'of', 'period']
/**
 * The placeholders each text of the labels is filled with, by its path (array items have their parent's); every
 * other text takes none. A placeholder not listed here would be printed as written, so the labels refuse it.
 */
export const placeholders: Record<string, readonly string[]> = {
  circulation: ['date', 'requester'],
  requester: ['member', 'of'],
  requesterOwnName: ['member', 'of'],
  page: ['page', 'pages'],
  original: ['original'],
  job: ['job'],
  runningHead: ['page'],
  documentTitle: ['symbol', 'title', 'member'],
  'annex.subheading': ['period'],
  'dates.day': ['day', 'month', 'year'],
  'dates.month': ['month', 'year'],
  'workbook.title': ['member', 'period'],
  'changes.title': ['old', 'new'],
  'overview.pageHead': [...naming, 'page', 'pages'],
  'overview.pdfTitle': naming,
  'overview.timelineTitle': naming,
  'overview.regionsTitle': naming,
  'overview.beneficiariesTitle': naming,
  'overview.ldcShare.one.one': ['reaching', 'programmes', 'share'],
  'overview.ldcShare.one.other': ['reaching', 'programmes', 'share'],
  'overview.ldcShare.other.one': ['reaching', 'programmes', 'share'],
  'overview.ldcShare.other.other': ['reaching', 'programmes', 'share'],
  'overview.timelineKey.new': ['old'],
  'overview.timelineKey.ended': ['old']
}

/** Every string in `value`, with its path. */
function* strings(value: unknown, at: (string | number)[] = []): Generator<[(string | number)[], string]> {
  if (typeof value === 'string') yield [at, value]
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) yield* strings(item, [...at, Array.isArray(value) ? Number(key) : key])
  }
}

export const Labels = z.object({
  language: z.string().min(2),
  /**
   * Names of languages in this one, by code, as "Original:" prints them ("anglais"): the sources' own language, and
   * those of reports whose outputs are built in this language.
   */
  languageNames: z.record(z.string(), z.string().min(1)),
  /** Lines printed top left on page 1, above the body's name; none by default (never the WTO emblem). */
  organisation: z.array(z.string().min(1)),
  /** The body's name in the header, as the lines it is printed in ("…Aspects of" / "Intellectual Property Rights"). */
  council: z.array(z.string().min(1)).min(1),
  title: z.array(z.string()).min(1),
  /** The circulation sentence: `{date}` (a draft's is the `draft.date` placeholder) and `{requester}`. */
  circulation: z.string().min(1),
  /**
   * Who asks: `{member}`, the name as a sentence writes it (English with its article, "the United States of
   * America"), or `{of}`, with "of" and its article as the language needs ("des États-Unis d'Amérique").
   */
  requester: z.string().min(1),
  /** For a Member that asks in its own name, not through a delegation: the European Union. */
  requesterOwnName: z.string().min(1),
  page: z.string().min(1),
  original: z.string().min(1),
  job: z.string().min(1),
  /** The page number line of the running head, under the symbol. */
  runningHead: z.string().min(1),
  /** What a draft shows: a mark on every page, and placeholders for what the Secretariat has not assigned yet. */
  draft: z.object({mark: z.string().min(1), date: z.string().min(1), symbol: z.string().min(1), job: z.string().min(1)}),
  /** The rule under the circulation sentence, a centred paragraph. */
  rule: z.string().min(1),
  /** The PDF's Title. */
  documentTitle: z.string().min(1),
  annex: z.object({
    heading: z.string(),
    subheading: z.string(),
    summary: z.string(),
    details: z.string(),
    none: z.string(),
    description: z.string()
  }),
  months: z.array(z.string().min(1)).length(12),
  /** Dates in words: `{day}`, `{month}` and `{year}`; `firstDay` is how the first day of a month is written ("1er"). */
  dates: z.object({day: z.string().min(1), month: z.string().min(1), firstDay: z.string().min(1)}),
  /** Column titles and field labels in the outputs: one per field, and the annex's own. */
  columns: z.object({
    ...perField(z.string()),
    no: z.string(),
    title: z.string(),
    other: z.string(),
    description: z.string(),
    source: z.string(),
    beneficiary: z.string(),
    code: z.string(),
    kind: z.string(),
    region: z.string(),
    ldc: z.string(),
    programmes: z.string()
  }),
  summary: z.object({
    heading: z.string(),
    programmes: z.string(),
    reachingLdcs: z.string(),
    ldcShare: z.string(),
    byRegion: z.string(),
    byBeneficiary: z.string(),
    noRegion: z.string(),
    yes: z.string(),
    no: z.string(),
    /** An LDC status art67 cannot know: free text and groups kept as written. */
    unknown: z.string()
  }),
  kinds: z.object({member: z.string(), observer: z.string(), organisation: z.string(), group: z.string(), free: z.string()}),
  /** Display names of the registry's regions. */
  regions: z.record(z.string(), z.string()),
  workbook: z.object({
    title: z.string(),
    /** The title of `--combined`'s workbook of several reports. */
    combinedTitle: z.string(),
    subject: z.string(),
    programmesSheet: sheetName,
    beneficiariesSheet: sheetName,
    summarySheet: sheetName
  }),
  sources: z.object({
    programmesHeadings: labels,
    fields: z.object(perField(labels)),
    tableColumns: z.object({no: labels, title: labels})
  }),
  /** Issue 12: `art67 diff` and the XLSX's Changes sheet (`build --since`). */
  changes: z.object({
    sheet: sheetName,
    /** The heading of the text and Markdown formats: `{old}` and `{new}` are "Member, period". */
    title: z.string().min(1),
    none: z.string().min(1),
    columns: z.object({change: z.string(), field: z.string(), old: z.string(), new: z.string()}),
    /** Each kind of change, as the Changes sheet's Change column names it. */
    kinds: z.object(changeKinds),
    /** Each kind of change as a heading of the text and Markdown formats. */
    headings: z.object(changeKinds),
    /** The report's own fields a change can name. */
    fields: z.object({member: z.string(), period: z.string(), date: z.string(), symbol: z.string()})
  }),
  /**
   * `build --overview`: its page head and charts. `{member}`, `{of}` (the Member after "of", as in `requester`) and
   * `{period}`; `{page}`, `{pages}`; `{old}`, the earlier report's period (`--since`); `{reaching}`, `{programmes}`, `{share}`.
   */
  overview: z.object({
    pageHead: z.string().min(1),
    pdfTitle: z.string().min(1),
    timelineTitle: z.string().min(1),
    regionsTitle: z.string().min(1),
    regionsNote: z.string(),
    beneficiariesTitle: z.string().min(1),
    /**
     * The LDC share, chosen as the language's plural rules class the number of programmes (one, or any other number),
     * then the number of them reaching an LDC: a noun or a verb may agree with either ("1 of 9 programmes reaches",
     * "1 programme sur 9 atteint", "7 programmes sur 9 atteignent").
     */
    ldcShare: z.object({one: pluralForms, other: pluralForms}),
    barKey: z.object({ldc: z.string().min(1), others: z.string().min(1), unknown: z.string().min(1)}),
    timelineKey: z.object({
      day: z.string().min(1),
      month: z.string().min(1),
      year: z.string().min(1),
      noEnd: z.string().min(1),
      period: z.string().min(1),
      new: z.string().min(1),
      ended: z.string().min(1)
    }),
    /** Short tags at the end of a new or ended programme's label. */
    tags: z.object({new: z.string().min(1), ended: z.string().min(1)}),
    noDates: z.string().min(1)
  })
})
  .refine((labels) => labels.languageNames[labels.language] !== undefined, {
    message: 'languageNames must name the template’s own language',
    path: ['languageNames']
  })
  .superRefine((labels, context) => {
    const {programmesSheet, beneficiariesSheet, summarySheet} = labels.workbook
    const sheets: Array<[string[], string]> = [
      [['workbook', 'programmesSheet'], programmesSheet],
      [['workbook', 'beneficiariesSheet'], beneficiariesSheet],
      [['workbook', 'summarySheet'], summarySheet],
      [['changes', 'sheet'], labels.changes.sheet]
    ]
    sheets.forEach(([at, name], index) => {
      const same = sheets.findIndex(([, other]) => other.toLowerCase() === name.toLowerCase())
      if (same < index) context.addIssue({code: 'custom', path: at, message: `the sheet name "${name}" is already ${sheets[same]![0].join('.')}'s: a workbook's sheets need names of their own`})
    })
    for (const issue of labelClashes([labels])) context.addIssue({code: 'custom', path: issue.path, message: issue.message})
    for (const [at, text] of strings(labels)) {
      const allowed = placeholders[at.filter((key) => typeof key === 'string').join('.')] ?? []
      // Braces that are no placeholder are text (`{1-2}`, `{see annex}`), but a name after a `{` that nothing closes
      // is a placeholder mistyped.
      for (const [open, name] of text.replace(placeholder, '').matchAll(/\{([A-Za-z]\w*)(?![\w}])(?![^}]*\})/g)) {
        context.addIssue({code: 'custom', path: at, message: `${open} is not closed: did you mean {${name}}? (it would be printed as written)`})
      }
      for (const [, name] of text.matchAll(placeholder)) {
        if (allowed.includes(name!)) continue
        const near = nearest(name!, allowed)
        const takes = allowed.length > 0 ? `this text takes ${allowed.map((known) => `{${known}}`).join(', ')}` : 'this text takes none'
        context.addIssue({code: 'custom', path: at, message: `unknown placeholder {${name}}: ${near ? `did you mean {${near}}? ` : ''}${takes}`})
      }
    }
  })
export type Labels = z.infer<typeof Labels>
export type OverviewWords = Labels['overview']

/** No text below 7 pt: the WTO's standard for documents (tables included). */
export const minFontSize = 7
/** Above this, a word or a line of the header may not fit a page at all. */
const maxFontSize = 36
const fontSize = z
  .number()
  .min(minFontSize, `WTO documents print no text below ${minFontSize} pt`)
  .max(maxFontSize, `text above ${maxFontSize} pt may not fit a page`)

/** A column width: points, or a share of the text's width up to 60%, as pdfmake reads `"28%"`. */
const columnWidth = z.union([
  z.number().positive().max(300, 'a column of more than 300 pt leaves no room for the next'),
  z
    .string()
    .regex(/^\d+(?:\.\d+)?%$/, 'give a width in points or as a percentage such as "28%"')
    .refine((share) => Number.parseFloat(share) > 0 && Number.parseFloat(share) <= 60, 'a share of more than 60% leaves no room for the next column')
])

/** Space around a block, in points: all sides, [horizontal, vertical] or [left, top, right, bottom]. */
const side = z.number().min(0, 'a negative margin puts text over other text or off the page').max(144, 'a margin of more than 144 pt (2 inches) leaves too little room')
const margin = z.union([side, z.tuple([side, side]), z.tuple([side, side, side, side])], {
  error: 'a margin is a number of points, [horizontal, vertical] or [left, top, right, bottom]'
})
const decoration = z.enum(['underline', 'lineThrough', 'overline'])

/**
 * A pdfmake style, plus our own keys (`uppercase`, `width`). The family is chosen once, with `font`. The keys that
 * place or mark text are checked; pdfmake reads the others as it does.
 */
const PdfStyle = z.looseObject({
  fontSize: fontSize.optional(),
  lineHeight: z.number().min(0.8).max(3, 'lines more than 3 times their font size apart may not fit a page').optional(),
  width: columnWidth.optional(),
  margin: margin.optional(),
  alignment: z.enum(['left', 'right', 'center', 'justify']).optional(),
  decoration: z.union([decoration, z.array(decoration)], {error: 'a decoration is "underline", "lineThrough" or "overline", or a list of them'}).optional(),
  decorationStyle: z.enum(['dashed', 'dotted', 'double', 'wavy']).optional(),
  bold: z.boolean().optional(),
  italics: z.boolean().optional(),
  font: z.undefined({error: 'set the font family once, with the top-level "font"'}).optional()
})

/** A font file's path inside its package: relative, and never out of it. */
const fontFile = z
  .string()
  .min(1)
  .refine((file) => !path.isAbsolute(file) && !file.split(/[\\/]/).includes('..'), "give the file’s path inside its package, without .. (art67 reads no file outside it)")

/** The lines of page 1's header block (organisation, symbol and date, job number and page, the Council's name). */
const headerLines = 4

/** Page geometry, the font, layout options and the pdfmake styles. */
export const Styles = z.object({
  /** The family every text is printed in: a key of `fonts` that art67 has a glyph table for. */
  font: z.string().min(1),
  /** Families by name: the npm package that holds the files, and each variant's file inside it. */
  fonts: z.record(
    z.string(),
    z.strictObject({package: z.string().min(1), normal: fontFile, bold: fontFile, italics: fontFile, bolditalics: fontFile})
  ),
  pageSize: z.enum(Object.keys(pageSizes) as [PageSizeName, ...PageSizeName[]]),
  /** Left, top, right, bottom. The top is where the page's header starts; the body starts below the header. */
  pageMargins: z.tuple([z.number().min(0), z.number().min(0), z.number().min(0), z.number().min(0)]),
  /** The header's font size and the space between the header (page 1's block, or the running head) and the body. */
  header: z.object({fontSize, gap: z.number().min(0)}),
  /** `inline`: "1.", a tab, the text, and continuation lines at the margin; `hanging`: the text indented past the number. */
  paragraphNumbers: z.enum(['inline', 'hanging']),
  /** The tab: where text starts after a paragraph or heading number, and how far lists are indented. */
  tab: z.number().positive().max(72, 'a tab of more than 72 pt (an inch) leaves too little of the line for text'),
  /** Lines of the next block kept on the page of a heading, so that no heading ends a page. */
  keepWithNext: z.number().int().min(0).max(10, 'keeping more than 10 lines with a heading may not fit a page'),
  /** Beneficiary names up to this many characters are held on one line with no-break spaces. */
  noBreakNames: z.number().int().min(0),
  /** Whether the PDF annex opens with the summary (counts, regions, LDC share); the XLSX always has it. */
  annexSummary: z.boolean(),
  /**
   * A table too wide for the page gets a smaller font, down to `minFontSize` points, then a landscape page. Words
   * wider than `longWord` em (addresses, codes) are broken across lines rather than shrinking the table for them.
   */
  tables: z.object({minFontSize: fontSize, longWord: z.number().positive()}),
  defaultStyle: PdfStyle,
  styles: z.record(z.string(), PdfStyle)
}).superRefine((styles, context) => {
  // The page must leave room for text: pdfmake lays out pages with no room for a line forever, or crashes.
  const [width, height] = pageSizes[styles.pageSize]
  const [left, top, right, bottom] = styles.pageMargins
  const textWidth = width - left - right
  if (textWidth < width / 2) {
    context.addIssue({code: 'custom', path: ['pageMargins'], message: `the margins leave text ${round(textWidth)} pt wide; at least half the page's width (${round(width / 2)} pt) is needed`})
  }
  const textHeight = height - top - bottom - styles.header.gap - headerLines * styles.header.fontSize * 1.2
  if (textHeight < height / 2) {
    context.addIssue({
      code: 'custom',
      path: ['pageMargins'],
      message: `the margins and the header (its font size and gap) leave ${round(textHeight)} pt of the first page's height for text; at least half the page's height (${round(height / 2)} pt) is needed`
    })
  }
})
export type Styles = z.infer<typeof Styles>

const round = (points: number) => Math.round(points * 10) / 10

/** The first bytes of the font files the PDF can embed: TrueType (and Apple's), OpenType, a collection, WOFF, WOFF2. */
const fontSignatures = new Set(['00010000', '74727565', '4f54544f', '74746366', '774f4646', '774f4632'])

/** Whether `file` is a regular file that starts as a font file does (four bytes read). */
async function looksLikeFont(file: string): Promise<boolean> {
  const handle = await openRegularFile(file).catch(() => undefined)
  if (!handle) return false
  try {
    const {bytesRead, buffer} = await handle.read(Buffer.alloc(4), 0, 4, 0)
    return bytesRead === 4 && fontSignatures.has(buffer.toString('hex'))
  } finally {
    await handle.close()
  }
}

/** The setup error of a font that cannot be used, else undefined: each file there, and a font by its first bytes. */
async function fontProblem(styles: Styles): Promise<string | undefined> {
  if (!styles.fonts[styles.font]) return `font \`${styles.font}\` is not one of \`fonts\` (${Object.keys(styles.fonts).join(', ')})`
  for (const [family, source] of Object.entries(styles.fonts)) {
    if (!fontTables[family]) return `art67 has no glyph table for the font family \`${family}\`; use one of ${Object.keys(fontTables).join(', ')}`
    const {files, missing} = locateFont(source)
    if (missing.length > 0) return `the files of font \`${family}\` are missing: ${missing.join(', ')} (is the package ${source.package} installed?)`
    const notFonts = []
    for (const file of Object.values(files)) if (!(await looksLikeFont(file))) notFonts.push(file)
    if (notFonts.length > 0) return `the files of font \`${family}\` must be TrueType, OpenType or WOFF fonts; these are not: ${notFonts.join(', ')}`
  }
  return undefined
}

export const Templates = z.object({labels: Labels, styles: Styles})
/** The templates of one language: what the emitters use. */
export type Templates = z.infer<typeof Templates>

/** Every language's labels, by language code, and the styles. */
export const TemplateSet = z.object({labels: z.record(z.string(), Labels), styles: Styles})
export type TemplateSet = z.infer<typeof TemplateSet>

/** The package's own templates folder, from both `pipeline/` and `dist/pipeline/`. */
export const packageTemplates = fileURLToPath(
  new URL(import.meta.url.includes('/dist/') ? '../../templates/' : '../templates/', import.meta.url)
)

export class TemplateError extends Art67Error {}

async function loadJson<T>(file: string, schema: z.ZodType<T>): Promise<T> {
  let data: unknown
  try {
    // A byte order mark, as some editors save UTF-8, is no part of the JSON.
    data = JSON.parse((await readSettingsFile(file)).replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new TemplateError(`Cannot read template ${file}: ${(error as Error).message}`)
  }
  const result = schema.safeParse(data)
  if (!result.success) {
    // Every problem of the file at once, each on its own line when there are several.
    const problems = result.error.issues.map((issue) => `at ${issue.path.join('.') || '(root)'}: ${issue.message}`)
    throw new TemplateError(`Template ${file} is invalid ${problems.length === 1 ? problems[0] : `in ${problems.length} places:\n  ${problems.join('\n  ')}`}`)
  }
  return result.data
}

/** The templates of `language` from a set that has them. */
export function templatesFor(set: TemplateSet, language: string): Templates {
  const labels = set.labels[language]
  if (!labels) throw new TemplateError(`There are no templates for language \`${language}\`; the templates have ${Object.keys(set.labels).join(', ')}`)
  return {labels, styles: set.styles}
}

/**
 * Field labels that stand for two fields once compared as sources compare them (`normalizeLabel`: without case,
 * accents, emphasis or a trailing colon): within one language's labels, or across languages, since a source may use
 * the labels of any.
 */
function labelClashes(languages: readonly Labels[]): Array<{language: string; path: string[]; message: string}> {
  const owner = new Map<string, {key: FieldKey; language: string}>()
  const clashes: Array<{language: string; path: string[]; message: string}> = []
  for (const {language, sources} of languages) {
    for (const key of fieldKeys) {
      for (const label of sources.fields[key]) {
        const folded = normalizeLabel(label)
        const first = owner.get(folded)
        if (!first) owner.set(folded, {key, language})
        else if (first.key !== key) {
          const where = first.language === language ? '' : ` in ${first.language}.json`
          clashes.push({language, path: ['sources', 'fields', key], message: `"${label}" is already a label of the field ${first.key}${where}: a label stands for one field`})
        }
      }
    }
  }
  return clashes
}

const cache = new Map<string, Promise<TemplateSet>>()

/** Load (once per folder) the labels of every language in `dir` (`<language>.json`) and the styles. */
export function loadTemplates(dir = packageTemplates): Promise<TemplateSet> {
  let templates = cache.get(dir)
  if (!templates) {
    templates = (async () => {
      const names = await readdir(dir).catch((error: Error) => {
        throw new TemplateError(`Cannot read the templates folder ${dir}: ${error.message}`)
      })
      const languages = names.filter((name) => name.endsWith('.json') && name !== 'styles.json').map((name) => name.slice(0, -5)).sort()
      if (languages.length === 0) throw new TemplateError(`The templates folder ${dir} has no language file such as en.json`)
      const stylesFile = path.join(dir, 'styles.json')
      const [styles, ...labels] = await Promise.all([
        loadJson(stylesFile, Styles),
        ...languages.map((language) => loadJson(path.join(dir, `${language}.json`), Labels))
      ])
      const problem = await fontProblem(styles)
      if (problem) throw new TemplateError(`Template ${stylesFile} is invalid: ${problem}`)
      const [clash] = labelClashes(labels)
      if (clash) throw new TemplateError(`Template ${path.join(dir, `${clash.language}.json`)} is invalid at ${clash.path.join('.')}: ${clash.message}`)
      return {labels: Object.fromEntries(languages.map((language, index) => [language, labels[index]!])), styles}
    })()
    templates.catch(() => cache.delete(dir))
    cache.set(dir, templates)
  }
  return templates
}

/** Forget the templates loaded, so the next `loadTemplates` reads the files again (a watcher, after a change). */
export function forgetTemplates(): void {
  cache.clear()
}

/** Fill `{name}` placeholders (the labels hold only known ones); a placeholder without a value is left as written. */
export function fill(template: string, values: Record<string, string | number | undefined>): string {
  return template.replace(placeholder, (whole, name: string) => {
    const value = values[name]
    return value === undefined ? whole : String(value)
  })
}
