// Stage 2, parse: Markdown text to mdast, with YAML front matter and GitHub tables.
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {VFile} from 'vfile'

export interface ParsedFile {
  file: VFile
  tree: Root
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze()

export function parseFile(file: VFile): ParsedFile {
  return {file, tree: processor.parse(file)}
}
