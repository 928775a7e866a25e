import {mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {init, initFiles} from '../pipeline/init.js'
import {build, check} from '../pipeline/index.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'art67-init-'))
})
afterEach(async () => {
  await rm(dir, {recursive: true, force: true})
})

const ruleIds = (files: Awaited<ReturnType<typeof check>>['files']) => files.flatMap((file) => file.messages.map((message) => `${message.fatal ? 'error' : 'warning'} ${message.ruleId}`))

describe('init', () => {
  it('writes a report that builds with a draft’s warnings only', async () => {
    const target = path.join(dir, 'japan')
    const written = await init(target, {member: 'japan', from: '2022-04-01', to: '31/03/2023'})
    expect(written.map((file) => path.relative(target, file)).sort()).toEqual(['programmes/agency.md', 'report.md'])
    const report = await readFile(path.join(target, 'report.md'), 'utf8')
    expect(report).toContain('member: "Japan"')
    expect(report).toContain('period:\n  from: 2022-04-01\n  to: 2023-03-31')
    const result = await build(target, {out: path.join(dir, 'out')})
    expect(ruleIds(result.files)).toEqual(['warning date-missing'])
    expect(result.ok).toBe(true)
    expect(result.report?.programmes).toHaveLength(1)
    // The table row and the agency file are one programme: its start from the table, its agency from the file.
    const [programme] = result.report!.programmes
    expect(programme?.start?.iso).toBe('2022-06-01')
    expect(programme?.agency).toBe('Intellectual Property Office')
    expect(programme?.beneficiaries).toEqual(['Cambodia', 'Viet Nam'])
    expect((await readdir(path.join(dir, 'out'))).sort()).toEqual(['japan-2022-2023.json', 'japan-2022-2023.pdf', 'japan-2022-2023.xlsx'])
  })

  it('takes a period of years, and a WTO name for the member', async () => {
    const files = await initFiles({member: 'United States', period: '2021-2022'})
    expect(files['report.md']).toContain('member: "United States of America"\nperiod: 2021-2022\n')
    expect(files['report.md']).toContain('| 1 | Example workshop on patent examination (replace or delete this row) | 01/03/2021 | Cambodia; Viet Nam |')
  })

  it('defaults the period to the previous calendar year', async () => {
    const files = await initFiles({member: 'Canada', now: new Date(Date.UTC(2026, 0, 15))})
    expect(files['report.md']).toContain('period: 2025\n')
    // The commented date and job number look like those of a report on that period.
    expect(files['report.md']).toContain('# date: 16/09/2026\n# symbol: IP/C/R/TC/XXX/1\n# job: 26-0000\n')
  })

  it('comments a date after a period that ends late in the year, as a report on it would have', async () => {
    const files = await initFiles({member: 'Canada', from: '2022-10-01', to: '2023-09-30'})
    expect(files['report.md']).toContain('# date: 16/09/2024\n')
  })

  it('never overwrites', async () => {
    await writeFile(path.join(dir, 'notes.txt'), 'mine')
    await expect(init(dir, {member: 'Canada', period: '2022'})).rejects.toThrow(/is not empty/)
    expect(await readdir(dir)).toEqual(['notes.txt'])
  })

  it('says what is wrong with its options', async () => {
    await expect(initFiles({member: 'Canadaa', period: '2022'})).rejects.toThrow(/did you mean "Canada"/)
    await expect(initFiles({member: 'Canada', period: '2023-2022'})).rejects.toThrow(/--period takes/)
    await expect(initFiles({member: 'Canada', from: '2022-04-01'})).rejects.toThrow(/--from and --to go together/)
    await expect(initFiles({member: 'Canada', period: '2022', language: 'xx'})).rejects.toThrow(/no templates for the language `xx`/)
  })
})

describe('init in another language', () => {
  it.each(['fr', 'es'])('writes a %s report that builds with a draft’s warnings only', async (language) => {
    const target = path.join(dir, language)
    await init(target, {member: 'Switzerland', period: '2022', language})
    const report = await readFile(path.join(target, 'report.md'), 'utf8')
    expect(report).toContain(`language: ${language}\n`)
    const result = await check(target)
    expect(ruleIds(result.files)).toEqual(['warning date-missing'])
    expect(result.report?.language).toBe(language)
    expect(result.report?.programmes[0]?.agency).toBe(language === 'fr' ? 'Office de la propriété intellectuelle' : 'Oficina de Propiedad Intelectual')
    expect(result.report?.programmes[0]?.type).toBe(language === 'fr' ? 'Atelier' : 'Taller')
  })
})
