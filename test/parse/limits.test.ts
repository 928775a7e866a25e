// Shapes the parser would handle in more than linear time are refused at their place before parsing; what is under
// the limits is parsed as before, and checking grows linearly with the size of every pathological shape.
import type {Nodes, Paragraph} from 'mdast'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {parseFile} from '../../pipeline/parse/index.js'
import {limits} from '../../pipeline/parse/limits.js'

const parsed = (value: string) => parseFile(new VFile({path: 'r.md', value}))
const problems = (value: string) => parsed(value).file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)

function paragraphs(tree: Nodes): Paragraph[] {
  const found: Paragraph[] = []
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'paragraph') found.push(node)
    if ('children' in node) for (const child of node.children) stack.push(child)
  }
  return found
}

describe('refused at their place', () => {
  it('a line nested deeper than the limit, however it nests', () => {
    const deep = limits.nesting + 1
    expect(problems(`a\n\n${'>'.repeat(deep)} q\n`)).toEqual(['3:1 nesting-limit'])
    expect(problems(`a\n\n${'- '.repeat(deep)}item\n`)).toEqual(['3:1 nesting-limit'])
    expect(problems(`a\n\n${' '.repeat(2 * deep)}- item\n`)).toEqual(['3:1 nesting-limit'])
    expect(problems(`${'>'.repeat(limits.nesting)} q\n`)).toEqual([])
  })

  it('emphasis marks and brackets over the limits in one paragraph', () => {
    expect(problems(`a\n\n${'*a'.repeat(limits.emphasisMarks)}*\n`)).toEqual([`3:${2 * limits.emphasisMarks + 1} markup-limit`])
    expect(problems(`${'*'.repeat(limits.emphasisMarks / 2)}word${'*'.repeat(limits.emphasisMarks / 2 + 1)}\n`)).toEqual([`1:${limits.emphasisMarks + 5} markup-limit`])
    expect(problems(`${'['.repeat(limits.brackets + 1)}a\n`)).toEqual([`1:${limits.brackets + 1} markup-limit`])
    expect(problems(`${']'.repeat(limits.brackets + 1)}\n`)).toEqual([`1:${limits.brackets + 1} markup-limit`])
    // Counted line after line of the same paragraph.
    expect(problems(`${'*a*\n'.repeat(limits.emphasisMarks / 2)}*a*\n`)).toEqual([`${limits.emphasisMarks / 2 + 1}:1 markup-limit`])
  })

  it('a paragraph or code block longer than the limit', () => {
    const line = 'A sentence of the report, written on its own line. '
    const lines = Math.ceil(limits.blockLength / line.length) + 1
    expect(problems(`${line}\n`.repeat(lines))).toEqual([`${Math.floor(limits.blockLength / (line.length + 1)) + 1}:1 block-too-long`])
    expect(problems(`\`\`\`\n${`${line}\n`.repeat(lines)}\`\`\`\n`)).toEqual([`${Math.floor(limits.blockLength / (line.length + 1)) + 2}:1 block-too-long`])
    expect(problems('a'.repeat(limits.blockLength + 1))).toEqual(['1:1 block-too-long'])
  })
})

describe('what the limits leave alone', () => {
  it('marks in code, in separate table rows, list items and paragraphs', () => {
    const many = limits.emphasisMarks
    expect(problems(`\`\`\`\n${'*a'.repeat(many)}\n\`\`\`\n`)).toEqual([])
    expect(problems(`| a |\n| - |\n${'| **b** |\n'.repeat(many)}`)).toEqual([])
    expect(problems('- **b** [c]\n'.repeat(many))).toEqual([])
    expect(problems('**b** [c]\n\n'.repeat(many))).toEqual([])
    expect(problems(`${'\\*'.repeat(many + 1)}\n`)).toEqual([])
    expect(problems(`${'[a] '.repeat(many)}\n`)).toEqual([])
  })

  it('rows of a table past the limit, up to what ends the table: a blank line, a heading, a list item', () => {
    const table = `|Office|\n|---|\n${'|x|\n'.repeat(limits.tableRows + 2)}`
    for (const after of ['\nText after.\n', '# Heading after\n', '- An item after\n']) {
      const {tree, file} = parsed(table + after)
      expect(file.messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual([`${limits.tableRows + 3} table-too-long`])
      const last = tree.children.at(-1)!
      expect(last.type).toBe(after.startsWith('#') ? 'heading' : after.startsWith('-') ? 'list' : 'paragraph')
      expect(last.position!.start.line).toBe(limits.tableRows + 5 + (after.startsWith('\n') ? 1 : 0))
    }
  })

  it('text around a refused paragraph keeps its places, and the refused text makes no nodes', () => {
    const refused = `${'*a'.repeat(limits.emphasisMarks)}*\n`
    const text = `# Outline\n\nBefore.\n\n${refused}more of it\n\nAfter it.\n`
    const {tree} = parsed(text)
    const found = paragraphs(tree).map((p) => [p.position!.start.offset, p.position!.start.line, p.position!.start.column])
    expect(found.sort((a, b) => a[0]! - b[0]!)).toEqual([
      [text.indexOf('Before'), 3, 1],
      [text.indexOf('After'), 8, 1]
    ])
    expect(tree.position!.end.offset).toBe(text.length)
  })
})

// Linear time: for each shape, checking text of size 4n takes no more than about 5 times as long as size n (a
// quadratic shape takes 16 times). Measured as CPU time, the fastest of three runs, with 250 ms of slack for the
// noise of a shared machine; a shape that misses the bound is measured again, twice at most: a quadratic shape
// misses it every time, while a linear one that grows about 4.5 times can miss it once when the machine is busy
// (test/parse/micromark.test.ts counts the work of the two fixed spots without a clock).
const shapes: Record<string, (n: number) => string> = {
  brackets: (n) => `${'['.repeat(n / 2)}a${']'.repeat(n / 2)}\n`,
  'brackets closing none': (n) => `${']'.repeat(n)}\n`,
  emphasis: (n) => `${'*a'.repeat(n / 2)}\n`,
  'strong emphasis': (n) => `${'**a'.repeat(n / 3)}\n`,
  'stars around a word': (n) => `${'*'.repeat(n / 2)}word${'*'.repeat(n / 2)}\n`,
  'quotes in one line': (n) => `${'>'.repeat(n)} q\n`,
  // Each line refused on its own (a blank line between): the text to parse is built once, not copied a line.
  'refused lines between blank lines': (n) => `${'>'.repeat(101)} q\n\n`.repeat(n / 105),
  'quotes nested line by line': (n) => Array.from({length: Math.floor(Math.sqrt(2 * n))}, (_, i) => `${'>'.repeat(i + 1)} q\n`).join(''),
  'list nested in one line': (n) => `${'- '.repeat(n / 2)}item\n`,
  'list nested line by line': (n) => Array.from({length: Math.floor(Math.sqrt(n))}, (_, i) => `${'  '.repeat(i)}- item\n`).join(''),
  'lists under headings': (n) => Array.from({length: n / 120}, (_, i) => `## Part ${i}\n\n- a\n  - b\n    - c\n      - d\n        - e\n`).join('\n'),
  definitions: (n) => Array.from({length: n / 50}, (_, i) => `[d${i}]: https://example.org/${i}\n\nSee [d${i}].\n`).join('\n'),
  // Items that close while their list goes on (see pipeline/parse/edit-map.ts), in a file with no heading to cut at.
  'a list of field lists': (n) => Array.from({length: n / 80}, (_, i) => `- Title ${i}\n  - Start date: 1 May 2020\n  - End date: 2 May 2020\n`).join(''),
  'a block quote of lists': (n) => Array.from({length: n / 40}, (_, i) => `> - item ${i} of the quote\n>   - sub ${i}\n`).join(''),
  // Labels looked up among all those defined (see pipeline/parse/defined-labels.ts).
  footnotes: (n) => Array.from({length: n / 40}, (_, i) => `Text[^f${i}].\n\n[^f${i}]: Note ${i} here.\n\n`).join(''),
  'one long line': (n) => `${'word '.repeat(n / 5)}\n`,
  'one long word': (n) => `${'a'.repeat(n)}\n`
}

function cpuMilliseconds(text: string): number {
  const start = process.cpuUsage()
  parseFile(new VFile({path: 'r.md', value: text}))
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

/** The fastest of three runs of each text, taken in turn, so that a busy moment weighs on neither alone. */
function fastest(small: string, large: string): [number, number] {
  let best: [number, number] = [Infinity, Infinity]
  for (let run = 0; run < 3; run++) best = [Math.min(best[0], cpuMilliseconds(small)), Math.min(best[1], cpuMilliseconds(large))]
  return best
}

/** Sizes n of the shapes whose parse is slow per character, to keep the suite fast. */
const smaller: Record<string, number> = {'lists under headings': 10_000, definitions: 10_000}

describe('checking time grows linearly with the size of each pathological shape', () => {
  it.each(Object.keys(shapes))('%s', {retry: 2}, (shape) => {
    const n = smaller[shape] ?? 40_000
    const small = shapes[shape]!(n)
    const large = shapes[shape]!(4 * n)
    expect(large.length / small.length).toBeGreaterThan(3)
    const [smallTime, largeTime] = fastest(small, large)
    expect(largeTime).toBeLessThan(5 * smallTime + 250)
  })
})
