// The text of an mdast node, for labels, titles and headings.
import type {Nodes} from 'mdast'

/**
 * The text of a node as mdast-util-to-string gives it (values and image descriptions, run together), without
 * recursion, so any depth of nesting is safe.
 */
export function nodeText(node: Nodes): string {
  const parts: string[] = []
  const stack: Nodes[] = [node]
  while (stack.length > 0) {
    const current = stack.pop()!
    if ('value' in current) parts.push(current.value)
    else if ('alt' in current) parts.push(current.alt ?? '')
    else if ('children' in current) for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]!)
  }
  return parts.join('')
}
