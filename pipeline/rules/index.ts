// Every problem art67 reports has a permanent rule id, a severity and a hint that says what to do.
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'

export type Severity = 'error' | 'warning'

interface Rule {
  severity: Severity
  /** What to do about it. */
  hint: string
}

export const rules = {
  'sources-missing': {
    severity: 'error',
    hint: 'Name the folder that holds the report’s Markdown files, e.g. `art67 build sources`.'
  },
  'sources-empty': {
    severity: 'error',
    hint: 'Add the report as one or more `.md` files in this folder.'
  },
  'file-unreadable': {
    severity: 'error',
    hint: 'Save the file as UTF-8 Markdown text, or remove it from the sources folder.'
  },
  'file-too-large': {
    severity: 'error',
    hint: 'Split the file into several smaller ones, e.g. one per agency under `programmes/`.'
  },
  'outside-sources': {
    severity: 'error',
    hint: 'Keep every source file inside the sources folder; copy the file in instead of linking to it.'
  },
  'frontmatter-missing': {
    severity: 'error',
    hint: 'Start one file with a YAML block between `---` lines giving `member`, `period` and `date`.'
  },
  'frontmatter-duplicate': {
    severity: 'error',
    hint: 'Keep the front matter in one file only and remove it from the others.'
  },
  'frontmatter-yaml': {
    severity: 'error',
    hint: 'Fix the YAML syntax: one `key: value` a line, text with `:` or `#` in quotes.'
  },
  'frontmatter-field': {
    severity: 'error',
    hint: 'See “Writing sources” in the README for the front matter fields.'
  },
  'frontmatter-unknown': {
    severity: 'warning',
    hint: 'Known keys: member, period, date, symbol, job, original, language, requester.'
  },
  'date-missing': {
    severity: 'warning',
    hint: 'Add `date:` to the front matter once the communication is dated, e.g. `date: 16/09/2021`.'
  },
  'date-invalid': {
    severity: 'error',
    hint: 'Write a date as 2021-04-24, 24/04/2021 (day first), 2021-04, April 2021 or 2021.'
  },
  'period-invalid': {
    severity: 'error',
    hint: 'Write the period as `2020-2021`, `2021`, or as `from:` and `to:` dates.'
  },
  'programme-title': {
    severity: 'error',
    hint: 'Give the programme a title: the text of its `##` heading or its table row’s title cell.'
  },
  'duplicate-id': {
    severity: 'error',
    hint: 'Give one of the two programmes another title or an `ID:` field; the same programme in two files is merged, not in one file.'
  },
  'duplicate-field': {
    severity: 'error',
    hint: 'Give each field once per programme; list several values in one field, separated by `;`.'
  },
  'duplicate-title': {
    severity: 'warning',
    hint: 'To merge them, give both the same `ID:`, or none; otherwise give them different titles.'
  },
  'merge-conflict': {
    severity: 'error',
    hint: 'Make both files give the same value, or give it in one file only.'
  },
  'date-order': {
    severity: 'error',
    hint: 'Check the dates: the end date must be on or after the start date.'
  },
  'outside-period': {
    severity: 'warning',
    hint: 'Check the dates, or leave the programme out of this period’s report.'
  },
  'unknown-field': {
    severity: 'warning',
    hint: 'Use one of the field labels listed in “Writing sources” in the README.'
  },
  'field-syntax': {
    severity: 'warning',
    hint: 'Write each item of a programme’s field list as `Label: value`, or put a paragraph before a list that is part of the description.'
  },
  'no-beneficiaries': {
    severity: 'warning',
    hint: 'Add a `Beneficiaries:` field naming the Members, observers or organisations, separated by `;`.'
  },
  'beneficiary-unknown': {
    severity: 'error',
    hint: 'Write the WTO name of a Member or observer, an organisation or a group art67 knows (see the README), or put deliberate free text in double quotes: "Global South".'
  },
  'beneficiary-developed': {
    severity: 'warning',
    hint: 'Article 67 is about cooperation in favour of developing and least-developed Members: check that this Member is a beneficiary, not a partner.'
  },
  'raw-html': {
    severity: 'warning',
    hint: 'Write the content in Markdown; HTML is not interpreted.'
  },
  'image-ignored': {
    severity: 'warning',
    hint: 'Describe the content in text; art67 never reads or fetches images.'
  },
  'link-local': {
    severity: 'warning',
    hint: 'Link to a web address (https://…), or name the document in the text.'
  },
  'nesting-too-deep': {
    severity: 'warning',
    hint: 'Flatten the list or quotation.'
  },
  'glyph-missing': {
    severity: 'warning',
    hint: 'Write these characters another way (e.g. spell out a symbol), or leave them out: the PDF font covers Latin, Greek and Cyrillic text.'
  },
  'table-columns': {
    severity: 'error',
    hint: 'A programme table needs a title column (`Title`); its other columns are field labels.'
  }
} as const satisfies Record<string, Rule>

export type RuleId = keyof typeof rules

type Place = Point | Position | undefined

/**
 * Attach a problem to `file`. Errors are fatal messages, warnings are not.
 * `cause` points at a related place, such as the first of two duplicates.
 */
export function report(
  file: VFile,
  ruleId: RuleId,
  reason: string,
  place: Place,
  options: {cause?: VFileMessage; hint?: string} = {}
): VFileMessage {
  const message = file.message(reason, {place, ruleId, source: 'art67', cause: options.cause})
  message.fatal = rules[ruleId].severity === 'error'
  message.note = options.hint ?? rules[ruleId].hint
  return message
}

/** A related place for a message's `cause`, such as the first of two duplicates. */
export function related(file: VFile, place: Place, reason: string): VFileMessage {
  const message = new VFileMessage(`${reason} (${file.path}${placeText(place)})`, {place, ruleId: 'related', source: 'art67'})
  message.file = file.path
  return message
}

function placeText(place: Place): string {
  if (!place) return ''
  const point = 'start' in place ? place.start : place
  return `:${point.line}:${point.column}`
}
