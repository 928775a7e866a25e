// micromark keeps the labels of link definitions (`parser.defined`) and of footnote definitions (remark-gfm's
// `parser.gfmFootnotes`) in arrays, and looks each reference up with `includes`: time grows with references times
// definitions (measured: 2.3 s of a 400 KB file of 10,000 footnotes went to those lookups). This micromark
// extension swaps both arrays, in each parse, for arrays that also keep a set of their labels.
import type {Construct, Extension, ParseContext, State} from 'micromark-util-types'
import type {Processor} from 'unified'

/** An array of labels whose `includes` is a lookup in a set; micromark only pushes to it and calls `includes`. */
class Labels extends Array<string> {
  private readonly set = new Set<string>()

  override push(...labels: string[]): number {
    for (const label of labels) {
      this.set.add(label)
      super.push(label)
    }
    return this.length
  }

  override includes(label: string): boolean {
    return this.set.has(label)
  }
}

/** The parse's label arrays as `Labels`, with what they already hold; once per parse. */
function useLabels(parser: ParseContext & {gfmFootnotes?: string[]}): void {
  if (parser.defined instanceof Labels) return
  parser.defined = labels(parser.defined)
  parser.gfmFootnotes = labels(parser.gfmFootnotes ?? [])
}

function labels(held: readonly string[]): Labels {
  const made = new Labels()
  for (const label of held) made.push(label)
  return made
}

/**
 * Tried before every construct that starts with `[` at the start of content (link definitions) or of a container
 * (footnote definitions), where every label is defined: it swaps the arrays on its first try, and never matches.
 */
const swap: Construct = {
  name: 'art67DefinedLabels',
  tokenize(_effects, _ok, nok): State {
    useLabels(this.parser)
    return nok
  }
}

const extension: Extension = {contentInitial: {91: swap}, document: {91: swap}}

/** The unified plugin; use it after remark-gfm, so that its construct is tried before remark-gfm's. */
export function definedLabels(this: Processor): void {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(extension)
}
