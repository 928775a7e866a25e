// The one table of programme fields. The model's programme fields, the template label keys, the XLSX column order
// and the PDF detail order all come from it (model.ts gives each kind its schema): a new field is one row here plus its labels in each template.

/** How a field's value is written and kept: text, a date as precise as written, or `;`-separated names. */
export type FieldKind = 'text' | 'date' | 'list'

export const fieldTable = [
  {key: 'id', kind: 'text', description: 'Stable identifier: the `ID` field, or a slug of the title.'},
  {key: 'start', kind: 'date', description: 'The `Start date` field.'},
  {key: 'end', kind: 'date', description: 'The `End date` field.'},
  {key: 'beneficiaries', kind: 'list', description: 'Names of the beneficiaries, each described in the report’s `beneficiaries`.'},
  {key: 'partners', kind: 'list', description: 'The `Partners` field, one name per entry.'},
  {key: 'agency', kind: 'text', description: 'The `Implementing agency` field.'},
  {key: 'type', kind: 'text', description: 'The `Type of activity` field.'},
  {key: 'ipArea', kind: 'text', description: 'The `IP area` field.'},
  {key: 'targetGroup', kind: 'text', description: 'The `Target group` field.'},
  {key: 'budget', kind: 'text', description: 'The `Budget` field, with its currency, as written.'},
  {key: 'contact', kind: 'text', description: 'The `Contact` field.'},
  {key: 'website', kind: 'text', description: 'The `Website` field.'}
] as const satisfies ReadonlyArray<{key: string; kind: FieldKind; description: string}>

type Row = (typeof fieldTable)[number]
export type FieldKey = Row['key']
export const fieldKeys: FieldKey[] = fieldTable.map((field) => field.key)
export const fieldKind = Object.fromEntries(fieldTable.map((field) => [field.key, field.kind])) as {[Key in FieldKey]: Extract<Row, {key: Key}>['kind']}

/** Every field but `id`, which names the programme rather than describing it. */
export type DetailKey = Exclude<FieldKey, 'id'>
export const detailKeys = fieldKeys.filter((key): key is DetailKey => key !== 'id')
