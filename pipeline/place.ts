// Exact places of text found by offset in a source file.
import type {Position} from 'unist'
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
