// Every problem is made here, from the catalogue: a vfile message with its place, rule id, severity, hint and url.
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {savedPlace} from '../place.js'
import {catalogue, ruleUrl, type Rule, type RuleArgs, type RuleId} from './catalogue.js'

export {catalogue, ruleIds, type RuleArgs, type RuleId, type Severity} from './catalogue.js'

export type Place = Point | Position | undefined

/** A second place a problem points at, such as the first of two duplicates. */
export interface Related {
  file: VFile
  place: Place
}

/**
 * Attach the problem `id` to `file` at `place`. Errors are fatal messages, warnings are not. A related place becomes
 * the message's `cause`: a message of its own, placed in its own file, worded by the catalogue. Places are given in
 * the text as read and reported in the file as saved (`place.ts`).
 */
export function problem<Id extends RuleId>(file: VFile, id: Id, args: RuleArgs<Id>, place: Place, related?: Related): VFileMessage {
  // Each id's arguments are its message's: the catalogue's types guarantee it for every caller.
  const rule = catalogue[id] as unknown as Rule<RuleArgs<Id>>
  const reason = rule.message(args)
  const cause = related && relatedMessage(related, rule.related ?? 'related place')
  const message = file.message(reason, {place: savedPlace(file, place), ruleId: id, source: 'art67', cause})
  message.fatal = rule.severity === 'error'
  message.note = rule.hint
  message.url = ruleUrl(id)
  return message
}

function relatedMessage({file, place}: Related, reason: string): VFileMessage {
  const message = new VFileMessage(reason, {place: savedPlace(file, place), source: 'art67'})
  message.file = file.path
  return message
}
