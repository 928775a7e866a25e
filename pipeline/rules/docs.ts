// The rules' documentation, generated from the catalogue: the README's rule table and docs/rules.md.
// `npm run docs` writes both; a test fails when either differs from what the catalogue gives.
import {catalogue, ruleIds, ruleUrl, type RuleId} from './catalogue.js'

export const tableStart = '<!-- rules:start -->'
export const tableEnd = '<!-- rules:end -->'

/** `error (fixed)` for an error a project's config may not lower. */
const severityOf = (id: RuleId) => `${catalogue[id].severity}${catalogue[id].fixed ? ' (fixed)' : ''}`

/** The README's table: one row a rule, each linking to its section of docs/rules.md. */
export function rulesTable(): string {
  const rows = ruleIds.map((id) => `| [\`${id}\`](${ruleUrl(id)}) | ${severityOf(id)} | ${catalogue[id].summary} |`)
  return [tableStart, '| rule id | severity | when |', '| --- | --- | --- |', ...rows, tableEnd].join('\n')
}

/** `text` with the part between the table markers replaced by the generated table. */
export function withRulesTable(text: string): string {
  const start = text.indexOf(tableStart)
  const end = text.indexOf(tableEnd)
  if (start === -1 || end === -1) throw new Error('The README has no rule table markers')
  return text.slice(0, start) + rulesTable() + text.slice(end + tableEnd.length)
}

/** docs/rules.md: a section per rule with its severity, when it fires, an example message and what to do. */
export function rulesPage(examples: ReadonlyMap<RuleId, {message: string; fixture: string}>): string {
  const sections = ruleIds.map((id) => {
    const rule = catalogue[id]
    const example = examples.get(id)
    return [
      `## ${id}`,
      '',
      `**${rule.severity}**${rule.fixed ? ' (fixed: `art67.config.json` cannot turn it off or down to a warning)' : ''}: ${rule.summary}.`,
      '',
      ...(example ? [`Example (fixture \`${example.fixture}\`):`, '', '```text', example.message, '```', ''] : []),
      `What to do: ${rule.hint}`,
      ''
    ].join('\n')
  })
  return [
    '# Rules',
    '',
    'Every problem art67 reports has one of these permanent ids. Errors fail `check` and `build` (exit 1);',
    'warnings fail them only past `--max-warnings` (or under `--strict`). A project can change a rule’s severity in',
    '`art67.config.json` (see “Command line” in the README), except for the errors marked fixed.',
    'Generated from `pipeline/rules/catalogue.ts` by `npm run docs`.',
    '',
    sections.join('\n')
  ].join('\n')
}
