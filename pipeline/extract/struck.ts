// Strikethrough where the outputs read plain text: a programme's title, fields and table cells.
import type {Nodes} from 'mdast'
import type {VFile} from 'vfile'
import {problem} from '../rules/index.js'
import {collapseWhitespace} from '../text.js'
import {nodeText} from './node-text.js'

/** Report each struck-out run (`~~…~~`) within `node`, whose text is read as plain text. */
export function struckAsText(file: VFile, node: Nodes, where: 'title' | 'field' | 'cell'): void {
  const stack: Nodes[] = [node]
  while (stack.length > 0) {
    const current = stack.pop()!
    if (current.type === 'delete') problem(file, 'strike-as-text', {text: collapseWhitespace(nodeText(current)), where}, current.position)
    else if ('children' in current) stack.push(...current.children)
  }
}
