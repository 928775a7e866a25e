// Reading the sources: what is read and what is not, how bytes become text, and places kept in the file as saved.
import {writeFileSync} from 'node:fs'
import {link, mkdir, symlink} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {check} from '../../pipeline/index.js'
import {formatGithub, formatJson, formatText} from '../../pipeline/format/index.js'
import {decode, decodeBytes} from '../../pipeline/read/decode.js'
import {invisibleWarnings, printablePath, read, sourcePath} from '../../pipeline/read/index.js'
import {sourceText} from '../../pipeline/read/text.js'
import {frontMatter, writeSources} from '../helpers/sources.js'

const utf16 = (text: string, order: 'le' | 'be', bom: boolean) => {
  const bytes = Buffer.from(text, 'utf16le')
  if (order === 'be') bytes.swap16()
  const mark = order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]
  return bom ? Buffer.concat([Buffer.from(mark), bytes]) : bytes
}

const decoded = (bytes: Uint8Array) => {
  const file = new VFile({path: 'report.md'})
  const text = decode(file, bytes)
  return {text, problems: file.messages.map((message) => `${message.line}:${message.column} ${message.reason}`)}
}

describe('decode', () => {
  it('reads UTF-8, without its byte-order mark', () => {
    expect(decoded(Buffer.from('\uFEFF# Côte', 'utf8'))).toEqual({text: '# Côte', problems: []})
  })

  it.each([
    ['little-endian with a byte-order mark', utf16('# Outline\n', 'le', true), 'little'],
    ['big-endian with a byte-order mark', utf16('# Outline\n', 'be', true), 'big'],
    ['little-endian without one', utf16('# Outline\n\nText.\n', 'le', false), 'little'],
    ['big-endian without one', utf16('# Outline\n\nText.\n', 'be', false), 'big']
  ])('names UTF-16 %s, at the start of the file', (_, bytes, endian) => {
    expect(decoded(bytes)).toEqual({text: undefined, problems: [`1:1 This file is saved as UTF-16 (${endian}-endian), not UTF-8`]})
  })

  it('reads UTF-16 with its byte-order mark only when asked (for import), and places bytes that are not UTF-16', () => {
    expect(decodeBytes(utf16('# Côte\n', 'le', true), {utf16: true})).toEqual({text: '# Côte\n'})
    expect(decodeBytes(utf16('# Côte\n', 'be', true), {utf16: true})).toEqual({text: '# Côte\n'})
    expect(decodeBytes(utf16('# Outline\n', 'le', false), {utf16: true})).toEqual({problem: {as: 'utf-16', endian: 'little'}, place: {line: 1, column: 1}})
    const loneSurrogate = Buffer.concat([utf16('a\nb', 'le', true), Buffer.from([0x00, 0xd8]), utf16('c', 'le', false)])
    expect(decodeBytes(loneSurrogate, {utf16: true})).toEqual({problem: {as: 'encoding'}, place: {line: 2, column: 2}})
  })

  it('names UTF-32', () => {
    expect(decoded(Buffer.from([0xff, 0xfe, 0, 0, 0x23, 0, 0, 0])).problems).toEqual(['1:1 This file is saved as UTF-32, not UTF-8'])
  })

  it('places the first NUL byte of a binary file and the first byte that is not UTF-8', () => {
    expect(decoded(Buffer.from('PNG\r\n\u001a\n\u0000\u0001', 'latin1')).problems).toEqual(['3:1 This file is binary, not Markdown text: it holds a NUL byte here'])
    expect(decoded(Buffer.from('# Outline\n\nC\xf4te', 'latin1')).problems).toEqual([
      '3:2 This file is not valid UTF-8 text: the byte 0xF4 here is not UTF-8, so the file was most likely saved in another encoding (Windows-1252, “ANSI”, Latin-1, Shift_JIS …)'
    ])
  })

  it('names the first byte that is not UTF-8 at its place, after a U+FFFD written as UTF-8 and overlong or surrogate forms', () => {
    const problem = (bytes: number[]) => decodeBytes(Uint8Array.from(bytes))
    // A Windows-1252 en dash after text.
    expect(problem([0x61, 0x20, 0x96, 0x20, 0x62])).toEqual({problem: {as: 'encoding', byte: 0x96}, place: {line: 1, column: 3}})
    // A replacement character written on purpose is text: the place is the bad byte after it.
    expect(problem([0xef, 0xbf, 0xbd, 0x0a, 0x41, 0xe9, 0x42])).toEqual({problem: {as: 'encoding', byte: 0xe9}, place: {line: 2, column: 2}})
    // An overlong slash, an encoded surrogate, a code point past U+10FFFF, a sequence cut short at the end.
    expect(problem([0x41, 0xc0, 0xaf])).toMatchObject({problem: {byte: 0xc0}, place: {line: 1, column: 2}})
    expect(problem([0xed, 0xa0, 0x80])).toMatchObject({problem: {byte: 0xed}, place: {line: 1, column: 1}})
    expect(problem([0xf4, 0x90, 0x80, 0x80])).toMatchObject({problem: {byte: 0xf4}})
    expect(problem([0x41, 0x42, 0xe3, 0x81])).toMatchObject({problem: {byte: 0xe3}, place: {line: 1, column: 3}})
  })
})

describe('sourceText', () => {
  it('leaves plain LF text as it is, with nothing to map', () => {
    expect(sourceText('# Outline\n\nText.\n')).toEqual({text: '# Outline\n\nText.\n', removed: []})
  })

  it('makes CRLF and old Mac CR line ends LF, keeping the lines', () => {
    const {text, saved} = sourceText('a\r\nb\rc\n\rd')
    expect(text).toBe('a\nb\nc\n\nd')
    expect(saved?.lineStarts).toEqual([0, 3, 5, 7, 8])
    expect(saved?.columns.size).toBe(0)
  })

  it('composes text to NFC and removes invisible characters, each run placed in the file as saved', () => {
    const {text, removed, saved} = sourceText('x\nCo\u0302te; Viet N\u200Bam\u200E\u200E.\n')
    expect(text).toBe('x\nCôte; Viet Nam.\n')
    expect(removed).toEqual([
      {place: {start: {line: 2, column: 14, offset: 15}, end: {line: 2, column: 15, offset: 16}}, characters: ['\u200B'], count: 1},
      {place: {start: {line: 2, column: 17, offset: 18}, end: {line: 2, column: 19, offset: 20}}, characters: ['\u200E'], count: 2}
    ])
    // As read, line 2 is `Côte; Viet Nam.`: from `t` (column 3) on, one column more as saved (the accent), from `a`
    // (column 13) two (the zero-width space), from `.` (column 15) four (the two marks).
    expect(saved?.columns.get(2)).toEqual([[3, 4], [13, 15], [15, 19]])
  })

  it('reads a form feed, vertical tab or next line as a space, so the words around it stay apart, still reported', () => {
    const {text, removed, saved} = sourceText('One.\fTwo\u000BThree\u0085Four\u200B.\n')
    expect(text).toBe('One. Two Three Four.\n')
    expect(removed.map((run) => [run.place.start.column, run.characters])).toEqual([[5, ['\f']], [9, ['\u000B']], [15, ['\u0085']], [20, ['\u200B']]])
    // Only the zero-width space moves the columns.
    expect(saved?.columns.get(1)).toEqual([[20, 21]])
  })
})

describe('read', () => {
  const located = async (dir: string) =>
    (await check(dir)).files.flatMap((file) => file.messages.map((message) => `${sourcePath(file)}:${message.line}:${message.column} ${message.ruleId}`))

  it('reports problems after an NFD accent, a removed character or a CR line end at their place in the file as saved', async () => {
    const dir = await writeSources({
      'report.md': (frontMatter + '\n# Programmes\n\n## Workshop\n\n- Beneficiaries: Co\u0302te d\u2019Ivoire; Viet\u200BNam; Vietnan\n').replaceAll('\n', '\r')
    })
    // As saved, line 11 is `- Beneficiaries: ` (17), `Côte d’Ivoire; ` with its combining accent (16), `Viet`,
    // the zero-width space at column 38, `Nam; ` and `Vietnan` at column 44.
    expect(await located(dir)).toEqual(['report.md:11:38 invisible-character', 'report.md:11:44 beneficiary-unknown'])
  })

  it('refuses sources too large in all, reading none, and a file too large on its own by its name as well', async () => {
    const dir = await writeSources({
      'report.md': frontMatter + '\n# Programmes\n',
      'programmes/a.md': '## Workshop\n\n' + 'Text. '.repeat(20) + '\n',
      'programmes/huge.md': '## Seminar\n\n' + 'Text. '.repeat(100) + '\n'
    })
    const sources = await read(dir, {maxFileBytes: 400, maxSourcesBytes: 200})
    expect(sources.files).toEqual([])
    expect(sources.rejected.map((file) => [sourcePath(file), file.messages.map((message) => message.ruleId)])).toEqual([
      ['.', ['sources-too-large']],
      ['programmes/huge.md', ['file-too-large']]
    ])
    // The file too large on its own is not counted in the sources' size: within the limit in all without it.
    const within = await read(dir, {maxFileBytes: 400, maxSourcesBytes: 400})
    expect(within.files.map(sourcePath)).toEqual(['report.md', 'programmes/a.md'])
    expect(within.rejected.map(sourcePath)).toEqual(['programmes/huge.md'])
  })

  it('skips README files in any folder and what .art67ignore lists', async () => {
    const dir = await writeSources({
      'report.md': frontMatter + '\nText.\n',
      'README.md': '# About these sources\n',
      'programmes/readme-first.MD': '# Notes\n',
      'drafts/next.md': '# Draft\n',
      'notes/a.draft.md': '# Draft\n',
      'notes/keep.draft.md': '# Kept\n',
      'notes/b.md': '# Notes\n',
      '.art67ignore': '# not part of the report\ndrafts/\n*.draft.md\n!keep.draft.md\n'
    })
    const sources = await read(dir)
    expect(sources.files.map(sourcePath)).toEqual(['notes/b.md', 'notes/keep.draft.md', 'report.md'])
    expect(sources.rejected).toEqual([])
  })

  it('reads a file reached by several paths once, by its own path, whatever the links’ names sort before', async () => {
    const dir = await writeSources({'report.md': frontMatter + '\nText.\n', 'programmes/cipo.md': '## Workshop\n'})
    // A link to the folder, and a link to the file, both named to be listed before the folder itself.
    await symlink('programmes', path.join(dir, 'archive'))
    await symlink('programmes/cipo.md', path.join(dir, 'a-cipo.md'))
    const sources = await read(dir)
    expect(sources.files.map(sourcePath)).toEqual(['report.md', 'programmes/cipo.md'])
    expect(sources.rejected.map((file) => [sourcePath(file), file.messages.map((message) => message.reason)])).toEqual([
      ['a-cipo.md', ['This leads to the same file as `programmes/cipo.md`: its text is read once, there']]
    ])
  })

  it('reads a file under two names (a hard link) once, by the first in reading order, and a link to either name there', async () => {
    const dir = await writeSources({'report.md': frontMatter + '\nText.\n', 'programmes/b.md': '## Workshop\n\n- Beneficiaries: Chile\n'})
    await link(path.join(dir, 'programmes/b.md'), path.join(dir, 'programmes/a.md'))
    await symlink('programmes/b.md', path.join(dir, 'c.md'))
    const sources = await read(dir)
    expect(sources.files.map(sourcePath)).toEqual(['report.md', 'programmes/a.md'])
    expect(sources.rejected.map((file) => [sourcePath(file), file.messages.map((message) => `${message.ruleId}: ${message.reason}`)])).toEqual([
      ['programmes/b.md', ['hardlink-duplicate: This is the same file as `programmes/a.md` under a second name (a hard link): its text is read once, there']],
      ['c.md', ['symlink-duplicate: This leads to the same file as `programmes/a.md`: its text is read once, there']]
    ])
    expect((await check(dir)).report?.programmes.map((programme) => programme.title)).toEqual(['Workshop'])
  })

  it('reports a loop of links, and a folder with nothing but README files as empty for that reason', async () => {
    const dir = await writeSources({'README.md': '# About\n'})
    await symlink('loop.md', path.join(dir, 'loop.md'))
    expect(await located(dir)).toEqual(['loop.md:undefined:undefined symlink-broken'])
    const empty = await writeSources({'README.md': '# About\n'})
    expect((await check(empty)).files[0]!.messages[0]!.reason).toContain('README files and what `.art67ignore` lists are skipped')
  })

  it('says why a file whose name is not UTF-8 cannot be read, not that permission was denied', async () => {
    const dir = await writeSources({'report.md': frontMatter + '\nText.\n'})
    // A name of bytes that are not UTF-8: listed with U+FFFD in it, then not found by that name.
    writeFileSync(Buffer.concat([Buffer.from(path.join(dir, 'bad')), Buffer.from([0xff, 0xfe]), Buffer.from('.md')]), '# Text\n')
    const [problem] = (await check(dir)).files.flatMap((file) => file.messages)
    expect(problem).toMatchObject({ruleId: 'read-denied'})
    expect(problem!.reason).toBe('This file cannot be read: its name, as listed, is not found again (a name that is not UTF-8, or a path longer than the system allows) (ENOENT)')
  })

  it('does not report missing front matter when a file that could hold it could not be read', async () => {
    const dir = await writeSources({'report.md': utf16(frontMatter, 'le', true), 'programmes/a.md': '## Workshop\n\n- Beneficiaries: Chile\n'})
    expect(await located(dir)).toEqual(['report.md:1:1 file-unreadable'])
  })

  it('prints control characters of a file name as code points in text and GitHub output, exactly in JSON', async () => {
    const dir = await writeSources({'report.md': frontMatter + '\nText.\n'})
    await mkdir(path.join(dir, 'bad\u001B[31m'))
    await symlink('nowhere.md', path.join(dir, 'bad\u001B[31m', 'x\u202E.md'))
    const {files} = await check(dir)
    for (const output of [formatText(files), formatGithub(files)]) {
      expect(output).toContain('bad<U+001B>[31m/x<U+202E>.md')
      expect(output).not.toMatch(/[\u001B\u202E]/)
    }
    expect(JSON.parse(formatJson(files)).problems[0].file).toBe(path.join(dir, 'bad\u001B[31m', 'x\u202E.md'))
    expect(printablePath('a\u0007b\u200Bc.md')).toBe('a<U+0007>b<U+200B>c.md')
  })
})

describe('invisible characters', () => {
  it('are warned about run by run, up to a number per file, then counted in one more warning', async () => {
    // One run a line: soft hyphens, then zero-width spaces in the last two lines.
    const lines = Array.from({length: invisibleWarnings + 5}, (_, i) => `${i + 10}${i < invisibleWarnings + 3 ? '\u00AD' : '\u200B'}x`)
    const dir = await writeSources({'report.md': frontMatter + '\n' + lines.join('\n\n') + '\n'})
    const messages = (await check(dir)).files[0]!.messages
    expect(messages).toHaveLength(invisibleWarnings + 1)
    expect(messages[0]!.reason).toBe('An invisible character, <U+00AD> (soft hyphen), is removed from the text here')
    expect(messages.at(-1)).toMatchObject({
      line: 7 + 2 * invisibleWarnings,
      column: 3,
      reason: 'From here on, 5 more invisible characters, <U+00AD> (soft hyphen), <U+200B> (zero width space), are removed from the text of this file'
    })
  })
})
