import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {applySeverities, checkedEpoch, epochFromEnv, epochRange, loadConfig, parseConfig, parseRules, withSeverities} from '../pipeline/config.js'
import {Art67Error} from '../pipeline/errors.js'
import {analyse, build, check} from '../pipeline/index.js'
import {catalogue, problem, ruleIds} from '../pipeline/rules/index.js'
import {fixture} from './helpers/fixtures.js'
import {frontMatter, writeSources} from './helpers/sources.js'

const setupError = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(Art67Error)
    return (error as Error).message
  }
  throw new Error('no error thrown')
}

describe('rule severities from a config', () => {
  it('reads `off`, `warn` and `error` per rule id', () => {
    expect(parseConfig('\uFEFF{"rules": {"raw-html": "off"}}', 'art67.config.json')).toEqual({rules: {'raw-html': 'off'}})
    expect(parseConfig('{"rules": {"no-beneficiaries": "error", "date-missing": "warn", "raw-html": "off"}}', 'art67.config.json')).toEqual({
      rules: {'no-beneficiaries': 'error', 'date-missing': 'warn', 'raw-html': 'off'}
    })
    expect(parseConfig('{}', 'art67.config.json')).toEqual({rules: {}})
  })

  it('names the nearest rule id for an unknown one, and the rule list when none is near', () => {
    expect(setupError(() => parseRules({'no-beneficiary': 'error'}, 'c.json'))).toBe('c.json: unknown rule `no-beneficiary`: did you mean `no-beneficiaries`?')
    expect(setupError(() => parseRules({spelling: 'off'}, 'c.json'))).toBe('c.json: unknown rule `spelling`; the rule ids are listed in docs/rules.md')
    expect(setupError(() => parseRules({__proto__: 'off', constructor: 'off'}, 'c.json'))).toContain('unknown rule `constructor`')
    expect(setupError(() => parseConfig('{"rules": {"__proto__": "off"}}', 'c.json'))).toContain('unknown rule `__proto__`')
  })

  it('refuses a value other than off, warn or error', () => {
    expect(setupError(() => parseRules({'raw-html': 'warning'}, 'c.json'))).toBe('c.json: rule `raw-html` is set to "warning"; use "off", "warn" or "error"')
    expect(setupError(() => parseRules({'raw-html': 0}, 'c.json'))).toContain('is set to 0;')
  })

  it('refuses to turn off or lower a fixed rule, and lets it be an error', () => {
    expect(setupError(() => parseRules({'merge-conflict': 'off'}, 'c.json'))).toMatch(/^c\.json: rule `merge-conflict` cannot be turned off: the report relies on it/)
    expect(setupError(() => parseRules({'beneficiary-unknown': 'warn'}, 'c.json'))).toContain('`beneficiary-unknown` cannot be turned down to a warning')
    expect(parseRules({'merge-conflict': 'error', 'date-order': 'warn', 'table-columns': 'off'}, 'c.json')).toEqual({
      'merge-conflict': 'error',
      'date-order': 'warn',
      'table-columns': 'off'
    })
  })

  it('marks as fixed only errors, and the errors whose absence the model relies on', () => {
    for (const id of ruleIds) if (catalogue[id].fixed) expect(catalogue[id].severity, id).toBe('error')
    for (const id of ['frontmatter-missing', 'beneficiary-unknown', 'beneficiary-region', 'beneficiary-separator', 'merge-conflict', 'date-invalid', 'file-unreadable'] as const) {
      expect(catalogue[id].fixed, id).toBe(true)
    }
  })

  it('lists every problem of a config file at once, and says what a broken one is', () => {
    const message = setupError(() => parseConfig('{"rule": {}, "rules": {"raw-htm": "off", "date-missing": "of"}}', 'sources/art67.config.json'))
    expect(message.split('\n')).toEqual([
      'sources/art67.config.json has 3 problems:',
      '  unknown rule `raw-htm`: did you mean `raw-html`?',
      '  rule `date-missing` is set to "of"; use "off", "warn" or "error"',
      '  unknown key `rule`: the file holds only `rules`'
    ])
    expect(setupError(() => parseConfig('{"rules": ', 'c.json'))).toMatch(/^c\.json is not valid JSON: /)
    expect(setupError(() => parseConfig('["rules"]', 'c.json'))).toBe('c.json: the file must hold a JSON object such as {"rules": {"raw-html": "off"}}')
    expect(setupError(() => parseConfig('{"rules": ["raw-html"]}', 'c.json'))).toContain('`rules` must map rule ids to "off", "warn" or "error"')
  })
})

describe('finding the config', () => {
  it('uses the sources folder’s, else the current directory’s, else none', async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), 'art67-cwd-'))
    const sources = await writeSources({'report.md': frontMatter})
    expect(await loadConfig(sources, cwd)).toBeUndefined()
    await writeFile(path.join(cwd, 'art67.config.json'), '{"rules": {"raw-html": "off"}}')
    expect(await loadConfig(sources, cwd)).toEqual({file: 'art67.config.json', rules: {'raw-html': 'off'}})
    expect(await loadConfig(path.join(sources, 'missing'), cwd)).toEqual({file: 'art67.config.json', rules: {'raw-html': 'off'}})
    await writeFile(path.join(sources, 'art67.config.json'), '{"rules": {"date-missing": "error"}}')
    expect(await loadConfig(sources, cwd)).toEqual({file: path.join(sources, 'art67.config.json'), rules: {'date-missing': 'error'}})
  })

  it('applies the sources folder’s config in check, under the `rules` option', async () => {
    const dir = fixture('rules/date-order')
    expect((await check(dir)).ok).toBe(false)
    const lowered = await check(dir, {rules: {'date-order': 'warn'}})
    expect(lowered).toMatchObject({ok: true, counts: {errors: 0, warnings: 1}})
    expect(lowered.report?.programmes).toHaveLength(1)
    const configured = fixture('inputs/config-severities')
    expect((await check(configured)).counts).toEqual({errors: 1, warnings: 2})
    expect((await check(configured, {rules: {'no-beneficiaries': 'off', 'date-order': 'error'}})).counts).toEqual({errors: 1, warnings: 1})
    await expect(check(dir, {rules: {'date-invalid': 'off'}})).rejects.toThrow('the `rules` option: rule `date-invalid` cannot be turned off')
  })

  it('counts warnings against maxWarnings, and strict as no warning at all', async () => {
    // Sources in memory, made afresh for each run since a run adds its problems to them: two warnings.
    const report = frontMatter.replace('date: 16/09/2021\n', '') + '\nA line <br> break.\n'
    const fresh = () => ({dir: 'x', files: [new VFile({path: 'report.md', value: report})], rejected: []})
    expect((await analyse(fresh())).counts).toEqual({errors: 0, warnings: 2})
    expect((await analyse(fresh(), {maxWarnings: 2})).ok).toBe(true)
    expect((await analyse(fresh(), {maxWarnings: 1})).ok).toBe(false)
    expect((await analyse(fresh(), {strict: true})).ok).toBe(false)
    expect((await analyse(fresh(), {strict: true, rules: {'raw-html': 'off', 'date-missing': 'off'}})).ok).toBe(true)
  })
})

describe('applying severities', () => {
  const messages = () => {
    const file = new VFile({path: 'report.md'})
    problem(file, 'date-missing', {}, {line: 1, column: 1})
    problem(file, 'merge-conflict', {id: 'x', what: 'title', here: 'a', there: 'b'}, {line: 2, column: 1})
    problem(file, 'raw-html', {}, {line: 3, column: 1})
    file.message('not from the catalogue', {place: {line: 4, column: 1}})
    return file
  }

  it('drops `off`, sets `warn` and `error`, and leaves the rest and the originals as they were', () => {
    const file = messages()
    const original = [...file.messages]
    const result = withSeverities(file.messages, {'date-missing': 'error', 'raw-html': 'off', 'merge-conflict': 'error'})
    expect(result.map((message) => [message.ruleId, message.fatal])).toEqual([
      ['date-missing', true],
      ['merge-conflict', true],
      [undefined, false]
    ])
    expect(result[0]).toMatchObject({reason: original[0]!.reason, note: original[0]!.note, url: original[0]!.url, line: 1})
    expect(result[1]).toBe(original[1])
    expect(original.map((message) => message.fatal)).toEqual([false, true, false, false])
    expect(file.messages).toEqual(original)
  })

  it('puts every file under the severities', () => {
    const files = [messages(), messages()]
    applySeverities(files, {'raw-html': 'off', 'date-missing': 'off'})
    expect(files.map((file) => file.messages.map((message) => message.ruleId))).toEqual([
      ['merge-conflict', undefined],
      ['merge-conflict', undefined]
    ])
  })
})

describe('SOURCE_DATE_EPOCH', () => {
  it('accepts whole seconds from 1980-01-01 to the end of 2107, the dates a zip can hold', () => {
    expect(epochRange).toEqual({min: 315532800, max: 4354819199})
    expect(epochFromEnv(undefined)).toBeUndefined()
    expect(epochFromEnv('')).toBeUndefined()
    expect(epochFromEnv('315532800')).toBe(315532800)
    expect(epochFromEnv('1631750400')).toBe(1631750400)
    expect(epochFromEnv('4354819199')).toBe(4354819199)
    expect(checkedEpoch(1631750400)).toBe(1631750400)
  })

  it('refuses anything else with the range', () => {
    for (const value of ['0', '315532799', '4354819200', '253402300800', '1e9', '-1', '1631750400.5', 'yesterday']) {
      expect(setupError(() => epochFromEnv(value))).toBe(
        'SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 from 315532800 (1980-01-01) to 4354819199 ' +
          `(2107-12-31 23:59:59 UTC), the dates a zip file such as the XLSX can hold, not \`${value}\``
      )
    }
    expect(setupError(() => checkedEpoch(1.5e9 + 0.5))).toContain('not `1500000000.5`')
  })

  it('is checked by build before anything is read or written', async () => {
    await expect(build('no/such/folder', {sourceDateEpoch: 253402300800, out: path.join(tmpdir(), 'art67-never')})).rejects.toThrow(
      'not `253402300800`'
    )
  })
})
