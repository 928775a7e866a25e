// Which folders are reports: a folder holding a Markdown file that opens with a front matter is one report; any other
// folder given is searched below for reports (`reports/canada/2021/`, `reports/canada/2022/`…).
import {open, readdir, realpath} from 'node:fs/promises'
import path from 'node:path'

/** Whether a text starts with `---` and a line end (after a byte order mark, if any). */
export const frontMatterFirst = (text: string) => /^(\uFEFF)?---\r?\n/.test(text)

/** Whether `file` starts with `---` and a line end (after a byte order mark, if any). */
async function opensWithFrontMatter(file: string): Promise<boolean> {
  const handle = await open(file, 'r').catch(() => undefined)
  if (!handle) return false
  try {
    const {buffer, bytesRead} = await handle.read(Buffer.alloc(8), 0, 8, 0)
    return frontMatterFirst(buffer.subarray(0, bytesRead).toString('utf8'))
  } finally {
    await handle.close()
  }
}

/** Whether `dir` is a report: a Markdown file directly in it (not a README) has a front matter. */
export async function isReport(dir: string): Promise<boolean> {
  const entries = await readdir(dir, {withFileTypes: true}).catch(() => [])
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.toLowerCase().endsWith('.md') || /^readme/i.test(entry.name)) continue
    if (await opensWithFrontMatter(path.join(dir, entry.name))) return true
  }
  return false
}

/** The reports below `dir`, in path order; a report's own folders are not searched. Links are not followed. */
async function below(dir: string, found: string[]): Promise<void> {
  if (await isReport(dir)) {
    found.push(dir)
    return
  }
  const entries = await readdir(dir, {withFileTypes: true}).catch(() => [])
  const folders = entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules')
  for (const name of folders.map((entry) => entry.name).sort()) await below(path.join(dir, name), found)
}

/**
 * The report folders of `dirs`: each one that is a report, else the reports below it. A folder with none below it
 * is kept as given, so that checking it says why it is not a report (missing, empty…). A folder given or found twice
 * is checked once.
 */
export async function findReports(dirs: readonly string[]): Promise<string[]> {
  const reports: string[] = []
  const seen = new Set<string>()
  for (const dir of dirs) {
    const found: string[] = []
    await below(dir, found)
    for (const report of found.length > 0 ? found : [dir]) {
      const real = await realpath(report).catch(() => path.resolve(report))
      if (seen.has(real)) continue
      seen.add(real)
      reports.push(report)
    }
  }
  return reports
}

/**
 * The report folders among files given by their path inside a folder (`/` separators) and text, as `findReports`
 * finds them on disk: `.` when the folder is a report itself, else the top-most folders holding a Markdown file
 * (not a README) that opens with a front matter.
 */
export function reportFolders(files: ReadonlyArray<{path: string; text: string}>): string[] {
  const folders = new Set<string>()
  for (const file of files) {
    const name = path.posix.basename(file.path)
    if (name.toLowerCase().endsWith('.md') && !/^readme/i.test(name) && frontMatterFirst(file.text)) folders.add(path.posix.dirname(file.path))
  }
  if (folders.has('.')) return ['.']
  const sorted = [...folders].sort()
  return sorted.filter((folder) => !sorted.some((other) => folder.startsWith(`${other}/`)))
}
