// The JSON output's contract: the shipped JSON Schema is the one the zod model generates, and the JSON of real
// reports follows it, checked with a real JSON Schema validator.
import {readFile} from 'node:fs/promises'
import {Ajv2020} from 'ajv/dist/2020.js'
import {describe, expect, it} from 'vitest'
import {check} from '../../pipeline/index.js'
import type {Block} from '../../pipeline/model.js'
import {reportJson, reportJsonSchema, reportSchemaId} from '../../pipeline/emit/json/schema.js'

const shipped = JSON.parse(await readFile('schema/report.schema.json', 'utf8'))
const validate = new Ajv2020({allErrors: true, strict: true}).compile(shipped)

/** The JSON output of the report a sources folder checks to, parsed back. */
async function jsonOf(dir: string) {
  const {report} = await check(dir)
  if (!report) throw new Error(`${dir} gives no report`)
  return JSON.parse(reportJson(report))
}

/** How deep lists and quotes nest in these blocks. */
const nesting = (blocks: Block[]): number =>
  Math.max(0, ...blocks.map((block) =>
    block.type === 'list' ? 1 + nesting(block.items.flat()) : block.type === 'quote' ? 1 + nesting(block.children) : 0
  ))

describe('the JSON Schema of the JSON output', () => {
  it('is shipped as generated from the zod model', () => {
    expect(shipped, 'schema/report.schema.json is out of date: run `npm run schema`').toStrictEqual(reportJsonSchema())
  })

  it('is named by the `$schema` the JSON starts with', async () => {
    expect(shipped.$id).toBe(reportSchemaId)
    const {report} = await check('sources')
    expect(reportJson(report!)).toMatch(/^\{\n {2}"\$schema": "https:\/\/art67\.invalid\/schema\/report\.schema\.json",\n {2}"member": "Canada",/)
  })

  it('accepts the JSON of the example report', async () => {
    const json = await jsonOf('sources')
    expect(json.programmes).toHaveLength(10)
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true)
  })

  it('accepts the JSON of lists and quotes nested to the limit', async () => {
    const json = await jsonOf('test/fixtures/rules/nesting-too-deep')
    expect(nesting(json.body)).toBeGreaterThan(10)
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true)
  })

  it('rejects a date precision outside its enum, deep in a programme', async () => {
    const json = await jsonOf('sources')
    json.programmes[0].start.precision = 'week'
    expect(validate(json)).toBe(false)
    expect(validate.errors).toContainEqual(expect.objectContaining({instancePath: '/programmes/0/start/precision', keyword: 'enum'}))
  })

  it('rejects a bad inline inside a list inside a quote, and accepts it fixed', async () => {
    const json = await jsonOf('sources')
    const body = (text: unknown) => [{type: 'quote', children: [{type: 'list', ordered: false, items: [[{type: 'paragraph', content: [{text}]}]]}]}]
    expect(validate({...json, body: body(7)})).toBe(false)
    expect(validate.errors).toContainEqual(expect.objectContaining({instancePath: '/body/0/children/0/items/0/0/content/0/text', keyword: 'type'}))
    expect(validate({...json, body: body('seven')}), JSON.stringify(validate.errors)).toBe(true)
  })

  it('rejects a `$schema` naming another schema', async () => {
    const json = {...(await jsonOf('test/fixtures/valid/minimal')), $schema: 'https://example.com/other.json'}
    expect(validate(json)).toBe(false)
    expect(validate.errors).toContainEqual(expect.objectContaining({instancePath: '/$schema', keyword: 'const'}))
  })
})
