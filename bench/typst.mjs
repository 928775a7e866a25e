// `node bench/typst.mjs <model.json> [out.pdf]`: the Typst anchor. The same report as an equivalent Typst document (A4,
// DejaVu Sans 9 pt, running head with the symbol and page number, numbered narrative, the annex's list of
// programmes as a table, then each programme's details and description), compiled to PDF by the npm Typst compiler
// (@myriaddreamin/typst-ts-node-compiler, a devDependency of the benchmark only). Writes only [out.pdf]; prints the
// milliseconds of the compile and the PDF's size as JSON. The whole process is what the benchmark times.
import {readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {NodeCompiler} from '@myriaddreamin/typst-ts-node-compiler'

const require = createRequire(import.meta.url)
const fonts = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf')
const model = readFileSync(process.argv[2], 'utf8')

// Inline runs as plain text (their marks do not change the layout work); fields as labelled rows.
const document = `
#let data = json(bytes(sys.inputs.data))
#set page(paper: "a4", margin: (left: 72pt, right: 72pt, top: 100pt, bottom: 64pt),
  header: [#set text(9pt); *WORLD TRADE ORGANIZATION* #h(1fr) #data.symbol \\ #h(1fr) Page #context counter(page).display()])
#set text(font: "DejaVu Sans", size: 9pt, lang: "en")
#set par(justify: true, spacing: 9pt)
#let inline(runs) = runs.map(run => run.text).join()
#let blocks(items) = for block in items {
  if block.type == "heading" { heading(level: block.depth, inline(block.content)) }
  else if block.type == "paragraph" {
    if "number" in block { par[#block.number. #h(18pt) #inline(block.content)] } else { par(inline(block.content)) }
  }
  else if block.type == "list" {
    if block.ordered { enum(..block.items.map(item => blocks(item))) } else { list(..block.items.map(item => blocks(item))) }
  }
  else if block.type == "quote" { quote(block: true, blocks(block.children)) }
  else if block.type == "code" { raw(block.text, block: true) }
  else if block.type == "table" { table(columns: block.header.len(), ..(block.header + block.rows.flatten()).map(cell => inline(cell))) }
}
#let value(v) = if type(v) == array { v.join("; ") } else if type(v) == dictionary { v.at("written", default: "") } else { str(v) }
#let skip = ("no", "id", "title", "description", "other", "sources")

#align(center, text(11pt, weight: "bold")[COUNCIL FOR TRADE-RELATED ASPECTS OF INTELLECTUAL PROPERTY RIGHTS])
#align(center, text(11pt, weight: "bold")[TECHNICAL COOPERATION ACTIVITIES: INFORMATION FROM MEMBERS])
#align(center)[#data.member]
#blocks(data.body)
#pagebreak()
#align(center, text(11pt, weight: "bold")[ANNEX])
#blocks(data.annexIntro)
#table(columns: (auto, 1fr), table.header[*No.*][*Title*], ..data.programmes.map(p => (str(p.no), p.title)).flatten())
#for p in data.programmes {
  block(breakable: false, heading(level: 2, [#p.no. #p.title]))
  grid(columns: (130pt, 1fr), row-gutter: 4pt, column-gutter: 8pt,
    ..p.pairs().filter(((k, v)) => k not in skip).map(((k, v)) => ([*#k*], value(v))).flatten(),
    ..p.other.map(o => ([*#o.at("label", default: "")*], o.value)).flatten())
  blocks(p.description)
}
`

const start = performance.now()
const compiler = NodeCompiler.create({fontArgs: [{fontPaths: [fonts]}]})
const pdf = compiler.pdf({mainFileContent: document, inputs: {data: model}})
if (process.argv[3]) writeFileSync(process.argv[3], pdf)
process.stdout.write(JSON.stringify({pdf: performance.now() - start, bytes: pdf.length}) + '\n')
