// The short summary that opens the annex and fills the XLSX "Summary" sheet: who the programmes reach.
import {compareEnglish} from '../collate.js'
import type {Beneficiary, Report} from '../model.js'

export interface BeneficiaryCount {
  beneficiary: Beneficiary
  programmes: number
}

export interface RegionCount {
  /** Absent for programmes reaching only groups or free-text beneficiaries. */
  region: string | undefined
  programmes: number
}

export interface Summary {
  programmes: number
  /** Programmes naming at least one LDC (or the group "LDC Members"). */
  reachingLdcs: number
  /** `reachingLdcs / programmes`, 0 when there are no programmes. */
  ldcShare: number
  /** Most programmes first, then by name. */
  byBeneficiary: BeneficiaryCount[]
  /** Programmes reaching each region at least once; most first, then by name, the unattributed last. */
  byRegion: RegionCount[]
}

export function summarize(report: Report): Summary {
  const described = new Map(report.beneficiaries.map((beneficiary) => [beneficiary.name, beneficiary]))
  const perBeneficiary = new Map<string, number>()
  const perRegion = new Map<string | undefined, number>()
  let reachingLdcs = 0
  for (const programme of report.programmes) {
    const beneficiaries = programme.beneficiaries.map((name) => described.get(name)!)
    for (const {name} of beneficiaries) perBeneficiary.set(name, (perBeneficiary.get(name) ?? 0) + 1)
    for (const region of new Set(beneficiaries.map((beneficiary) => beneficiary.region))) {
      perRegion.set(region, (perRegion.get(region) ?? 0) + 1)
    }
    if (beneficiaries.some((beneficiary) => beneficiary.ldc)) reachingLdcs++
  }
  const total = report.programmes.length
  return {
    programmes: total,
    reachingLdcs,
    ldcShare: total === 0 ? 0 : reachingLdcs / total,
    byBeneficiary: [...perBeneficiary]
      .map(([name, programmes]) => ({beneficiary: described.get(name)!, programmes}))
      .sort((a, b) => b.programmes - a.programmes || compareEnglish(a.beneficiary.name, b.beneficiary.name)),
    byRegion: [...perRegion]
      .map(([region, programmes]) => ({region, programmes}))
      .sort(
        (a, b) =>
          Number(a.region === undefined) - Number(b.region === undefined) ||
          b.programmes - a.programmes ||
          compareEnglish(a.region ?? '', b.region ?? '')
      )
  }
}
