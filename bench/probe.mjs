// Preload (`node --import ./bench/probe.mjs …`): at exit, writes to the file named by ART67_BENCH_PROBE the process's
// peak resident memory, CPU time (less sensitive than wall time to other load on the machine) and which heavy engines (exceljs, pdfmake; both CommonJS, so in the require cache) it loaded.
import {writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'

const heavy = /[/\\]node_modules[/\\](exceljs|pdfmake)[/\\]/

process.on('exit', () => {
  const loaded = new Set(Object.keys(createRequire(import.meta.url).cache).flatMap((file) => heavy.exec(file)?.[1] ?? []))
  const usage = process.resourceUsage()
  const probe = {maxRssBytes: usage.maxRSS * 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, heavyModules: [...loaded].sort()}
  writeFileSync(process.env.ART67_BENCH_PROBE, JSON.stringify(probe))
})
