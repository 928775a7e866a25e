// Exact places of text found by offset in a source file, and places in the text as read turned back into places in
// the file as saved.
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'

const locations = new WeakMap<VFile, ReturnType<typeof location>>()

/** The place of `length` characters at `offset` of a file. */
export function span(file: VFile, offset: number, length: number): Position | undefined {
  let place = locations.get(file)
  if (!place) locations.set(file, (place = location(file)))
  const start = place.toPoint(offset)
  const end = place.toPoint(offset + length)
  return start && end ? {start, end} : undefined
}

/**
 * How a file's text as read (line ends made LF, NFC, invisible characters removed: `read/text.ts`) lines up with the
 * file as saved. Lines are the same; columns differ only on the lines listed in `columns`.
 */
export interface SavedText {
  /** Offset in the saved text of the start of each line, line 1 first. */
  lineStarts: readonly number[]
  /** For each changed line: [column as read, column as saved] from where the difference changes, in order. */
  columns: ReadonlyMap<number, ReadonlyArray<readonly [number, number]>>
}

const savedTexts = new WeakMap<VFile, SavedText>()

/** Record how `file`'s text as read lines up with the file as saved: problems made from then on are placed in the latter. */
export function setSavedText(file: VFile, saved: SavedText): void {
  savedTexts.set(file, saved)
}

function savedPoint(saved: SavedText, point: Point): Point {
  const anchors = saved.columns.get(point.line) ?? []
  // The last anchor at or before the column; anchors are few, and sorted.
  let shift = 0
  for (const [read, asSaved] of anchors) {
    if (read > point.column) break
    shift = asSaved - read
  }
  const column = point.column + shift
  const lineStart = saved.lineStarts[point.line - 1]
  return lineStart === undefined ? {line: point.line, column} : {line: point.line, column, offset: lineStart + column - 1}
}

/** `place`, given in the text as read, in the file as saved: what a person sees in an editor. */
export function savedPlace<Place extends Point | Position | undefined>(file: VFile, place: Place): Place {
  const saved = savedTexts.get(file)
  if (!saved || !place) return place
  if ('start' in place) return {start: savedPoint(saved, place.start), end: savedPoint(saved, place.end)} as Place
  return savedPoint(saved, place) as Place
}
