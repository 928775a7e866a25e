// Beneficiaries as written in a report, resolved against the registry: canonical names, and what each name is.
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import type {Beneficiary, Period} from '../model.js'
import {problem} from '../rules/index.js'
import {isLdc, resolveBeneficiary} from './resolve.js'
import type {Entry, Group} from './schema.js'

type Known = {kind: 'entry'; entry: Entry} | {kind: 'group'; group: Group} | {kind: 'free'}

/**
 * How a sentence names the Member `written` ("the United States of America", "the Republic of Korea"), and whether it
 * speaks through a delegation (the European Union does not); undefined when the registry does not know it as a Member.
 */
export function sentenceName(written: string): {name: string; delegation: boolean} | undefined {
  const resolution = resolveBeneficiary(written)
  if (resolution.kind !== 'entity' || resolution.entry.kind !== 'member') return undefined
  const {article, inSentence, name, delegation} = resolution.entry
  return {name: article ? `${article} ${inSentence ?? name}` : (inSentence ?? name), delegation}
}

/** Resolves the beneficiaries of one report, remembering every name it hands out. */
export class BeneficiaryResolver {
  private readonly known = new Map<string, Known>()

  /**
   * The canonical names `written` stands for: one name, a group's members, or none when it is unknown, a region or
   * several names in one (then an error saying which is reported at `place`).
   */
  resolve(written: string, file: VFile, place: Position): string[] {
    const resolution = resolveBeneficiary(written)
    switch (resolution.kind) {
      case 'entity': {
        const {entry} = resolution
        if (entry.kind === 'member' && entry.developed) {
          problem(file, 'beneficiary-developed', {name: entry.name}, place)
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
        problem(file, 'beneficiary-unknown', {written, suggestions: resolution.suggestions}, place)
        return []
    }
  }

  /** Every name handed out, described for the model, in alphabetical order. */
  describe(names: ReadonlySet<string>, period: Period): Beneficiary[] {
    return [...names].sort((a, b) => a.localeCompare(b, 'en')).map((name) => {
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
