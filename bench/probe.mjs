// Preload (`node --import ./bench/probe.mjs …`): at exit, writes to the file named by ART67_BENCH_PROBE the process's
// peak resident memory, its CPU time (less sensitive than wall time to other load on the machine) and which heavy
// engines it loaded (exceljs and pdfmake are CommonJS, so even when imported they are in the require cache).
import {writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'

const heavy = /[/\\]node_modules[/\\](exceljs|pdfmake)[/\\]/

process.on('exit', () => {
  const files = Object.keys(createRequire(import.meta.url).cache)
  const heavyModules = [...new Set(files.flatMap((file) => heavy.exec(file)?.[1] ?? []))].sort()
  const usage = process.resourceUsage()
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000
  writeFileSync(process.env.ART67_BENCH_PROBE, JSON.stringify({maxRssBytes: usage.maxRSS * 1024, cpuMs, heavyModules}))
})
