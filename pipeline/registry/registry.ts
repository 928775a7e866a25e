// The beneficiary registry, validated once when first imported.
import {groups as groupRows} from './groups.js'
import {members} from './members.js'
import {observers} from './observers.js'
import {organisations} from './organisations.js'
import {Entry, Group} from './schema.js'

export const entries: readonly Entry[] = Entry.array().parse([...members, ...observers, ...organisations])
export const groups: readonly Group[] = Group.array().parse(groupRows)

const byName = new Map(entries.map((entry) => [entry.name, entry]))

/** The entry with exactly this registry name. */
export function entryNamed(name: string): Entry | undefined {
  return byName.get(name)
}
