// `node bench/floor.mjs <model.json>`: the bare-engine floor for one report. Loads the model a real build wrote,
// renders its PDF with bare pdfmake and its workbook with bare exceljs `writeBuffer()`, and writes nothing:
// no reading or parsing of sources, no validation, no reproducible re-zip, no atomic write.
// Prints the milliseconds of each engine as JSON.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import pdfmake from 'pdfmake'
import {pdfDefinition} from '../dist/pipeline/emit/pdf/index.js'
import {annexWorkbook} from '../dist/pipeline/emit/xlsx/index.js'
import {locateFont} from '../dist/pipeline/fonts/index.js'

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'))
const model = readJson(process.argv[2])
const templatesDir = new URL('../templates/', import.meta.url)
const templates = {
  labels: readJson(new URL(`${model.language}.json`, templatesDir)),
  styles: readJson(new URL('styles.json', templatesDir))
}
const instant = new Date(`${model.date ?? model.period.from}T00:00:00Z`)

// The families of the styles, as a build gives them to pdfmake.
const fonts = Object.fromEntries(Object.entries(templates.styles.fonts).map(([family, source]) => [family, locateFont(source).files]))
const files = new Set(Object.values(fonts).flatMap((variants) => Object.values(variants)))
pdfmake.setFonts(fonts)
pdfmake.setUrlAccessPolicy(() => false)
pdfmake.setLocalAccessPolicy((file) => files.has(path.resolve(file)))

let start = performance.now()
const definition = pdfDefinition(model, templates)
definition.info = {...definition.info, creationDate: instant}
await pdfmake.createPdf(definition).getBuffer()
const pdf = performance.now() - start

start = performance.now()
await annexWorkbook(model, templates, instant).xlsx.writeBuffer()
const xlsx = performance.now() - start

process.stdout.write(JSON.stringify({pdf, xlsx}) + '\n')
