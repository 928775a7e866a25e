// What changes with the language of the outputs: the requester in the circulation sentence, the language after
// "Original:", and the names of the Member and the beneficiaries. The body and the programmes' text are never
// translated: they stay as the sources write them.
import {collation, compareEnglish} from './collate.js'
import type {Report} from './model.js'
import {printedName, registryName, sentenceName} from './registry/index.js'
import {fill, type Labels} from './templates.js'

/** Who asks for circulation, in the words of `labels`: "the delegation of Canada", "de la délégation du Canada". */
export function requesterIn(member: string, labels: Labels): string {
  const named = sentenceName(member, labels.language)
  return fill(named.delegation ? labels.requester : labels.requesterOwnName, {member: named.member, of: named.of})
}

/**
 * The language of the original as `to` names it ("English" is "anglais"), when `from` names it that way; else as
 * written (an `original` the templates do not name is printed as given in every language).
 */
export function originalIn(original: string, from: Labels, to: Labels): string {
  const written = original.toLowerCase()
  const code = Object.keys(from.languageNames).find((language) => from.languageNames[language]!.toLowerCase() === written)
  return (code && to.languageNames[code]) || original
}

/**
 * The report as outputs in the language of `to` print it, from the report validated with `from`: names in that
 * language, the requester worded in it (one written in the front matter is kept as written) and the original's
 * language named in it. The beneficiaries are listed in the alphabetical order of their names there.
 */
export function inLanguage(report: Report, from: Labels, to: Labels): Report {
  const name = (written: string) => printedName(written, to.language)
  const order = collation(to.language)
  const requester = report.requester === requesterIn(report.member, from) ? requesterIn(report.member, to) : report.requester
  return {
    ...report,
    member: name(report.member),
    language: to.language,
    original: originalIn(report.original, from, to),
    requester,
    programmes: report.programmes.map((programme) => ({...programme, beneficiaries: programme.beneficiaries.map(name)})),
    beneficiaries: report.beneficiaries
      .map((beneficiary) => ({...beneficiary, name: name(beneficiary.name)}))
      .sort((a, b) => order(a.name, b.name))
  }
}

/**
 * A report as its outputs print it (a JSON model `build` wrote: names in the report's language), with the registry's
 * names again, in their order, as `check` gives it: what `inLanguage` changed in its own language, undone.
 */
export function withRegistryNames(report: Report): Report {
  // Free text (`"Suisse"` in quotes) was printed as written: it stays so, even when it is a name in the registry.
  const free = new Set(report.beneficiaries.filter((beneficiary) => beneficiary.kind === 'free').map((beneficiary) => beneficiary.name))
  const name = (printed: string) => (free.has(printed) ? printed : registryName(printed, report.language))
  return {
    ...report,
    member: registryName(report.member, report.language),
    programmes: report.programmes.map((programme) => ({...programme, beneficiaries: programme.beneficiaries.map(name)})),
    beneficiaries: report.beneficiaries.map((beneficiary) => ({...beneficiary, name: name(beneficiary.name)})).sort((a, b) => compareEnglish(a.name, b.name))
  }
}
