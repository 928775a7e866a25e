// `node bench/floor.mjs <model.json>`: the bare-engine floor for one report. Loads the model a real build wrote,
// renders its PDF with bare pdfmake and its workbook with bare exceljs `writeBuffer()`, and writes nothing:
// no reading or parsing of sources, no validation, no reproducible re-zip, no atomic write.
// Prints the milliseconds of each engine as JSON.
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import pdfmake from 'pdfmake'
import {pdfDefinition} from '../dist/pipeline/emit/pdf/index.js'
import {annexWorkbook} from '../dist/pipeline/emit/xlsx/index.js'

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'))
const model = readJson(process.argv[2])
const templatesDir = new URL('../templates/', import.meta.url)
const templates = {
  labels: readJson(new URL(`${model.language}.json`, templatesDir)),
  styles: readJson(new URL('styles.json', templatesDir))
}
const instant = new Date(`${model.date ?? model.period.to}T00:00:00Z`)

const pdfmakeDir = path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json'))
const font = (name) => path.join(pdfmakeDir, 'build/fonts/Roboto', `Roboto-${name}.ttf`)
const roboto = {normal: font('Regular'), bold: font('Medium'), italics: font('Italic'), bolditalics: font('MediumItalic')}
const fonts = new Set(Object.values(roboto))
pdfmake.setFonts({Roboto: roboto})
pdfmake.setUrlAccessPolicy(() => false)
pdfmake.setLocalAccessPolicy((file) => fonts.has(path.resolve(file)))

let start = performance.now()
const definition = pdfDefinition(model, templates)
definition.info = {...definition.info, creationDate: instant}
await pdfmake.createPdf(definition).getBuffer()
const pdf = performance.now() - start

start = performance.now()
await annexWorkbook(model, templates, instant).xlsx.writeBuffer()
const xlsx = performance.now() - start

process.stdout.write(JSON.stringify({pdf, xlsx}) + '\n')
