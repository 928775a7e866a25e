// The file `art67 import` reads: only a regular file of at most 20 MB, never opened as a pipe or device nor waited
// on; UTF-8, or UTF-16 with its byte-order mark; a page saved as HTML refused; invisible characters warned about at
// their place in the page, a form feed or NEL leaving a space so the words around it stay apart.
import {spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdir, mkdtemp, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {importFile} from '../../pipeline/import/index.js'
import {maxFileBytes} from '../../pipeline/read/index.js'
import {art67} from '../helpers/run-cli.js'

const seed = path.resolve(import.meta.dirname, '../fixtures/import/002_05d88512103c0841.txt')
const temporary = () => mkdtemp(path.join(tmpdir(), 'art67-import-input-'))

/** Import the file at `page`, writing to a new folder; the problems as `line:column ruleId reason`. */
async function imported(page: string, options: {member?: string; period?: string} = {}) {
  const out = path.join(await temporary(), 'sources')
  const result = await importFile(page, {...options, out})
  const problems = result.file.messages.map((message) => `${message.line ?? '-'}:${message.column ?? '-'} ${message.ruleId} ${message.reason}`)
  return {...result, out, problems, notes: result.file.messages.map((message) => message.note ?? '')}
}

/** Import `bytes` saved as `page.txt`. */
async function importBytes(bytes: string | Uint8Array, options: {member?: string; period?: string} = {}) {
  const dir = await temporary()
  await writeFile(path.join(dir, 'page.txt'), bytes)
  return imported(path.join(dir, 'page.txt'), options)
}

const title = 'Technical cooperation activities under Article 67 of the TRIPS Agreement - View details of the document'
const utf16 = (text: string, order: 'le' | 'be') => {
  const bytes = Buffer.from('\uFEFF' + text, 'utf16le')
  return order === 'le' ? bytes : bytes.swap16()
}

describe('the page file', () => {
  it('warns about invisible characters at their place in the page; a form feed or NEL is read as a space', async () => {
    const lines = [title, '1. Canada covers the 2020-2021 period.\fPage two.', '2. A\u200BB, soft\u00ADhyphen, Persian می\u200Cخواهم, NEL\u0085here.', 'List of programmes/projects', '1 Workshop\u200B 01/01/2021 Kenya']
    const result = await importBytes(lines.join('\n') + '\n')
    const column = (line: number, character: string) => `${line}:${lines[line - 1]!.indexOf(character) + 1}`
    expect(result.problems.filter((problem) => problem.includes('invisible-character'))).toEqual([
      `${column(2, '\f')} invisible-character An invisible character, <U+000C> (form feed, read as a space), is removed from the text here`,
      `${column(3, '\u200B')} invisible-character An invisible character, <U+200B> (zero width space), is removed from the text here`,
      `${column(3, '\u00AD')} invisible-character An invisible character, <U+00AD> (soft hyphen), is removed from the text here`,
      `${column(3, '\u200C')} invisible-character An invisible character, <U+200C> (zero width non-joiner), is removed from the text here`,
      `${column(3, '\u0085')} invisible-character An invisible character, <U+0085> (next line, read as a space), is removed from the text here`,
      `${column(5, '\u200B')} invisible-character An invisible character, <U+200B> (zero width space), is removed from the text here`
    ])
    expect(result.markdown).toContain('\n\nCanada covers the 2020-2021 period. Page two.\n\n')
    expect(result.markdown).toContain('NEL here.')
    // Problems after a removed character are still placed in the page as saved.
    expect(result.problems).toContain(`${column(2, 'Canada')} import-member-guessed \`Canada\` was taken as the reporting Member: the text names it once, more than any other Member`)
  })

  it.each(['le', 'be'] as const)('reads a page saved as UTF-16 (%s) with its byte-order mark, as Notepad saves “Unicode”', async (order) => {
    const text = await readFile(seed, 'utf8')
    const asUtf8 = await importBytes(text)
    const asUtf16 = await importBytes(utf16(text, order))
    expect(asUtf16.problems).toEqual(asUtf8.problems)
    expect(asUtf16.markdown).toBe(asUtf8.markdown)
    expect(asUtf16.outputs).toHaveLength(1)
  })

  it('refuses UTF-16 without a byte-order mark and binary files, with a hint for a page, not for a sources folder', async () => {
    const noMark = await importBytes(utf16(await readFile(seed, 'utf8'), 'le').subarray(2))
    expect(noMark.problems).toEqual(['1:1 import-unreadable This file is saved as UTF-16 (little-endian) without a byte-order mark, so its encoding is not certain'])
    const binary = await importBytes(Buffer.from('%PDF-1.7\n\u0000\u0001', 'latin1'))
    expect(binary.problems).toEqual(['2:1 import-unreadable This file is binary, not text: it holds a NUL byte here'])
    for (const refused of [noMark, binary]) {
      expect(refused.outputs).toEqual([])
      expect(refused.notes[0]).toContain('copy it')
      expect(refused.notes[0]).not.toContain('sources folder')
    }
  })

  it('refuses a folder, a named pipe and a device without waiting on them', async () => {
    const dir = await temporary()
    const pipe = path.join(dir, 'page.txt')
    spawnSync('mkfifo', [pipe])
    expect((await imported(pipe)).problems).toEqual(['-:- import-unreadable This is a named pipe, not a regular file, so it is not read'])
    expect((await imported(dir)).problems).toEqual(['-:- import-unreadable This is a folder, not a file'])
    if (existsSync('/dev/zero')) expect((await imported('/dev/zero')).problems).toEqual(['-:- import-unreadable This is a device, not a regular file, so it is not read'])
  })

  it('refuses a file over the limit without reading it', async () => {
    const result = await importBytes(Buffer.alloc(maxFileBytes + 1, 'a'))
    expect(result.problems).toEqual([`-:- import-unreadable This file has ${maxFileBytes + 1} bytes; the most art67 reads is ${maxFileBytes}`])
  })

  it('exits 1 for a folder or a pipe on stdin, as for any file it cannot read as text', async () => {
    const dir = await temporary()
    await mkdir(path.join(dir, 'page'))
    const folder = art67(['import', 'page', '--out', 'sources'], {NO_COLOR: '1'}, [], dir)
    expect(folder.code).toBe(1)
    expect(folder.stderr).toContain('This is a folder, not a file')
    expect(folder.stderr).not.toContain('EISDIR')
    const piped = spawnSync(process.execPath, [path.resolve('dist/pipeline/cli.js'), 'import', '/dev/stdin', '--out', path.join(dir, 'piped')], {input: await readFile(seed), encoding: 'utf8'})
    expect(piped.status).toBe(1)
    // Node gives a child's stdin as a socket; a shell's `|` as a named pipe.
    expect(piped.stderr).toMatch(/This is a (socket|named pipe), not a regular file/)
    expect(existsSync(path.join(dir, 'piped'))).toBe(false)
  })
})

describe('the folder to write', () => {
  it('refuses a file or a link to nothing as --out, with or without --force, saying what it is', async () => {
    const dir = await temporary()
    await writeFile(path.join(dir, 'taken'), 'not a folder')
    for (const force of [[], ['--force']]) {
      const result = art67(['import', seed, '--out', 'taken', ...force], {NO_COLOR: '1'}, [], dir)
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(/taken is a file, not a folder(; choose another --out)?/)
      expect(result.stderr).not.toContain('existing folder')
    }
    expect(await readFile(path.join(dir, 'taken'), 'utf8')).toBe('not a folder')
  })
})

describe('a page saved as HTML', () => {
  it.each([
    ['HTML', '\n<!DOCTYPE html>\n<html><head><meta charset="utf-8">\n<script>var s = "x";</script></head><body>\n<p>1. Canada reports on the 2020-2021 period&nbsp;and more.</p>\n<h2>List of programmes/projects</h2>\n</body></html>\n', '2:1'],
    ['HTML after a comment', '<!-- saved from url=(0046)https://e-trips.wto.org/ -->\n<html lang="en"><body>1. Canada.</body></html>\n', '1:1'],
    ['a web archive (MHTML)', 'From: <Saved by Blink>\nSnapshot-Content-Location: https://e-trips.wto.org/\nSubject: e-TRIPS\nMIME-Version: 1.0\nContent-Type: multipart/related;\n\ttype="text/html"\n', '1:1']
  ])('is refused when saved as %s, with how to copy the page as text', async (_, page, place) => {
    const result = await importBytes(page)
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0]).toMatch(new RegExp(`^${place} import-html This file is a web page saved as HTML \\(it starts with \`[^\`]+\`\\), not the text copied from the page, so nothing was imported$`))
    expect(result.notes[0]).toContain('copy it')
    expect(result.outputs).toEqual([])
  })

  it('is not confused with a text page that mentions a tag', async () => {
    const result = await importBytes(`${title}\n1. Canada, covering the 2020-2021 period, wrote <html> pages.\nList of programmes/projects\n1 Workshop 01/01/2021 Kenya\n`)
    expect(result.problems.map((problem) => problem.split(' ')[1])).toEqual(['import-member-guessed', 'import-period-guessed'])
    expect(result.outputs).toHaveLength(1)
  })
})
