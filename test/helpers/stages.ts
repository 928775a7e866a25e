// The front stages run in memory on sources given as text: unit tests of extract and validate need no folder.
import {VFile} from 'vfile'
import {extract} from '../../pipeline/extract/index.js'
import {glyphsOf} from '../../pipeline/fonts/index.js'
import {sortMessages} from '../../pipeline/format/index.js'
import {parseFile} from '../../pipeline/parse/index.js'
import {byReadingOrder} from '../../pipeline/read/index.js'
import {loadTemplates} from '../../pipeline/templates.js'
import {validate} from '../../pipeline/validate/index.js'

const templates = await loadTemplates()

/** Source files as read: in reading order, each knowing its path inside the sources. */
export function sourceFiles(files: Record<string, string>): VFile[] {
  return Object.keys(files)
    .sort(byReadingOrder)
    .map((name) => new VFile({path: name, value: files[name], data: {sourcePath: name}}))
}

export function extracted(files: Record<string, string>) {
  const vfiles = sourceFiles(files)
  return {vfiles, extracted: extract(vfiles.map((file) => parseFile(file)), Object.values(templates.labels), glyphsOf(templates.styles.font))}
}

/** The model validate makes of extracted sources, and every problem as `file:line:column rule-id`. */
export function validated(files: Record<string, string>) {
  const {vfiles, extracted: data} = extracted(files)
  const report = validate(data, templates)
  sortMessages(vfiles)
  const problems = vfiles.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId}`))
  return {report, problems, vfiles}
}
