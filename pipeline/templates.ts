// Fixed text and styles a user changes without touching code: templates/<language>.json and templates/styles.json.
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {z} from 'zod'
import {Art67Error} from './errors.js'
import {fieldKeys, type FieldKey} from './fields.js'

const labels = z.array(z.string().min(1)).min(1)
/** One entry per field of the field table. */
const perField = <T extends z.ZodType>(schema: T) => Object.fromEntries(fieldKeys.map((key) => [key, schema])) as Record<FieldKey, T>

export const Labels = z.object({
  language: z.string().min(2),
  languageName: z.string().min(1),
  council: z.string().min(1),
  title: z.array(z.string()).min(1),
  circulation: z.string().min(1),
  circulationUndated: z.string().min(1),
  requester: z.string().min(1),
  page: z.string().min(1),
  original: z.string().min(1),
  runningHead: z.string().min(1),
  annex: z.object({
    heading: z.string(),
    subheading: z.string(),
    summary: z.string(),
    details: z.string(),
    none: z.string(),
    description: z.string()
  }),
  months: z.array(z.string().min(1)).length(12),
  /** Column titles and field labels in the outputs: one per field, and the annex's own. */
  columns: z.object({
    ...perField(z.string()),
    no: z.string(),
    title: z.string(),
    other: z.string(),
    description: z.string(),
    source: z.string(),
    beneficiary: z.string(),
    code: z.string(),
    kind: z.string(),
    region: z.string(),
    ldc: z.string(),
    programmes: z.string()
  }),
  summary: z.object({
    heading: z.string(),
    programmes: z.string(),
    reachingLdcs: z.string(),
    ldcShare: z.string(),
    byRegion: z.string(),
    byBeneficiary: z.string(),
    noRegion: z.string(),
    yes: z.string(),
    no: z.string()
  }),
  kinds: z.object({member: z.string(), observer: z.string(), organisation: z.string(), group: z.string(), free: z.string()}),
  /** Display names of the registry's regions. */
  regions: z.record(z.string(), z.string()),
  workbook: z.object({
    title: z.string(),
    subject: z.string(),
    programmesSheet: z.string().min(1).max(31),
    beneficiariesSheet: z.string().min(1).max(31),
    summarySheet: z.string().min(1).max(31)
  }),
  sources: z.object({
    programmesHeadings: labels,
    fields: z.object(perField(labels)),
    tableColumns: z.object({no: labels, title: labels})
  })
})
export type Labels = z.infer<typeof Labels>

/** pdfmake styles, page geometry and our own `uppercase` style flag. */
export const Styles = z.object({
  pageSize: z.string(),
  pageMargins: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  header: z.object({top: z.number(), fontSize: z.number(), councilWidth: z.number()}),
  defaultStyle: z.record(z.string(), z.unknown()),
  styles: z.record(z.string(), z.record(z.string(), z.unknown()))
})
export type Styles = z.infer<typeof Styles>

export const Templates = z.object({labels: Labels, styles: Styles})
/** The templates of one language: what the emitters use. */
export type Templates = z.infer<typeof Templates>

/** Every language's labels, by language code, and the styles. */
export const TemplateSet = z.object({labels: z.record(z.string(), Labels), styles: Styles})
export type TemplateSet = z.infer<typeof TemplateSet>

/** The package's own templates folder, from both `pipeline/` and `dist/pipeline/`. */
export const packageTemplates = fileURLToPath(
  new URL(import.meta.url.includes('/dist/') ? '../../templates/' : '../templates/', import.meta.url)
)

export class TemplateError extends Art67Error {}

async function loadJson<T>(file: string, schema: z.ZodType<T>): Promise<T> {
  let data: unknown
  try {
    data = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    throw new TemplateError(`Cannot read template ${file}: ${(error as Error).message}`)
  }
  const result = schema.safeParse(data)
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new TemplateError(`Template ${file} is invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`)
  }
  return result.data
}

/** The templates of `language` from a set that has them. */
export function templatesFor(set: TemplateSet, language: string): Templates {
  const labels = set.labels[language]
  if (!labels) throw new TemplateError(`There are no templates for language ${language}`)
  return {labels, styles: set.styles}
}

const cache = new Map<string, Promise<TemplateSet>>()

/** Load (once per folder) the labels of every language in `dir` (`<language>.json`) and the styles. */
export function loadTemplates(dir = packageTemplates): Promise<TemplateSet> {
  let templates = cache.get(dir)
  if (!templates) {
    templates = (async () => {
      const names = await readdir(dir).catch((error: Error) => {
        throw new TemplateError(`Cannot read the templates folder ${dir}: ${error.message}`)
      })
      const languages = names.filter((name) => name.endsWith('.json') && name !== 'styles.json').map((name) => name.slice(0, -5)).sort()
      if (languages.length === 0) throw new TemplateError(`The templates folder ${dir} has no language file such as en.json`)
      const [styles, ...labels] = await Promise.all([
        loadJson(path.join(dir, 'styles.json'), Styles),
        ...languages.map((language) => loadJson(path.join(dir, `${language}.json`), Labels))
      ])
      return {labels: Object.fromEntries(languages.map((language, index) => [language, labels[index]!])), styles}
    })()
    templates.catch(() => cache.delete(dir))
    cache.set(dir, templates)
  }
  return templates
}

/** Fill `{name}` placeholders; an unknown placeholder is left as written. */
export function fill(template: string, values: Record<string, string | number | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name]
    return value === undefined ? whole : String(value)
  })
}
