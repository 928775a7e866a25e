// The columns a terminal gives text of single-column characters, counted without string-width. vfile-reporter
// measures every cell of its table with string-width, whose first call costs 15-35 ms (an Intl.Segmenter loading
// ICU's break rules, and the emoji regular expression compiled); the start-up snapshots' bundle
// (scripts/snapshot.mjs) has vfile-reporter measure through `narrowWidth` first. test/format/width.test.ts checks
// that it gives string-width's width wherever it gives one.

/**
 * Characters each one column wide on their own (string-width counts them 1) and never joined to a neighbour in one
 * grapheme: printable ASCII, Latin-1 but for © and ® (emoji, two columns), Latin Extended-A, and the dashes, quotes,
 * bullets and ellipsis of General Punctuation (U+2010–U+2027).
 */
const narrow = /^[\x20-\x7e\xa0-\xa8\xaa-\xad\xaf-\u017f\u2010-\u2027]*$/
/** The colour sequences (SGR) the text format prints, which string-width does not count. */
const colour = /\x1b\[[\d;]*m/g

/** The width string-width gives `text` (with its default options), when `text` is of narrow characters only. */
export function narrowWidth(text: string): number | undefined {
  const shown = text.includes('\x1b') ? text.replace(colour, '') : text
  return narrow.test(shown) ? shown.length : undefined
}
