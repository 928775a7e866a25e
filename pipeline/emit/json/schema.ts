// The contract of the JSON output: a JSON Schema (draft 2020-12) generated from the zod model, and the
// serialiser that names it in `$schema` (the JSON emitter). `npm run schema` writes it to schema/report.schema.json.
import {z} from 'zod'
import {Report} from '../../model.js'

/**
 * The schema's `$id`, which every JSON output names in `$schema`: an absolute URI, as draft 2020-12 wants for a
 * base URI, whose path mirrors the shipped file. The `.invalid` domain (RFC 2606) never resolves, so nobody else
 * can serve a schema under this name: the schema is the file in the package.
 */
export const reportSchemaId = 'https://art67.invalid/schema/report.schema.json'

export function reportJsonSchema(): object {
  const {$schema, ...generated} = z.toJSONSchema(Report, {
    target: 'draft-2020-12',
    // The JSON is what `Report` parsed to; the model has no transforms or defaults, so both sides agree anyway.
    io: 'output',
    // `z.lazy` recursion (lists and quotes hold blocks) becomes a `$ref` to `#/$defs/Block`.
    cycles: 'ref',
    // Only schemas named with `.meta({id})` become `$defs`. With 'ref', every field of `Report` would become an
    // `__schemaN` def: `superRefine` makes `Report` a clone of its object, and the generator walks both.
    reused: 'inline',
    // A model type JSON Schema cannot state must fail the generation, not widen the contract to `{}`.
    unrepresentable: 'throw'
  })
  return {
    $schema,
    $id: reportSchemaId,
    title: 'art67 report',
    description:
      'The validated model of a TRIPS Article 67 report, as `art67 build` writes it to `<member>-<period>.json`. ' +
      'Two rules are checked by art67 but not stated here: every date is one the calendar has (no `2024-02-30`), and ' +
      'every name in a programme’s `beneficiaries` is the `name` of an entry of the report’s `beneficiaries`.',
    ...generated,
    properties: {
      $schema: {const: reportSchemaId, description: 'This schema’s `$id`.'},
      ...generated.properties
    }
  }
}

/** The JSON output: the report's fields after a `$schema` naming the schema it follows. */
export function reportJson(report: Report): string {
  return JSON.stringify({$schema: reportSchemaId, ...report}, null, 2) + '\n'
}
