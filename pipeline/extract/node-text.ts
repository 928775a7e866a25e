// The text of an mdast node, for labels, titles, headings and field values.
import type {Nodes} from 'mdast'
import {bareAddress} from '../text.js'

/** Blocks whose texts are separated by a space, as are the lines of a hard break, so no two words run together. */
const separated = new Set<Nodes['type']>(['paragraph', 'heading', 'list', 'listItem', 'blockquote', 'code', 'table', 'tableRow', 'tableCell'])

/**
 * The text of a node: its values and image descriptions, blocks and hard breaks separated by a space, without
 * recursion, so any depth of nesting is safe. With `addresses`, a link keeps its address after its text, in
 * brackets, unless the text is the address (a field value's link is printed as text, and its address is part of it);
 * a reference link (`[text][label]`) keeps the address of its definition in `definitions`. A link with no text is
 * its address, with or without `addresses`.
 */
export function nodeText(node: Nodes, {addresses = false, definitions}: {addresses?: boolean; definitions?: ReadonlyMap<string, string> | undefined} = {}): string {
  const parts: string[] = []
  const stack: Array<Nodes | string> = [node]
  while (stack.length > 0) {
    const current = stack.pop()!
    if (typeof current === 'string') parts.push(current)
    else if ('value' in current) parts.push(current.value)
    else if ('alt' in current) parts.push(current.alt ?? '')
    else if (current.type === 'break') parts.push(' ')
    // A footnote's mark, as the text prints it: the note is printed where it is written.
    else if (current.type === 'footnoteReference') parts.push(`[${current.label ?? current.identifier}]`)
    else if ('children' in current) {
      const url = current.type === 'link' ? current.url : current.type === 'linkReference' ? definitions?.get(current.identifier) : undefined
      const address = url?.replace(/^mailto:/i, '')
      // A link with no text (`[](https://…)`) is its address, which would otherwise be printed nowhere.
      if (address && current.children.length === 0) parts.push(address)
      // An autolink (`<https://…>`, `www.…`, `mailto:…`) shows its address already.
      else if (addresses && address && bareAddress(address) !== bareAddress(nodeText(current))) stack.push(` (${address})`)
      for (let i = current.children.length - 1; i >= 0; i--) {
        const child = current.children[i]!
        stack.push(child)
        if (i > 0 && separated.has(child.type) && separated.has(current.children[i - 1]!.type)) stack.push(' ')
      }
    }
  }
  return parts.join('')
}

/** A node's source as written (escapes and marks kept): `text` sliced at its place, undefined without offsets. */
export function writtenText(text: string, node: {position?: {start: {offset?: number}; end: {offset?: number}} | undefined}): string | undefined {
  const {start, end} = node.position ?? {}
  return start?.offset !== undefined && end?.offset !== undefined ? text.slice(start.offset, end.offset) : undefined
}
