// Markup where the outputs read plain text: strikethrough in a programme's title, fields and table cells, and links
// in those that keep only their text (names and dates).
import type {Nodes} from 'mdast'
import type {VFile} from 'vfile'
import {problem} from '../rules/index.js'
import {bareAddress, collapseWhitespace} from '../text.js'
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

/**
 * Report each link within `node`, a title or a value read without its links' addresses, whose address is not its
 * text (an autolink shows its address already): the address would be printed nowhere. `label`: the field's label or
 * column title as written, none for a programme heading.
 */
export function addressesDropped(file: VFile, node: Nodes, label?: string): void {
  const stack: Nodes[] = [node]
  while (stack.length > 0) {
    const current = stack.pop()!
    const url = current.type === 'link' ? current.url : current.type === 'linkReference' ? file.data.definitions?.get(current.identifier) : undefined
    if (url !== undefined) {
      const text = collapseWhitespace(nodeText(current))
      if (bareAddress(url) && bareAddress(url) !== bareAddress(text)) problem(file, 'link-address-dropped', {text, url: url.replace(/^mailto:/i, ''), label}, current.position)
    } else if ('children' in current) stack.push(...current.children)
  }
}
