// Stage 3, extract: from each file's mdast, the front matter node, the narrative and the programmes as written,
// keeping every place. Source syntax is read here; values are checked by validate.
import type {RootContent, Yaml} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import type {Glyphs} from '../fonts/index.js'
import type {Block} from '../model.js'
import type {ParsedFile} from '../parse/index.js'
import {isProgrammesFile} from '../read/index.js'
import {problem} from '../rules/index.js'
import type {Labels} from '../templates.js'
import {toBlocks} from './blocks.js'
import {checkGlyphs} from './glyphs.js'
import {LabelIndex} from './labels.js'
import {ProgrammeReader, type RawProgramme} from './programmes.js'

export type {RawField, RawProgramme, RawText} from './programmes.js'

export interface Extracted {
  /** The one front matter block, with its file; absent when no file has one (an error is reported). */
  frontMatter: {file: VFile; node: Yaml} | undefined
  /** Narrative blocks of all files, in file order; headings not numbered yet. */
  narrative: Block[]
  /** Text written under the programmes heading before the first programme. */
  annexIntro: Block[]
  programmes: RawProgramme[]
}

/** Index of the first node at or after `from` that is a heading of `depth` or shallower. */
function sectionEnd(nodes: RootContent[], from: number, depth: number): number {
  let i = from
  while (i < nodes.length) {
    const node = nodes[i]!
    if (node.type === 'heading' && node.depth <= depth) break
    i++
  }
  return i
}

class Extractor {
  readonly narrative: Block[] = []
  readonly annexIntro: Block[] = []
  readonly programmes: ProgrammeReader

  constructor(
    private readonly labels: LabelIndex,
    private readonly glyphs: Glyphs
  ) {
    this.programmes = new ProgrammeReader(labels)
  }

  file({file, tree}: ParsedFile) {
    checkGlyphs(file, tree, this.glyphs)
    const nodes = tree.children.filter((node) => node.type !== 'yaml')
    if (isProgrammesFile(file)) {
      this.territory(file, nodes, 1)
      return
    }
    let i = 0
    while (i < nodes.length) {
      const node = nodes[i]!
      if (this.isProgrammesHeading(node)) {
        const end = sectionEnd(nodes, i + 1, node.depth)
        this.territory(file, nodes.slice(i + 1, end), node.depth)
        i = end
      } else {
        let end = i + 1
        while (end < nodes.length && !this.isProgrammesHeading(nodes[end]!)) end++
        this.narrative.push(...toBlocks(file, nodes.slice(i, end)))
        i = end
      }
    }
  }

  private isProgrammesHeading(node: RootContent): node is RootContent & {type: 'heading'} {
    return node.type === 'heading' && this.labels.isProgrammesHeading(toString(node))
  }

  /** Content under a programmes heading of `depth`: each heading one level deeper is a programme. */
  private territory(file: VFile, nodes: RootContent[], depth: number) {
    let i = 0
    while (i < nodes.length) {
      const node = nodes[i]!
      if (node.type === 'heading' && node.depth === depth + 1) {
        const end = sectionEnd(nodes, i + 1, node.depth)
        this.programmes.section(file, node, nodes.slice(i + 1, end))
        i = end
      } else {
        if (node.type === 'table' && this.programmes.isProgrammeTable(file, node)) this.programmes.table(file, node)
        else this.annexIntro.push(...toBlocks(file, [node]))
        i++
      }
    }
  }
}

/**
 * The one front matter: a second is an error placed at it, none is an error on the first file, unless a Markdown
 * file could not be read: it may hold the front matter, and is an error already.
 */
function findFrontMatter(files: readonly ParsedFile[], allRead: boolean): Extracted['frontMatter'] {
  const found = files.flatMap(({file, tree}) => {
    const [node] = tree.children
    return node?.type === 'yaml' ? [{file, node}] : []
  })
  const [first, ...others] = found
  for (const other of others) {
    problem(other.file, 'frontmatter-duplicate', {}, other.node.position, {file: first!.file, place: first!.node.position})
  }
  if (!first && files[0] && allRead) problem(files[0].file, 'frontmatter-missing', {}, {line: 1, column: 1})
  return first
}

/**
 * Read every file's structure with the labels of every template language; `glyphs` are the PDF font's.
 * `allRead`: no Markdown file of the sources was left unread.
 */
export function extract(files: readonly ParsedFile[], labels: readonly Labels[], glyphs: Glyphs, {allRead = true} = {}): Extracted {
  const extractor = new Extractor(new LabelIndex(labels), glyphs)
  const frontMatter = findFrontMatter(files, allRead)
  for (const file of files) extractor.file(file)
  return {frontMatter, narrative: extractor.narrative, annexIntro: extractor.annexIntro, programmes: extractor.programmes.programmes}
}
