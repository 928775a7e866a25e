// Heights pdfmake will give lines, known before layout from the font's table and the styles, and the two layout
// devices built on them: vertical space, and keeping a heading with what follows it without re-laying out anything.
import type {Content} from 'pdfmake/interfaces.js'
import {fontTables} from '../../fonts/index.js'
import {pageSizes} from '../../page.js'
import type {Styles} from '../../templates.js'

/** Headings longer than this are not kept with the next block: an unbreakable block taller than a page loses text. */
const keepableCharacters = 1000

export class Layout {
  constructor(private readonly styles: Styles) {}

  /** A style property as pdfmake resolves it for our flat styles: the last named style that sets it, else `fallback`. */
  private property(styleNames: readonly string[], key: 'fontSize' | 'lineHeight', fallback: number): number {
    for (const name of [...styleNames].reverse()) {
      const value = this.styles.styles[name]?.[key]
      if (typeof value === 'number') return value
    }
    return fallback
  }

  /** The height of one line of text in `styleNames`, inside a container whose font size is `fontSize`. */
  lineHeight(styleNames: readonly string[], fontSize = this.bodyFontSize): number {
    const {defaultStyle} = this.styles
    const lineHeight = this.property(styleNames, 'lineHeight', typeof defaultStyle.lineHeight === 'number' ? defaultStyle.lineHeight : 1)
    return fontTables[this.styles.font]!.lineHeight * this.property(styleNames, 'fontSize', fontSize) * lineHeight
  }

  get bodyFontSize(): number {
    return this.styles.defaultStyle.fontSize ?? 12
  }

  /** Empty vertical space; a negative height moves back up (pdfmake applies a top margin with no check). */
  space(height: number): Content {
    return {stack: [], margin: [0, height, 0, 0]}
  }

  /**
   * `headings` kept on the page of the first `height` points of what follows them: the headings and that much space
   * form one unbreakable block, and the next block moves back up into the space. Nothing is laid out twice (unlike
   * pdfmake's `pageBreakBefore`). Headings too long to be sure of fitting on a page are left as they are, and at most
   * a quarter of the page is kept (the templates leave at least half of it for text), so that the block fits a page.
   */
  keepWithNext(headings: Content[], characters: number, wanted: number): Content[] {
    const height = Math.min(wanted, pageSizes[this.styles.pageSize][1] / 4)
    if (characters > keepableCharacters || height <= 0) return headings
    return [{stack: [...headings, this.space(height)], unbreakable: true}, this.space(-height)]
  }

  /** The height kept under a heading followed by text in `styleNames`: `keepWithNext` lines of it. */
  keptText(styleNames: readonly string[]): number {
    return this.styles.keepWithNext * this.lineHeight(styleNames)
  }
}
