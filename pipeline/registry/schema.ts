// The beneficiary registry's shape: WTO Members, observers, organisations and named groups, each fact with its sources.
import {z} from 'zod'
import {IsoDate} from '../model.js'

/** Keys of the `sources` table (sources.ts), which describes each source and how sure it is. */
export const SourceId = z.enum([
  'domain-members',
  'domain-observers',
  'domain-ldc',
  'domain-beneficiaries',
  'un-ldc',
  'issue',
  'iso3166',
  'wto-regions',
  'developed',
  'organisations',
  'groups',
  'usage',
  'circulation'
])
export type SourceId = z.infer<typeof SourceId>

/** Every source id, described. */
export const Sources = z.record(SourceId, z.string().min(1))
export type Sources = z.infer<typeof Sources>

/**
 * The WTO's statistical regions (World Trade Statistical Review). Oceania counts as Asia; "CIS" is the
 * Commonwealth of Independent States including associate and former member States (Georgia, Ukraine…).
 */
export const Region = z.enum([
  'Africa',
  'Asia',
  'CIS',
  'Europe',
  'Middle East',
  'North America',
  'South and Central America and the Caribbean'
])
export type Region = z.infer<typeof Region>

/**
 * A time during which an entity was an LDC. `from` is the first day (absent: before 1995 or not recorded, see
 * `note`); `to` is the graduation day, the first day it no longer was (absent: still an LDC).
 */
export const LdcSpan = z
  .object({
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    sources: z.array(SourceId).min(1),
    note: z.string().optional()
  })
  .refine((span) => !span.from || !span.to || span.from < span.to, 'An LDC span must end after it starts')
export type LdcSpan = z.infer<typeof LdcSpan>

export const Entry = z.object({
  /** The WTO name for Members and observers, the official English name for organisations. */
  name: z.string().min(1),
  kind: z.enum(['member', 'observer', 'organisation']),
  /** ISO 3166-1 alpha-3, where one exists (none for the European Union and organisations). */
  iso3: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  /** For organisations, the region they serve. */
  region: Region,
  /** A Member treated as developed for Article 67: a judgment, the WTO has no definition (source `developed`). */
  developed: z.boolean().default(false),
  ldc: z.array(LdcSpan).default([]),
  /** The English article a sentence puts before the name: "at the request of the delegation of the Philippines". */
  article: z.literal('the').optional(),
  /** The name as a sentence writes it, where the WTO name is inverted: "Korea, Republic of" is "Republic of Korea". */
  inSentence: z.string().min(1).optional(),
  /** False for a Member that asks for circulation in its own name rather than through a delegation (the EU). */
  delegation: z.boolean().default(true),
  /** Other ways reports write the name. Matching ignores case, accents and punctuation, so only other words count. */
  aliases: z.array(z.string().min(1)).default([]),
  /** Sources of the name and kind; those of other facts are in `factSources` (sources.ts) or on the fact. */
  sources: z.array(SourceId).min(1),
  note: z.string().optional()
})
export type Entry = z.infer<typeof Entry>
export type EntryInput = z.input<typeof Entry>

const GroupBase = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  sources: z.array(SourceId).min(1),
  /** What the group covers and why it is expanded or kept. */
  note: z.string().min(1)
})

/** A name reports use for several beneficiaries: expanded to its members, or kept as written. */
export const Group = z.discriminatedUnion('expand', [
  GroupBase.extend({
    expand: z.literal(true),
    /** Registry names of the members, the same in every period. */
    members: z.array(z.string().min(1)).min(1)
  }),
  GroupBase.extend({
    expand: z.literal(false),
    /** `ldc-members`: the group counts as reaching LDCs (see the model's `Beneficiary.ldc`). */
    computed: z.literal('ldc-members').optional()
  })
])
export type Group = z.infer<typeof Group>
export type GroupInput = z.input<typeof Group>
