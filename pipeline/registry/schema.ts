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
  'domain-reporters',
  'groups',
  'usage',
  'circulation',
  'domain-fr-es',
  'wto-fr-es',
  'organisations-fr-es',
  'circulation-fr-es'
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

/** The languages the registry names every entry in: the WTO's three. */
export const registryLanguages = ['en', 'fr', 'es'] as const
export type RegistryLanguage = (typeof registryLanguages)[number]

/**
 * "Of" and the article a sentence puts before a name, as one form: French "du Canada", "de la Suisse", "de l'Australie",
 * "des États-Unis d'Amérique", "de Cuba", "d'Israël"; Spanish "del Japón" (WTO Spanish "el Japón"), "de la India",
 * "de los Estados Unidos de América", "de las Comoras", "de Suiza".
 */
export const ofForms = {
  fr: ['du', 'de la', "de l'", 'des', "d'", 'de'],
  es: ['del', 'de la', 'de los', 'de las', 'de']
} as const

const localName = <const Forms extends readonly [string, ...string[]]>(forms: Forms) =>
  z.object({
    /** The WTO name in this language, as lists print it ("Corée, République de"). */
    name: z.string().min(1),
    /** The name as a sentence writes it, where the list form is inverted ("République de Corée"). */
    inSentence: z.string().min(1).optional(),
    /** "Of" with the name's article in a sentence: "de la" gives "de la délégation de la Suisse". */
    of: z.enum(forms),
    /** Other ways reports in this language write the name. */
    aliases: z.array(z.string().min(1)).default([]),
    /** Sources of the name; those of `of` are `circulation-fr-es` (sources.ts `factSources`). */
    sources: z.array(SourceId).min(1)
  })

export const FrenchName = localName(ofForms.fr)
export const SpanishName = localName(ofForms.es)
export type LocalName = z.infer<typeof FrenchName> | z.infer<typeof SpanishName>

export const Entry = z.object({
  /** The WTO name for Members and observers, the official English name for organisations. */
  name: z.string().min(1),
  kind: z.enum(['member', 'observer', 'organisation']),
  /** ISO 3166-1 alpha-3, where one exists (none for the European Union and organisations). */
  iso3: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  /** For organisations, the region they serve; none for one that is no beneficiary. */
  region: Region.optional(),
  /**
   * False for an organisation that reports to the Council but is never a beneficiary (WIPO, the OECD, UPOV): a
   * report's `member` may name it, a programme's beneficiaries may not.
   */
  beneficiary: z.boolean().default(true),
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
  note: z.string().optional(),
  /** The WTO names in French and Spanish (names.ts). */
  fr: FrenchName,
  es: SpanishName
})
export type Entry = z.infer<typeof Entry>
/** An entry as members.ts, observers.ts and organisations.ts write it: its French and Spanish names are in names.ts. */
export type EntryInput = Omit<z.input<typeof Entry>, 'fr' | 'es'>

/** A group's name in another language, and other ways reports in that language write it. */
const GroupName = z.object({name: z.string().min(1), aliases: z.array(z.string().min(1)).default([])})

const GroupBase = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  /** The group's name in French and Spanish (source `groups`), printed by outputs in those languages. */
  fr: GroupName.optional(),
  es: GroupName.optional(),
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
