import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {catalogue, ruleIds} from '../../pipeline/rules/index.js'
import {problem} from '../../pipeline/rules/index.js'

const pipelineFiles = (dir: string): string[] =>
  readdirSync(dir, {withFileTypes: true}).flatMap((entry) =>
    entry.isDirectory() ? pipelineFiles(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : []
  )

describe('rule catalogue', () => {
  it('gives every rule a kebab-case id, a summary and a hint', () => {
    for (const id of ruleIds) {
      expect(id).toMatch(/^[a-z]+(-[a-z0-9]+)+$/)
      expect(catalogue[id].summary.length).toBeGreaterThan(10)
      expect(catalogue[id].hint).toMatch(/[.?]$/)
    }
  })

  it('is the only place problems are made: no message text at call sites', () => {
    const makers = /\.message\(|new VFileMessage\(|\.fail\(|\.info\(/
    const offenders = pipelineFiles('pipeline')
      .filter((file) => !['pipeline/rules/index.ts', 'pipeline/format/index.ts'].includes(file))
      .filter((file) => makers.test(readFileSync(file, 'utf8')))
    expect(offenders).toEqual([])
  })

  it('makes a placed message with rule id, severity, hint, url and a related place as its own message', () => {
    const here = new VFile({path: 'b.md'})
    const there = new VFile({path: 'a.md'})
    const place = {start: {line: 3, column: 15}, end: {line: 3, column: 25}}
    const message = problem(here, 'merge-conflict', {id: 'x', what: 'start date', here: '2021', there: '2022'}, place, {file: there, place: {line: 1, column: 2}})
    expect(message).toMatchObject({
      reason: 'Programme `x` has start date `2021` here and `2022` in another file',
      ruleId: 'merge-conflict',
      source: 'art67',
      fatal: true,
      line: 3,
      column: 15,
      url: 'docs/rules.md#merge-conflict',
      note: catalogue['merge-conflict'].hint
    })
    expect(message.cause).toMatchObject({reason: 'the other value', file: 'a.md', line: 1, column: 2})
    expect(problem(here, 'date-missing', {}, undefined).fatal).toBe(false)
  })
})
