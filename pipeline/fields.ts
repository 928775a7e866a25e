// The one table of programme fields. The model's programme fields, the template label keys, the XLSX column order
// and the PDF detail order all come from it (model.ts gives each kind its schema): a new field is one row here plus its labels in each template.

/** How a field's value is written and kept: text, a date as precise as written, or `;`-separated names. */
export type FieldKind = 'text' | 'date' | 'list'

export const fieldTable = [
  {key: 'id', kind: 'text', description: 'Stable identifier: the `ID` field, or a slug of the title.'},
  {key: 'start', kind: 'date', description: 'Start date, as precise as written.'},
  {key: 'end', kind: 'date', description: 'End date, as precise as written.'},
  {key: 'beneficiaries', kind: 'list', description: 'Beneficiaries under their WTO names, groups, or free text as written.'},
  {key: 'partners', kind: 'list', description: 'Partner organisations, as written.'},
  {key: 'agency', kind: 'text', description: 'Implementing agency.'},
  {key: 'type', kind: 'text', description: 'Type of activity.'},
  {key: 'ipArea', kind: 'text', description: 'Area of intellectual property.'},
  {key: 'targetGroup', kind: 'text', description: 'Target group or participants.'},
  {key: 'budget', kind: 'text', description: 'Budget, with its currency.'},
  {key: 'contact', kind: 'text', description: 'Contact.'},
  {key: 'website', kind: 'text', description: 'Website.'}
] as const satisfies ReadonlyArray<{key: string; kind: FieldKind; description: string}>

type Row = (typeof fieldTable)[number]
export type FieldKey = Row['key']
export const fieldKeys: FieldKey[] = fieldTable.map((field) => field.key)
export const fieldKind = Object.fromEntries(fieldTable.map((field) => [field.key, field.kind])) as {[Key in FieldKey]: Extract<Row, {key: Key}>['kind']}

/** Every field but `id`, which names the programme rather than describing it. */
export type DetailKey = Exclude<FieldKey, 'id'>
export const detailKeys = fieldKeys.filter((key): key is DetailKey => key !== 'id')
