import {mkdir, symlink} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {commonParent, findReports, outputFolders as foldersFrom} from '../../pipeline/reports/index.js'
import {frontMatter, writeSources} from '../helpers/sources.js'

describe('findReports', () => {
  it('finds every folder below a parent whose Markdown opens with a front matter, in path order', async () => {
    const root = await writeSources({
      'reports/canada/2022/report.md': frontMatter,
      'reports/canada/2021/report.md': `\uFEFF${frontMatter}`,
      'reports/canada/2021/programmes/cipo.md': '## A programme\n',
      'reports/canada/notes/README.md': frontMatter,
      'reports/japan/main.md': frontMatter.replaceAll('\n', '\r\n'),
      'reports/.drafts/report.md': frontMatter,
      'reports/plain/notes.md': '# No front matter\n'
    })
    const found = await findReports([path.join(root, 'reports')])
    expect(found.map((dir) => path.relative(root, dir))).toEqual(['reports/canada/2021', 'reports/canada/2022', 'reports/japan'])
  })

  it('takes a report folder as it is, once however often it is given, and keeps a folder with no report below it', async () => {
    const root = await writeSources({'a/report.md': frontMatter})
    await symlink(path.join(root, 'a'), path.join(root, 'link'))
    await mkdir(path.join(root, 'empty'))
    const found = await findReports([path.join(root, 'a'), path.join(root, 'link'), path.join(root, 'empty'), path.join(root, 'missing')])
    expect(found.map((dir) => path.relative(root, dir))).toEqual(['a', 'empty', 'missing'])
  })
})

describe('outputFolders', () => {
  // As buildMany names them: from the reports' common parent.
  const outputFolders = (reports: Array<{dir: string; name: string | undefined}>, out: string) => foldersFrom(reports, out, commonParent(reports.map(({dir}) => path.resolve(dir))))
  const canada = 'canada-2020-2021'
  const japan = 'japan-2020-2021'

  it('puts outputs in the output folder, and in a subfolder each where names would collide', () => {
    expect(outputFolders([{dir: 'reports/a', name: canada}, {dir: 'reports/b', name: japan}], 'out')).toEqual(['out', 'out'])
    expect(
      outputFolders(
        [
          {dir: 'reports/old/canada', name: canada},
          {dir: 'reports/new/canada', name: canada},
          {dir: 'reports/japan', name: japan}
        ],
        'out'
      )
    ).toEqual([path.join('out', 'old/canada'), path.join('out', 'new/canada'), 'out'])
  })

  it('names the subfolders from the root when the reports share nothing else (it looped there)', () => {
    expect(outputFolders([{dir: '/srv/a/canada', name: canada}, {dir: '/home/b/canada', name: canada}], 'out')).toEqual([
      path.join('out', 'srv/a/canada'),
      path.join('out', 'home/b/canada')
    ])
  })

  it('leaves a report without a name (its front matter broken) in the output folder, colliding with none', () => {
    expect(outputFolders([{dir: 'reports/a', name: undefined}, {dir: 'reports/b', name: undefined}, {dir: 'reports/c', name: canada}], 'out')).toEqual(['out', 'out', 'out'])
  })
})
