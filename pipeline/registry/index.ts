// Beneficiaries as written in a report, resolved against the registry: canonical names, and what each name is.
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {compareEnglish} from '../collate.js'
import type {Beneficiary, Period} from '../model.js'
import {problem} from '../rules/index.js'
import {entryNamed, groupNamed, isRegistryLanguage, nameIn} from './registry.js'
import {isLdc, resolveBeneficiary, resolveMember} from './resolve.js'
import type {Entry, Group} from './schema.js'

export {resolveBeneficiary, resolveMember} from './resolve.js'

type Known = {kind: 'entry'; entry: Entry} | {kind: 'group'; group: Group} | {kind: 'free'}

export interface SentenceName {
  /** The name as a sentence writes it: English with its article ("the Republic of Korea"), French and Spanish without. */
  member: string
  /** "Of" and the name: "of the United States of America", "des États-Unis d'Amérique", "del Japón". */
  of: string
  /** False for a Member that asks in its own name, not through a delegation (the European Union). */
  delegation: boolean
}

/**
 * How a sentence in `language` names the reporting Member (or observer, or organisation) `written`. A language the
 * registry has no names in gets the English ones. A name the registry does not know (`member-unknown` turned off) is
 * printed as written, after "of", "de", or "d'" before a vowel.
 */
export function sentenceName(written: string, language = 'en'): SentenceName {
  const resolution = resolveMember(written)
  if (resolution.kind !== 'entity') return {member: written, of: `${ofUnknown(written, language)}${written}`, delegation: true}
  const {entry} = resolution
  if (!isRegistryLanguage(language) || language === 'en') {
    const member = `${entry.article ? `${entry.article} ` : ''}${entry.inSentence ?? entry.name}`
    return {member, of: `of ${member}`, delegation: entry.delegation}
  }
  const local = entry[language]
  const member = local.inSentence ?? local.name
  return {member, of: local.of.endsWith("'") ? `${local.of}${member}` : `${local.of} ${member}`, delegation: entry.delegation}
}

/** "Of" before a name the registry has no grammar for. */
function ofUnknown(name: string, language: string): string {
  if (language === 'fr') return /^[aeiouyhàâäéèêëîïôöùûü]/iu.test(name) ? "d'" : 'de '
  return language === 'es' ? 'de ' : 'of '
}

/** A beneficiary or Member by its registry name, as outputs in `language` print it; free text stays as written. */
export function printedName(name: string, language: string): string {
  const entry = entryNamed(name)
  if (entry) return nameIn(entry, language)
  const group = groupNamed(name)
  if (group && (language === 'fr' || language === 'es')) return group[language]?.name ?? name
  return name
}

/** The registry name that `printedName` prints as `printed` in `language` ("Suisse" in French: "Switzerland"); else `printed`. */
export function registryName(printed: string, language: string): string {
  const beneficiary = resolveBeneficiary(printed)
  // The organisations that only report (WIPO…) are no beneficiaries: the Member's resolution finds them.
  const resolved = beneficiary.kind === 'entity' || beneficiary.kind === 'group' ? beneficiary : resolveMember(printed)
  const candidate = resolved.kind === 'entity' ? resolved.entry.name : resolved.kind === 'group' ? resolved.group.name : undefined
  return candidate !== undefined && printedName(candidate, language) === printed ? candidate : printed
}

/** Resolves the beneficiaries of one report, remembering every name it hands out. */
export class BeneficiaryResolver {
  private readonly known = new Map<string, Known>()

  /** `language`: the report's, in which the suggestions for an unknown name are shown where several are as near. */
  constructor(private readonly language = 'en') {}

  /**
   * The canonical names `written` stands for: one name, a group's members, or none when it is unknown, a region or
   * several names in one (then an error saying which is reported at `place`).
   */
  resolve(written: string, file: VFile, place: Position): string[] {
    const resolution = resolveBeneficiary(written, this.language)
    switch (resolution.kind) {
      case 'entity': {
        const {entry} = resolution
        if (entry.kind === 'member' && entry.developed) {
          // Named as written: in a French or Spanish report, by its name there.
          problem(file, 'beneficiary-developed', {name: written.trim()}, place)
        }
        this.known.set(entry.name, {kind: 'entry', entry})
        return [entry.name]
      }
      case 'group': {
        if (resolution.members.length === 0) {
          this.known.set(resolution.group.name, {kind: 'group', group: resolution.group})
          return [resolution.group.name]
        }
        for (const entry of resolution.members) this.known.set(entry.name, {kind: 'entry', entry})
        return resolution.members.map((entry) => entry.name)
      }
      case 'free':
        if (!this.known.has(resolution.text)) this.known.set(resolution.text, {kind: 'free'})
        return [resolution.text]
      case 'region':
        problem(file, 'beneficiary-region', {written}, place)
        return []
      case 'list':
        problem(file, 'beneficiary-separator', {written, separated: resolution.names.join('; ')}, place)
        return []
      case 'unknown':
        problem(file, 'beneficiary-unknown', {written, suggestions: resolution.suggestions, nonMember: resolution.nonMember}, place)
        return []
    }
  }

  /** Every name handed out, described for the model, in alphabetical order. */
  describe(names: ReadonlySet<string>, period: Period): Beneficiary[] {
    return [...names].sort(compareEnglish).map((name) => {
      const known = this.known.get(name)
      if (known?.kind === 'entry') {
        const {entry} = known
        return {name, kind: entry.kind, code: entry.iso3, region: entry.region, ldc: isLdc(entry, period.from, period.to)}
      }
      // A group kept as written reaches LDCs only when it is "LDC Members"; of the others art67 cannot tell.
      if (known?.kind === 'group') return {name, kind: 'group', ldc: known.group.expand === false && known.group.computed === 'ldc-members' ? true : null}
      return {name, kind: 'free', ldc: null}
    })
  }
}
