// `npm start` compiles only when something tsc reads is newer than the last compile.
import {mkdir, mkdtemp, utimes, writeFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {beforeEach, describe, expect, it} from 'vitest'
import {upToDate} from '../../scripts/compile.mjs'

let root: string
const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds))

/** A package folder whose every input was last changed at second 10 and compiled at second `compiled`. */
async function tree(compiled?: number) {
  root = await mkdtemp(path.join(tmpdir(), 'art67-compile-'))
  const files = ['pipeline/a.ts', 'pipeline/stage/b.ts', 'tsconfig.json', 'tsconfig.build.json', 'node_modules/typescript/package.json']
  for (const file of files) {
    await mkdir(path.dirname(path.join(root, file)), {recursive: true})
    await writeFile(path.join(root, file), '')
  }
  for (const entry of [...files, 'pipeline/stage', 'pipeline']) await utimes(path.join(root, entry), at(10), at(10))
  if (compiled !== undefined) {
    await mkdir(path.join(root, 'dist'))
    await writeFile(path.join(root, 'dist/.compiled'), '')
    await utimes(path.join(root, 'dist/.compiled'), at(compiled), at(compiled))
  }
}

describe('upToDate', () => {
  beforeEach(async () => root && (await rm(root, {recursive: true, force: true})))

  it('is true when the stamp is newer than every input', async () => {
    await tree(20)
    expect(upToDate(root)).toBe(true)
  })

  it('is false without a stamp, or with one no newer than an input', async () => {
    await tree()
    expect(upToDate(root)).toBe(false)
    await tree(10)
    expect(upToDate(root)).toBe(false)
  })

  it.each([
    ['an edited source', 'pipeline/stage/b.ts'],
    ['a folder where a file was added or removed', 'pipeline/stage'],
    ['a changed tsconfig', 'tsconfig.build.json'],
    ['another TypeScript', 'node_modules/typescript/package.json']
  ])('is false after %s', async (_change, entry) => {
    await tree(20)
    await utimes(path.join(root, entry), at(30), at(30))
    expect(upToDate(root)).toBe(false)
  })
})
