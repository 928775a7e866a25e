// micromark's `EditMap.consume` (micromark-util-edit-map 1.0.0) rebuilds the whole list of events for every batch of
// edits, however near their end the edits are. micromark's document tokenizer applies a batch each time a container
// (list item, block quote) closes while its content goes on, at the end of the events: so a document with many
// list items that hold sub-items or several blocks took time growing with the square of its size (measured: 28 s
// for a 330 KB list, 4 s once consumed as below). This `consume` keeps the events before the first edit in place
// and rebuilds only the rest, with the same result for any batch of edits.
import {EditMap} from 'micromark-util-edit-map'
import type {Event} from 'micromark-util-types'

/** The edits of `map` applied to `events`, in place, as the original `consume` applies them. */
function consume(this: EditMap, events: Event[]): undefined {
  if (this.map.length === 0) return
  // Stable, as the original's: edits at one index were merged by `add`, so the order of ties does not matter.
  this.map.sort((a, b) => a[0] - b[0])
  const first = this.map[0]![0]
  const rest = events.slice(first)
  events.length = first
  // The original copies, between two edits, the events from the end of the first's removal to the second's index
  // (none when they overlap), and after the last edit everything from the end of its removal.
  let from = first
  for (const [at, remove, add] of this.map) {
    for (let index = from; index < at; index++) events.push(rest[index - first]!)
    for (const event of add) events.push(event)
    from = at + remove
  }
  for (let index = from - first; index < rest.length; index++) events.push(rest[index]!)
  this.map.length = 0
  this.index.clear()
}

/** Make every `EditMap` (the one class micromark's tokenizers share) apply its edits in time near their span. */
export function useLinearEditMap(): void {
  EditMap.prototype.consume = consume
}
