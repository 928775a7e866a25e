// The fast shaper gives exactly fontkit's layout, in every variant of every family, and the same PDF bytes.
import {createHash} from 'node:crypto'
import {mkdtemp, readdir, readFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import * as fontkit from 'fontkit'
import {afterEach, describe, expect, it} from 'vitest'
import {generate} from '../../bench/generate.mjs'
import {emitPdf} from '../../pipeline/emit/pdf/index.js'
import {prepareShaper, Shaper, shaperOf, useFastShaper, type FontkitFont, type Run} from '../../pipeline/emit/pdf/shaper.js'
import {locateFont, shapingTables, variants} from '../../pipeline/fonts/index.js'
import {build} from '../../pipeline/index.js'
import {loadTemplates, templatesFor} from '../../pipeline/templates.js'
import {sampleReport} from '../helpers/sample-report.js'

const set = await loadTemplates()
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** Every Markdown file under `dir`, as text. */
async function texts(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true})
  const files = entries.filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
  return Promise.all(files.map((entry) => readFile(path.join(entry.parentPath, entry.name), 'utf8')))
}

/** Random words of `alphabet` (a fixed seed), 1 to 12 characters each: every pair and many triples of it. */
function randomWords(alphabet: string[], count: number, seed: number): string[] {
  let state = seed
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  return Array.from({length: count}, () => Array.from({length: 1 + Math.floor(next() * 12)}, () => alphabet[Math.floor(next() * alphabet.length)]).join(''))
}

/** The corpus: every word of the example, of a generated report and random words, alone and as pdfkit splits them. */
async function corpus(codes: number[], common: boolean[]): Promise<string[]> {
  const generated = await mkdtemp(path.join(tmpdir(), 'art67-shaping-'))
  await generate(generated, 40)
  const words = [...(await texts('sources')), ...(await texts(generated))].flatMap((text) => text.split(/[ \t\n]+/))
  const alphabet = codes.map((code) => String.fromCharCode(code))
  const commonOnly = alphabet.filter((_, index) => common[index])
  const all = [...words, ...randomWords(alphabet, 1500, 67), ...randomWords(commonOnly, 300, 13)]
  return [...new Set(all.flatMap((word) => [word, `${word} `]))]
}

/** What pdfkit's layoutRun makes of fontkit's layout: positions scaled, each with its glyph's advance. */
function fontkitRun(font: fontkit.Font, text: string, scale: number): Run {
  const run = font.layout(text)
  const positions = run.positions.map((position, index) => ({
    xAdvance: position.xAdvance * scale,
    yAdvance: position.yAdvance * scale,
    xOffset: position.xOffset * scale,
    yOffset: position.yOffset * scale,
    advanceWidth: run.glyphs[index]!.advanceWidth * scale
  }))
  return {glyphs: run.glyphs, positions, advanceWidth: positions.reduce((sum, position) => sum + position.xAdvance, 0)}
}

const plainRun = (run: Run) => ({
  glyphs: run.glyphs.map((glyph) => [glyph.id, glyph.advanceWidth, [...glyph.codePoints]]),
  positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset, p.advanceWidth]),
  advanceWidth: run.advanceWidth
})

describe('the fast shaper', () => {
  for (const [family, source] of Object.entries(set.styles.fonts)) {
    it(`gives fontkit's layout of every word of the corpus in every ${family} variant`, async () => {
      const {files} = locateFont(source)
      const tables = await shapingTables[family]!()
      let fast = 0
      let compared = 0
      for (const [index, variant] of variants.entries()) {
        const bytes = await readFile(files[variant])
        const table = tables[index]!
        // The tables are those of the shipped files: else every word would silently go to fontkit.
        expect(table.sha256, `${family} ${variant}: run npm run fonts`).toBe(sha256(bytes))
        const shaper = new Shaper(table)
        // Two fonts, as two documents would have: glyph caches (and so code points) evolve alike or not at all.
        const [ours, theirs] = [fontkit.create(bytes) as fontkit.Font, fontkit.create(bytes) as fontkit.Font]
        const scale = 1000 / ours.unitsPerEm
        const words = await corpus(table.codes.split(',').map(Number), Array.from(table.common, (flag) => flag === '1'))
        for (const word of words) {
          const run = shaper.run(ours as unknown as FontkitFont, word, scale) ?? fontkitRun(ours, word, scale)
          if (shaper.run(ours as unknown as FontkitFont, word, scale)) fast++
          compared++
          const expected = plainRun(fontkitRun(theirs, word, scale))
          if (JSON.stringify(plainRun(run)) !== JSON.stringify(expected)) expect({word, ...plainRun(run)}).toEqual({word, ...expected})
        }
      }
      // Most words take the fast path (ligature triggers and other characters are the exception).
      expect(fast).toBeGreaterThan(compared / 2)
    }, 600_000)
  }

  it('leaves a font whose file differs from its table to fontkit', async () => {
    const {files} = locateFont(set.styles.fonts.DejaVuSans!)
    await prepareShaper('DejaVuSans', files)
    const bytes = await readFile(files.normal)
    const changed = new Uint8Array(bytes)
    changed[changed.length - 1]! ^= 1
    expect(shaperOf(fontkit.create(Buffer.from(bytes)) as unknown as FontkitFont)).toBeInstanceOf(Shaper)
    expect(shaperOf(fontkit.create(Buffer.from(changed)) as unknown as FontkitFont)).toBeNull()
  })
})

describe('PDF bytes with and without the fast shaper', () => {
  afterEach(() => useFastShaper(true))
  const instant = new Date(Date.UTC(2021, 8, 16))

  it('are identical for the example', async () => {
    const render = async (fast: boolean) => {
      useFastShaper(fast)
      const out = await mkdtemp(path.join(tmpdir(), 'art67-shaping-out-'))
      expect((await build('sources', {out})).ok).toBe(true)
      const pdf = (await readdir(out)).find((name) => name.endsWith('.pdf'))!
      return sha256(await readFile(path.join(out, pdf)))
    }
    expect(await render(true)).toBe(await render(false))
  })

  for (const family of Object.keys(set.styles.fonts)) {
    it(`are identical for a report in ${family}`, async () => {
      const templates = templatesFor({...set, styles: {...set.styles, font: family}}, 'en')
      const render = async (fast: boolean) => {
        useFastShaper(fast)
        return sha256(await emitPdf(sampleReport, templates, {instant}))
      }
      expect(await render(true)).toBe(await render(false))
    })
  }
})
