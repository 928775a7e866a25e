// Fixed text and styles a user changes without touching code: templates/<language>.json and templates/styles.json.
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {z} from 'zod'
import {Art67Error} from './errors.js'
import {fieldKeys, type FieldKey} from './model.js'

const labels = z.array(z.string().min(1)).min(1)

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
  columns: z.object({
    no: z.string(),
    id: z.string(),
    title: z.string(),
    start: z.string(),
    end: z.string(),
    beneficiaries: z.string(),
    partners: z.string(),
    agency: z.string(),
    type: z.string(),
    ipArea: z.string(),
    targetGroup: z.string(),
    budget: z.string(),
    contact: z.string(),
    website: z.string(),
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
    fields: z.object(Object.fromEntries(fieldKeys.map((key) => [key, labels])) as Record<FieldKey, typeof labels>),
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

export interface Templates {
  labels: Labels
  styles: Styles
}

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

const cache = new Map<string, Promise<Templates>>()

/** Load (once per folder and language) the labels of `language` and the styles. */
export function loadTemplates(language = 'en', dir = packageTemplates): Promise<Templates> {
  const key = path.join(dir, language)
  let templates = cache.get(key)
  if (!templates) {
    templates = Promise.all([
      loadJson(path.join(dir, `${language}.json`), Labels),
      loadJson(path.join(dir, 'styles.json'), Styles)
    ]).then(([labels, styles]) => ({labels, styles}))
    templates.catch(() => cache.delete(key))
    cache.set(key, templates)
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
