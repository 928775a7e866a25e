// Stage 3, extract: from each file's mdast, the front matter node, the narrative and the programmes as written,
// keeping every place. Source syntax is read here; values are checked by validate.
import type {Definition, Heading, Nodes, Paragraph, Root, RootContent, Table, Yaml} from 'mdast'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import type {Glyphs} from '../fonts/index.js'
import type {Block} from '../model.js'
import {opensFrontMatter} from '../parse/chunk.js'
import type {ParsedFile} from '../parse/index.js'
import {span} from '../place.js'
import {isProgrammesFile} from '../read/index.js'
import {placeholderTexts} from '../skeleton.js'
import {problem} from '../rules/index.js'
import type {MisplacedShape} from '../rules/catalogue.js'
import {collapseWhitespace} from '../text.js'
import type {Labels} from '../templates.js'
import {toBlocks, type PrintedTable} from './blocks.js'
import {checkGlyphs} from './glyphs.js'
import {LabelIndex} from './labels.js'
import {placeOf, ProgrammeReader, type RawProgramme} from './programmes.js'
import {isComment, Shapes, type TabTable} from './shapes.js'
import {nodeText, writtenText} from './node-text.js'

export type {PrintedTable} from './blocks.js'
export type {RawField, RawOther, RawProgramme, RawText} from './programmes.js'

export interface Extracted {
  /** The one front matter block, with its file; absent when no file has one (an error is reported). */
  frontMatter: {file: VFile; node: Yaml} | undefined
  /** Narrative blocks of all files, in file order; headings not numbered yet. */
  narrative: Block[]
  /** Text written under the programmes heading before the first programme. */
  annexIntro: Block[]
  programmes: RawProgramme[]
  /** Every table the PDF prints, in reading order. */
  tables: PrintedTable[]
  /** The narrative's headings validate numbers (those outside lists and quotations), in order. */
  headings: NarrativeHeading[]
}

/** A numbered heading of the narrative, with its place: validate checks that it skips no level. */
export interface NarrativeHeading {
  file: VFile
  place: Position | undefined
  depth: number
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

/** Whether a programmes heading names programmes (`Programmes`, `Programas`), not only activities (`Activités`). */
const namesProgrammes = (text: string) => /program/i.test(text)

/** Nodes whose children are blocks: HTML among them is a block of its own. */
const blockParents = new Set<Nodes['type']>(['root', 'blockquote', 'listItem', 'footnoteDefinition'])

/**
 * What the outputs leave out of the file, or print otherwise than written, wherever it is (text, title, field,
 * cell): every image, never read or fetched (its description is printed); every link or definition title
 * (`[x](https://… "title")`); every link definition no reference uses (its address is printed nowhere); every
 * footnote, whose mark and note are printed as text where they are written; and HTML within a line, printed as text.
 */
/**
 * Text made a heading by a line of `---` or `===` right under it (a setext heading) that reads as a paragraph: over
 * several lines, or ending as a sentence does. Meant as a horizontal rule, the line turned the text into a heading,
 * and under the programmes heading into a programme of its own.
 */
function setextParagraphs(file: VFile, tree: Root) {
  const text = String(file.value)
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'heading') {
      const written = text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0)
      if (!written || written.trimStart().startsWith('#')) continue
      // The last line is the underline, after its container's prefix (`> `).
      const lines = written.split(/\r\n|\r|\n/)
      const content = collapseWhitespace(nodeText(node))
      if (lines.length > 2 || /[.;:,]$/.test(content)) {
        const underline = lines.at(-1)!.replace(/^[\s>]*/, '').startsWith('=') ? '===' : '---'
        problem(file, 'heading-setext', {underline, text: content}, node.position)
      }
    } else if ('children' in node && node.type !== 'paragraph' && node.type !== 'table') {
      for (const child of node.children) stack.push(child)
    }
  }
}

function unprinted(file: VFile, tree: Root) {
  const referenced = new Set<string>()
  const defined: Definition[] = []
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'image' || node.type === 'imageReference') {
      const url = node.type === 'image' ? node.url : (file.data.definitions?.get(node.identifier) ?? '')
      problem(file, 'image-ignored', {url, alt: node.alt ?? ''}, node.position)
    }
    if ((node.type === 'link' || node.type === 'definition') && node.title) problem(file, 'link-title-ignored', {title: node.title}, node.position)
    if (node.type === 'linkReference' || node.type === 'imageReference') referenced.add(node.identifier)
    if (node.type === 'definition') defined.push(node)
    if (node.type === 'footnoteDefinition') problem(file, 'footnote-as-text', {label: node.label ?? node.identifier}, node.position)
    if (!('children' in node)) continue
    for (const child of node.children) {
      // HTML within a line (a block of it is told apart by `toBlocks`: it may hide programmes).
      if (child.type === 'html' && !blockParents.has(node.type)) problem(file, 'raw-html', {comment: isComment(child.value)}, child.position)
      stack.push(child)
    }
  }
  // The first definition of a label is the one references use (CommonMark).
  const first = new Map<string, Definition>()
  for (const definition of defined.sort((a, b) => (a.position?.start.offset ?? 0) - (b.position?.start.offset ?? 0))) {
    const used = first.get(definition.identifier)
    if (!used) first.set(definition.identifier, definition)
    if (used || !referenced.has(definition.identifier)) {
      problem(file, 'definition-unused', {label: definition.label ?? definition.identifier, url: definition.url, duplicate: used !== undefined}, definition.position, used && {file, place: used.position})
    }
  }
}

/** Each skeleton text as a pattern whose spaces match any run of white space: an editor may have wrapped it. */
const placeholderPatterns = placeholderTexts.map((text) => ({
  text,
  pattern: new RegExp(text.split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'g')
}))

/** Each place where the file still holds a text `art67 init` wrote for the user to replace (the example programme…). */
function initTextLeft(file: VFile) {
  const text = String(file.value)
  for (const {text: placeholder, pattern} of placeholderPatterns) {
    for (const match of text.matchAll(pattern)) {
      problem(file, 'init-text-left', {text: placeholder}, span(file, match.index, match[0].length))
    }
  }
}

/** Each top-level node's nearest heading before it, and each heading's parent: who a node falls under. */
class Outline {
  private readonly lastHeading: Array<number | undefined> = []
  private readonly parent: Array<number | undefined> = []

  constructor(private readonly nodes: readonly RootContent[]) {
    let last: number | undefined
    nodes.forEach((node, index) => {
      this.lastHeading.push(last)
      if (node.type !== 'heading') return
      let parent = last
      while (parent !== undefined && (nodes[parent] as Heading).depth >= node.depth) parent = this.parent[parent]
      this.parent[index] = parent
      last = index
    })
  }

  /** The headings node `index` falls under, nearest first. */
  *headings(index: number): Generator<Heading> {
    for (let at = this.lastHeading[index]; at !== undefined; at = this.parent[at]) yield this.nodes[at] as Heading
  }
}

class Extractor {
  readonly narrative: Block[] = []
  readonly annexIntro: Block[] = []
  readonly tables: PrintedTable[] = []
  readonly headings: NarrativeHeading[] = []
  readonly shapes: Shapes
  readonly programmes: ProgrammeReader

  constructor(
    labels: LabelIndex,
    private readonly glyphs: Glyphs
  ) {
    this.shapes = new Shapes(labels)
    this.programmes = new ProgrammeReader(this.shapes, this.tables)
  }

  /** The heading read as the programmes heading, of all the narrative files' (see `chooseProgrammesHeading`). */
  private programmesHeading: Heading | undefined
  /** Other programmes headings, read as narrative: each with the warning it raised. */
  private readonly secondHeadings = new Set<Heading>()

  /**
   * The one programmes heading of the report: of the top-level headings of the files outside `programmes/` whose
   * text is a programmes heading, the first that names programmes (`Programmes`, `Liste des programmes`), else the
   * first (`Activités`, which may as well title a section of the narrative). Each other one is a warning, naming the
   * one read, and is read as narrative, unless it is within the section of the one read (a programme), or within
   * a programme of another (two levels below it or more).
   */
  chooseProgrammesHeading(files: readonly ParsedFile[]) {
    const found: Array<{file: VFile; nodes: RootContent[]; index: number; heading: Heading}> = []
    for (const {file, tree} of files) {
      if (isProgrammesFile(file)) continue
      const nodes = tree.children.filter((node) => node.type !== 'yaml')
      // A heading two levels or more below one found before it, in its section, is within a programme there (a
      // heading of a workshop's description, `### Programme`): no candidate.
      let within: {end: number; depth: number} | undefined
      nodes.forEach((node, index) => {
        if (node.type !== 'heading' || !this.shapes.labels.isProgrammesHeading(nodeText(node))) return
        if (within && index < within.end && node.depth >= within.depth + 2) return
        found.push({file, nodes, index, heading: node})
        within = {end: sectionEnd(nodes, index + 1, node.depth), depth: node.depth}
      })
    }
    const read = found.find(({heading}) => namesProgrammes(nodeText(heading))) ?? found[0]
    if (!read) return
    this.programmesHeading = read.heading
    const end = sectionEnd(read.nodes, read.index + 1, read.heading.depth)
    for (const other of found) {
      // One within the section of the one read is a programme (`## Activities` under `# Programmes`).
      if (other === read || (other.file === read.file && other.index > read.index && other.index < end)) continue
      this.secondHeadings.add(other.heading)
      const written = collapseWhitespace(nodeText(other.heading))
      problem(other.file, 'programmes-heading-duplicate', {written, read: collapseWhitespace(nodeText(read.heading))}, placeOf(other.heading), {file: read.file, place: placeOf(read.heading)})
    }
  }

  file({file, tree}: ParsedFile) {
    checkGlyphs(file, tree, this.glyphs)
    this.shapes.findHtmlTables(tree)
    const nodes = tree.children.filter((node) => node.type !== 'yaml')
    this.brokenTables(file, tree, new Set(isProgrammesFile(file) ? nodes : this.programmesSection(nodes)))
    unprinted(file, tree)
    setextParagraphs(file, tree)
    initTextLeft(file)
    if (isProgrammesFile(file)) {
      this.territory(file, nodes, 1, undefined)
      return
    }
    const outline = new Outline(nodes)
    let i = 0
    while (i < nodes.length) {
      const node = nodes[i]!
      if (this.isProgrammesHeading(node)) {
        const end = sectionEnd(nodes, i + 1, node.depth)
        this.territory(file, nodes.slice(i + 1, end), node.depth, node)
        i = end
      } else {
        let end = i + 1
        while (end < nodes.length && !this.isProgrammesHeading(nodes[end]!)) end++
        const run = nodes.slice(i, end)
        for (let at = i; at < end; at++) this.outside(file, nodes, at, outline)
        for (const child of run) if (child.type === 'heading') this.headings.push({file, place: child.position, depth: child.depth})
        for (const block of toBlocks(file, run, this.shapes, this.tables)) this.narrative.push(block)
        i = end
      }
    }
  }

  /** The nodes under the programmes heading read, if it is one of `nodes`. */
  private programmesSection(nodes: RootContent[]): RootContent[] {
    const at = this.programmesHeading ? nodes.indexOf(this.programmesHeading) : -1
    return at === -1 ? [] : nodes.slice(at + 1, sectionEnd(nodes, at + 1, this.programmesHeading!.depth))
  }

  /**
   * Paragraphs anywhere in the file that were written as tables but are not read as tables (a table pasted with
   * tabs is an error only under the programmes heading, in `programmes` (top-level nodes), with a title column),
   * lines read as rows of a table that were not written as rows (no `|`: GFM takes the lines right after a table
   * into it), and rows with fewer cells than the header, which GFM fills with empty ones (a row with more is
   * printed whole).
   */
  private brokenTables(file: VFile, tree: Root, programmes: ReadonlySet<RootContent>) {
    const text = String(file.value)
    const tabbed = (table: TabTable, under: boolean, paragraphs: readonly Paragraph[]) => {
      const place = span(file, table.span.offset, table.span.length) ?? {start: placeOf(paragraphs[0]!).start, end: placeOf(paragraphs.at(-1)!).end}
      const args = {header: table.header, lines: table.lines, paragraphs: table.paragraphs}
      if (under && table.programmes) {
        problem(file, 'table-broken', {kind: 'tabs', ...args}, place)
        for (const paragraph of paragraphs) this.unreadTables.add(paragraph)
      } else problem(file, 'table-tabs', args, place)
    }
    /** Paragraphs already reported as part of a table written with blank lines between its lines. */
    const inRun = new Set<Paragraph>()
    const stack: Array<[Nodes, boolean]> = tree.children.map((node) => [node, programmes.has(node)])
    // Runs of paragraphs among the file's top-level nodes; those of containers are found as each is taken.
    const runs = (siblings: readonly Nodes[], under: (node: Nodes) => boolean) => {
      for (let at = 0; at < siblings.length; ) {
        const {table, paragraphs} = this.shapes.tabParagraphs(text, siblings, at)
        if (table) {
          tabbed(table, under(paragraphs[0]!), paragraphs)
          for (const paragraph of paragraphs) inRun.add(paragraph)
        }
        at += Math.max(1, paragraphs.length)
      }
    }
    runs(tree.children, (node) => programmes.has(node as RootContent))
    while (stack.length > 0) {
      const [node, under] = stack.pop()!
      if (node.type === 'paragraph') {
        if (inRun.has(node)) continue
        const broken = this.shapes.brokenTable(text, node)
        const tabs = broken ? undefined : this.shapes.tabTable(text, node)
        if (broken) {
          const {second, ...args} = broken
          problem(file, 'table-broken', {kind: 'pipes', ...args}, span(file, second.offset, second.length) ?? placeOf(node))
          if (args.programmes) this.unreadTables.add(node)
        } else if (tabs) tabbed(tabs, under, [node])
      } else if (node.type === 'table') {
        const [head, ...rows] = node.children
        const header = head?.children.length ?? 0
        // A table read as programmes (at the top level under the programmes heading) reads a row split by a line
        // break as one: `programmes` holds top-level nodes only.
        const groups = programmes.has(node) && this.shapes.isProgrammeTable(node) ? this.shapes.tableRows(node, text) : rows.map((row) => ({rows: [row], joined: [], cells: row.children.length}))
        for (const {rows: [row, ...continued], joined, cells} of groups) {
          let before = row!.children.length
          continued.forEach((line, index) => {
            problem(file, 'table-row-split', {joined: joined[index]!, before, cells: line.children.length, header}, placeOf(line))
            before += line.children.length - (joined[index] ? 1 : 0)
          })
          if (!(writtenText(text, row!) ?? '|').includes('|')) problem(file, 'table-row-unpiped', {text: collapseWhitespace(nodeText(row!))}, placeOf(row!))
          else if (cells < header) problem(file, 'table-row-short', {cells, header}, placeOf(row!))
        }
      } else if ('children' in node && node.type !== 'heading') {
        runs(node.children, () => under)
        for (const child of node.children) stack.push([child, under])
      }
    }
  }

  /**
   * Paragraphs reported as a programme table that is not read (`table-broken`): under the programmes heading they
   * are printed in the annex's introduction with the others there, but the error says enough, so no
   * `annex-text-moved` names them again (nor an HTML programme table, `html-hides-programmes`).
   */
  private readonly unreadTables = new Set<Nodes>()

  private isProgrammesHeading(node: RootContent): node is Heading {
    return node === this.programmesHeading
  }

  /** A field list right after a heading, or a programme table, in the narrative: programmes art67 would not read. */
  private outside(file: VFile, nodes: readonly RootContent[], index: number, outline: Outline) {
    const node = nodes[index]!
    const labels = node.type === 'list' && nodes[index - 1]?.type === 'heading' ? this.shapes.fieldListLabels(node, String(file.value), {alone: true}) : undefined
    const found: Array<[MisplacedShape, {position?: Position | undefined}]> = labels ? [[{kind: 'list', labels: labels.slice(0, 3)}, node]] : []
    if (node.type === 'table' && this.shapes.isProgrammeTable(node)) found.push([{kind: 'table'}, node])
    const html = node.type === 'html' ? this.shapes.htmlTable(node) : undefined
    if (html?.blocks[0] === node) found.push([{kind: 'html', title: html.title}, {position: html.place}])
    for (const {list, labels: nested} of this.shapes.nestedFieldLists(node, String(file.value))) found.push([{kind: 'list', labels: nested.slice(0, 3)}, list])
    for (const table of this.shapes.nestedTables(node)) found.push([{kind: 'table'}, table])
    for (const table of this.shapes.nestedHtmlTables(node)) found.push([{kind: 'html', title: table.title}, {position: table.place}])
    if (found.length === 0) return
    // A heading above it may be a second programmes heading, read as narrative, or a misspelt one.
    const second = [...outline.headings(index)].find((heading) => this.secondHeadings.has(heading))
    if (second) {
      for (const [shape, at] of found) problem(file, 'programme-misplaced', {found: shape, as: 'second'}, placeOf(at), {file, place: placeOf(second)})
      return
    }
    let near: {heading: Heading; suggestion: string} | undefined
    for (const heading of outline.headings(index)) {
      const suggestion = this.shapes.labels.nearProgrammesHeading(nodeText(heading))
      if (suggestion) {
        near = {heading, suggestion}
        break
      }
    }
    const heading = near && {written: collapseWhitespace(nodeText(near.heading)), suggestion: near.suggestion}
    for (const [shape, at] of found) {
      problem(file, 'programme-misplaced', {found: shape, as: 'outside', heading}, placeOf(at), near && {file, place: placeOf(near.heading)})
    }
  }

  /**
   * Content under a programmes heading of `depth` (none for a file under `programmes/`): each heading one level
   * deeper is a programme, and a programme table anywhere lists programmes.
   */
  private territory(file: VFile, nodes: RootContent[], depth: number, heading: Heading | undefined) {
    const isProgramme = (node: RootContent): node is Heading => node.type === 'heading' && node.depth === depth + 1
    let i = 0
    while (i < nodes.length) {
      const node = nodes[i]!
      if (isProgramme(node)) {
        const end = sectionEnd(nodes, i + 1, node.depth)
        const content = nodes.slice(i + 1, end)
        const tables = content.filter((other): other is Table => other.type === 'table' && this.shapes.isProgrammeTable(other))
        if (tables.length > 0 && content.every((other) => tables.includes(other as Table) || other.type === 'thematicBreak')) {
          // A heading over programme tables and nothing else (but rules) names a group of programmes, not a programme:
          // the annex lists every programme together, so it is printed in the annex's introduction, with a warning.
          problem(file, 'annex-text-moved', {as: 'table', written: collapseWhitespace(nodeText(node))}, placeOf(node))
          for (const block of toBlocks(file, [node], this.shapes, this.tables, [], {programmes: true})) this.annexIntro.push(block)
          for (const table of tables) this.programmes.table(file, table)
        } else {
          // A heading over nothing but tables (and rules) none of which has a title column: a group heading over a
          // programme table whose title column is misnamed, if a column is numbered or titled like a title.
          if (content.some((other) => other.type === 'table') && content.every((other) => other.type === 'table' || other.type === 'thematicBreak')) {
            for (const table of content) if (table.type === 'table') this.programmes.checkProgrammeTable(file, table, {underHeading: true})
          }
          this.programmes.section(file, node, content)
        }
        i = end
        continue
      }
      let end = i + 1
      while (end < nodes.length && !isProgramme(nodes[end]!)) end++
      const run = nodes.slice(i, end)
      this.programmes.misplaced(file, run, depth + 1, {afterHeadingOnly: false, before: i === 0 ? heading : undefined})
      // Printed text after programmes already read goes to the annex's introduction, before them: said once a run.
      let moved: RootContent[] = []
      const flush = () => {
        const after = this.programmes.programmes.at(-1)
        if (moved.length > 0 && after) {
          problem(file, 'annex-text-moved', {as: 'after'}, {start: placeOf(moved[0]!).start, end: placeOf(moved.at(-1)!).end}, {file: after.file, place: after.place})
        } else {
          // A heading above the level of programmes (`#` in a `programmes/` file) over programmes after it.
          for (const node of moved) {
            if (node.type === 'heading' && node.depth <= depth && nodes.slice(end).some(isProgramme)) {
              problem(file, 'annex-text-moved', {as: 'group', written: collapseWhitespace(nodeText(node))}, placeOf(node))
            }
          }
        }
        moved = []
      }
      for (const other of run) {
        // A programmes heading atop a `programmes/` file names what the file holds: not printed, as the report's.
        if (!heading && other.type === 'heading' && other.depth <= depth && this.shapes.labels.isProgrammesHeading(nodeText(other))) continue
        if (other.type === 'table' && this.programmes.checkProgrammeTable(file, other)) {
          flush()
          this.programmes.table(file, other)
          continue
        }
        const blocks = toBlocks(file, [other], this.shapes, this.tables, [], {programmes: true})
        if (this.unreadTables.has(other) || (other.type === 'html' && this.shapes.htmlTable(other))) flush()
        else if (blocks.length > 0) moved.push(other)
        for (const block of blocks) this.annexIntro.push(block)
      }
      flush()
      i = end
    }
  }
}

/** A first line `+++` with a `key = value` line under it: TOML front matter. */
const tomlFrontMatter = /^\+\+\+[ \t]*\r?\n[ \t]*[\w-]+[ \t]*=/

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
  if (first) return first
  // With no front matter anywhere, a first line `---` (parsed as a rule: chunk.ts) with `key:` under it is front
  // matter never closed; with front matter elsewhere, it is a rule.
  const unclosed = files.filter(({file, tree}) => tree.children[0]?.type === 'thematicBreak' && opensFrontMatter.test(String(file.value)) && keyLine.test(String(file.value)))
  for (const {file, tree} of unclosed) problem(file, 'frontmatter-unclosed', {}, tree.children[0]!.position)
  if (unclosed.length > 0 || !files[0] || !allRead) return undefined
  // TOML front matter (`+++`, as Hugo writes it) is named where it is, on the first file holding it.
  const toml = files.find(({file}) => tomlFrontMatter.test(String(file.value)))
  if (toml) problem(toml.file, 'frontmatter-missing', {toml: true}, toml.tree.children[0]?.position ?? {line: 1, column: 1})
  else problem(files[0].file, 'frontmatter-missing', {}, {line: 1, column: 1})
  return undefined
}

/** A second line such as `member: Canada`. */
const keyLine = /^.*\n[ \t]*[A-Za-z_][\w-]*[ \t]*:(?:[ \t\n]|$)/

/**
 * Read every file's structure with the labels of every template language; `glyphs` are the PDF font's.
 * `allRead`: no Markdown file of the sources was left unread for an error (a second path to a file read is no such file).
 */
export function extract(files: readonly ParsedFile[], labels: readonly Labels[], glyphs: Glyphs, {allRead = true} = {}): Extracted {
  const extractor = new Extractor(new LabelIndex(labels), glyphs)
  const frontMatter = findFrontMatter(files, allRead)
  extractor.chooseProgrammesHeading(files)
  for (const file of files) extractor.file(file)
  const {narrative, annexIntro, tables, headings} = extractor
  return {frontMatter, narrative, annexIntro, programmes: extractor.programmes.programmes, tables, headings}
}
