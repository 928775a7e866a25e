import {mkdtemp, readFile, readdir, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {init, initFiles} from '../pipeline/init.js'
import {build, check} from '../pipeline/index.js'
import {failures} from './write/inject-failures.js'

vi.mock('node:fs/promises', async (original) => (await import('./write/inject-failures.js')).failing(await original()))

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'art67-init-'))
})
afterEach(async () => {
  failures.length = 0
  await rm(dir, {recursive: true, force: true})
})

const ruleIds = (files: Awaited<ReturnType<typeof check>>['files']) => files.flatMap((file) => file.messages.map((message) => `${message.fatal ? 'error' : 'warning'} ${message.ruleId}`))
/** What a report just written warns of: its texts to replace (the example's title and text, the introduction, the example's row) and no date yet. */
const initWarnings = ['programmes/agency.md', 'report.md'].flatMap((file) =>
  file === 'report.md' ? ['warning date-missing', 'warning init-text-left', 'warning init-text-left'] : ['warning init-text-left', 'warning init-text-left']
)

describe('init', () => {
  it('writes a report that builds with a draft’s warnings only', async () => {
    const target = path.join(dir, 'japan')
    const written = await init(target, {member: 'japan', from: '2022-04-01', to: '31/03/2023'})
    expect(written.map((file) => path.relative(target, file)).sort()).toEqual(['programmes/agency.md', 'report.md'])
    const report = await readFile(path.join(target, 'report.md'), 'utf8')
    expect(report).toContain('member: "Japan"')
    expect(report).toContain('period:\n  from: 2022-04-01\n  to: 2023-03-31')
    const result = await build(target, {out: path.join(dir, 'out')})
    expect(ruleIds(result.files)).toEqual(initWarnings)
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

  it('refuses an empty path, which would be the current folder', async () => {
    await expect(init('', {member: 'Canada', period: '2022'})).rejects.toThrow('init needs the folder to write the report in, not an empty path')
  })

  it('says why it cannot write the report: a file, a link to nowhere, a file on the path, a read-only file system', async () => {
    const options = {member: 'Canada', period: '2022'}
    await writeFile(path.join(dir, 'file'), 'mine')
    await expect(init(path.join(dir, 'file'), options)).rejects.toThrow(`Cannot write the report in ${dir}/file: ${dir}/file is a file, not a folder`)
    await expect(init(path.join(dir, 'file', 'japan'), options)).rejects.toThrow(`a part of the path ${dir}/file/japan is a file, not a folder`)
    await symlink(path.join(dir, 'nowhere'), path.join(dir, 'link'))
    await expect(init(path.join(dir, 'link'), options)).rejects.toThrow(`${dir}/link is a link to ${dir}/nowhere, which does not exist`)
    // As there, a recursive mkdir says ENOENT, the folder's own mkdir EROFS.
    failures.push((call, [target, options]) =>
      call === 'mkdir' && String(target).startsWith(dir) ? ((options as {recursive?: boolean} | undefined)?.recursive ? 'ENOENT' : 'EROFS') : undefined
    )
    await expect(init(path.join(dir, 'ro', 'japan'), options)).rejects.toThrow(`Cannot create the folder ${dir}/ro/japan: ${dir}/ro/japan is on a read-only file system; choose another folder`)
    expect((await readdir(dir)).sort()).toEqual(['file', 'link'])
  })

  it('leaves nothing when the disk is full, so that it can run again', async () => {
    const target = path.join(dir, 'reports', 'japan')
    failures.push((call, [file]) => (call === 'writeFile' && String(file).includes('agency.md') ? 'ENOSPC' : undefined))
    await expect(init(target, {member: 'Japan', period: '2022'})).rejects.toThrow(`Cannot write in ${target}: the disk is full`)
    expect(await readdir(dir)).toEqual([])
    failures.length = 0
    expect(await init(target, {member: 'Japan', period: '2022'})).toEqual([path.join(target, 'report.md'), path.join(target, 'programmes', 'agency.md')])
  })

  it('leaves no half report when a file fails once another is in place', async () => {
    failures.push((call, [, to]) => ((call === 'link' || call === 'rename') && String(to).endsWith('agency.md') ? 'EIO' : undefined))
    await expect(init(dir, {member: 'Japan', period: '2022'})).rejects.toThrow(/EIO/)
    // The folder was there before, empty: it stays, empty.
    expect(await readdir(dir)).toEqual([])
  })

  it('says what is wrong with its options', async () => {
    await expect(initFiles({member: 'Canadaa', period: '2022'})).rejects.toThrow(/did you mean "Canada"/)
    // In the report's language where names in several languages are as near ("Senegal", "Sénégal").
    await expect(initFiles({member: 'Senegall', period: '2022', language: 'fr'})).rejects.toThrow(/did you mean "Sénégal"/)
    await expect(initFiles({member: 'Canada', period: '2023-2022'})).rejects.toThrow(/--period takes/)
    await expect(initFiles({member: 'Canada', from: '2022-04-01'})).rejects.toThrow(/--from and --to go together/)
    await expect(initFiles({member: 'Canada', period: '2022', language: 'xx'})).rejects.toThrow(/no templates for the language `xx`/)
  })

  it.each([
    [{period: '0999'}, '--period `0999`: the year 0999 is before the year 1000; check its digits'],
    [{period: '0999-2000'}, '--period `0999-2000`: the year 0999 is before the year 1000'],
    [{from: '29/02/2023', to: '2023-03-31'}, '--from `29/02/2023`: February 2023 has no day 29'],
    [{from: '2022-04-01', to: '2023-13-01'}, '--to `2023-13-01`: month 13 does not exist'],
    [{from: '1 Febuary 2022', to: '2023-03-31'}, '--from `1 Febuary 2022`: “Febuary” is not a month name'],
    [{from: '01/04/0202', to: '2023-03-31'}, '--from `01/04/0202`: the year 0202 is before the year 1000'],
    [{from: '2022-04', to: '2023-03-31'}, '--from takes a full date such as 2022-04-01, not `2022-04`'],
    [{from: '2022-04-01', to: 'soon'}, '--to takes a full date such as 2023-03-31, not `soon`']
  ])('says what is wrong with the period %j', async (period, message) => {
    await expect(initFiles({member: 'Canada', ...period})).rejects.toThrow(message)
  })

  it('comments a date art67 reads after a period ending in its last year, 9999', async () => {
    const files = await initFiles({member: 'Canada', period: '9999'})
    expect(files['report.md']).toContain('# date: 31/12/9999\n# symbol: IP/C/R/TC/XXX/1\n# job: 99-0000\n')
  })

  it.each([
    ['one day', '2022-05-05', '2022-05-05'],
    ['a month across the new year', '2022-12-15', '2023-01-15'],
    ['the last day art67 reads', '9999-12-31', '9999-12-31'],
    ['two years', '2022-01-01', '2023-12-31']
  ])('writes a report on %s that checks with a draft’s warning only', async (_period, from, to) => {
    await init(dir, {member: 'Japan', from, to})
    const result = await check(dir)
    expect(ruleIds(result.files)).toEqual(initWarnings)
    const [programme] = result.report!.programmes
    expect(from <= programme!.start!.iso && programme!.start!.iso <= to).toBe(true)
    expect(programme!.start!.iso <= programme!.end!.iso && programme!.end!.iso <= to).toBe(true)
  })
})

describe('init in another language', () => {
  it.each(['fr', 'es'])('writes a %s report that builds with a draft’s warnings only', async (language) => {
    const target = path.join(dir, language)
    await init(target, {member: 'Switzerland', period: '2022', language})
    const report = await readFile(path.join(target, 'report.md'), 'utf8')
    expect(report).toContain(`language: ${language}\n`)
    // The member and the comment on the date in the report's language too.
    expect(report).toContain(language === 'fr' ? 'member: "Suisse"\n' : 'member: "Suiza"\n')
    expect(report).toContain(language === 'fr' ? '# Ajouter ces lignes une fois la communication datée' : '# Añada estas líneas cuando la Secretaría')
    // Beneficiaries by their names in the report's language, which the registry reads as well.
    expect(report).toContain(language === 'fr' ? '| Cambodge; Viet Nam |' : '| Camboya; Viet Nam |')
    const result = await check(target)
    expect(ruleIds(result.files)).toEqual(initWarnings)
    expect(result.report?.language).toBe(language)
    expect(result.report?.member).toBe('Switzerland')
    expect(result.report?.programmes[0]?.agency).toBe(language === 'fr' ? 'Office de la propriété intellectuelle' : 'Oficina de Propiedad Intelectual')
    expect(result.report?.programmes[0]?.type).toBe(language === 'fr' ? 'Atelier' : 'Taller')
    expect(result.report?.programmes[0]?.beneficiaries).toEqual(['Cambodia', 'Viet Nam'])
  })
})
