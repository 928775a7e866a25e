// What a start-up snapshot holds beyond the CLI's modules (scripts/snapshot.mjs runs this inside
// `node --build-snapshot`; it never runs in a command). `check`: the check modules, warmed by checking a sample report
// made in memory and printing its problems, so that their functions are compiled, their regular expressions too, and
// zod's generated parsers exist. `build`: also the emitters with their engines (pdfmake, pdfkit, fontkit, the line
// breaker's tables, exceljs, fflate), warmed by rendering the sample in every templates language, which leaves the
// package fonts' decoded tables (emit/pdf/font-tables.ts, keyed by the files' checksums). Nothing that depends on
// the machine, the sources or the templates' files is kept: the templates cache is emptied, the outputs dropped (and
// the font bytes hashed, which would cost more to load than to hash again).
import v8 from 'node:v8'
import {emitters} from './emit/index.js'
import {forgetFontChecksums} from './emit/pdf/checksum.js'
import {Art67Error} from './errors.js'
import {analyse, format, formats, render} from './index.js'
import {initFiles} from './init.js'
import {shortcutsOn} from './parse/gfm-shortcuts.js'
import {sourceFile, type Sources} from './read/index.js'
import {forgetTemplates, loadTemplates} from './templates.js'

export type SnapshotKind = 'check' | 'build'

/**
 * Load the emitters. fflate (the XLSX zip) probes at load whether TextDecoder streams, decoding with
 * `{stream: true}`: that leaves a native ICU converter on its module-level decoder, which V8 cannot serialize
 * (`--build-snapshot` aborts in its handle check). Loaded beside a TextDecoder that refuses to stream, fflate keeps
 * a decoder without one and uses its own streaming decoder, which art67 never calls (it only zips).
 */
async function loadEmitters(): Promise<void> {
  const Native = globalThis.TextDecoder
  class UnstreamedDecoder extends Native {
    override decode(input?: AllowSharedBufferSource, options?: TextDecodeOptions): string {
      if (options?.stream) throw new TypeError('no streaming decode in a start-up snapshot')
      return super.decode(input, options)
    }
  }
  globalThis.TextDecoder = UnstreamedDecoder
  try {
    for (const emitter of emitters) await emitter.load()
  } finally {
    globalThis.TextDecoder = Native
  }
}

/** The sample report in `language` as `art67 init` writes it; undefined for a language init has no skeleton for. */
const sample = (language: string) =>
  initFiles({member: 'Japan', period: '2021', language}).catch((error: unknown) => {
    if (error instanceof Art67Error) return undefined
    throw error
  })

/** Check the sample report of each templates language, and render it for `build`; the languages warmed. */
async function warm(kind: SnapshotKind): Promise<string[]> {
  const {labels} = await loadTemplates()
  const warmed: string[] = []
  for (const language of Object.keys(labels)) {
    const files = await sample(language)
    if (!files) continue
    const dir = 'snapshot-sample'
    const sources: Sources = {dir, files: Object.entries(files).map(([name, text]) => sourceFile(dir, name, Buffer.from(text))), rejected: []}
    const {report, files: checked} = await analyse(sources)
    if (!report) throw new Error(`the ${language} sample report does not check: the snapshot would not be warmed`)
    // Its warnings printed every way (string widths, colours, JSON), the text thrown away.
    for (const way of formats) format(checked, way, {color: way === 'text'})
    format(checked, 'text', {color: false})
    if (kind === 'build') await render(report)
    warmed.push(language)
  }
  return warmed
}

/**
 * Load and warm what a snapshot of `kind` holds, then forget the templates read on the way. A process started from
 * it says what it holds on stderr when ART67_TRACE_START is set.
 */
export async function prepareSnapshot(kind: SnapshotKind): Promise<void> {
  try {
    // Whether the parse's shortcuts are on here as in the plain CLI (they read the package files they were written against).
    const off = Object.entries(shortcutsOn).flatMap(([shortcut, on]) => (on ? [] : [shortcut]))
    let loaded = `the check modules (parse shortcuts ${off.length ? `off: ${off.join(', ')}` : 'on'})`
    if (kind === 'build') {
      await loadEmitters()
      // Whether pdfmake's and pdfkit's methods are replaced here as in the plain CLI (the bundle must keep their source).
      const on = (await import('./emit/pdf/index.js')).patchesOn() ? 'on' : 'off'
      loaded += ` and the ${emitters.map((emitter) => emitter.format).join(', ')} emitters (pdfmake and pdfkit patches ${on})`
    }
    const warmed = await warm(kind)
    const held = `art67: snapshot holds ${loaded}, warmed on ${warmed.join(', ')}\n`
    if (v8.startupSnapshot.isBuildingSnapshot()) {
      v8.startupSnapshot.addDeserializeCallback(() => {
        if (process.env.ART67_TRACE_START) process.stderr.write(held)
      })
    }
  } finally {
    forgetTemplates()
    forgetFontChecksums()
  }
}
