// The beneficiary registry, validated once when first imported.
import {groups as groupRows} from './groups.js'
import {members} from './members.js'
import {memberNames, nameSource, observerNames, organisationNames, type NameRow} from './names.js'
import {observers} from './observers.js'
import {organisations} from './organisations.js'
import {reporters} from './reporters.js'
import {Entry, Group, ofForms, type EntryInput, type RegistryLanguage} from './schema.js'

const rowsByKind = {member: memberNames, observer: observerNames, organisation: organisationNames}

/** A French or Spanish name as names.ts writes it, read into the entry's shape: the form of "of" is its first words. */
function localName(input: EntryInput, language: 'fr' | 'es') {
  const row: NameRow | undefined = rowsByKind[input.kind][input.name]
  if (!row) throw new Error(`Beneficiary registry: no ${language} name for “${input.name}” in names.ts`)
  const written = row[language]
  const [list, phrase] = typeof written === 'string' ? [undefined, written] : written
  // Longest first: "de la Suisse" is not "de" + "la Suisse".
  const forms = [...ofForms[language]].sort((a, b) => b.length - a.length)
  const of = forms.find((form) => phrase.startsWith(form.endsWith("'") ? form : `${form} `))
  if (!of) throw new Error(`Beneficiary registry: “${phrase}” does not start with one of ${forms.join(', ')}`)
  const inSentence = phrase.slice(of.length).trimStart()
  const name = list ?? inSentence
  return {
    name,
    ...(inSentence === name ? {} : {inSentence}),
    of,
    aliases: row.aliases?.[language] ?? [],
    sources: [nameSource(input.name, language, input.kind)]
  }
}

export const entries: readonly Entry[] = Entry.array().parse(
  [...members, ...observers, ...organisations, ...reporters].map((input) => ({...input, fr: localName(input, 'fr'), es: localName(input, 'es')}))
)
export const groups: readonly Group[] = Group.array().parse(groupRows)

const byName = new Map(entries.map((entry) => [entry.name, entry]))
const groupsByName = new Map(groups.map((group) => [group.name, group]))

/** The group with exactly this registry name. */
export function groupNamed(name: string): Group | undefined {
  return groupsByName.get(name)
}

/** The entry with exactly this registry name. */
export function entryNamed(name: string): Entry | undefined {
  return byName.get(name)
}

/** The entry's name in `language` as lists print it: its WTO name there (English for a language the registry lacks). */
export function nameIn(entry: Entry, language: string): string {
  return isRegistryLanguage(language) && language !== 'en' ? entry[language].name : entry.name
}

export function isRegistryLanguage(language: string): language is RegistryLanguage {
  return language === 'en' || language === 'fr' || language === 'es'
}

/** Every name and alias of the entry, in every language, each with its language. */
export function writtenNames(entry: Entry): Array<{written: string; language: RegistryLanguage}> {
  return [
    ...[entry.name, ...entry.aliases].map((written) => ({written, language: 'en' as const})),
    ...(['fr', 'es'] as const).flatMap((language) =>
      [entry[language].name, ...(entry[language].inSentence ? [entry[language].inSentence!] : []), ...entry[language].aliases].map((written) => ({written, language}))
    )
  ]
}
