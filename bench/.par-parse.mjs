import {readFileSync} from 'node:fs'
import {read} from '../dist/pipeline/read/index.js'
import {parse} from '../dist/pipeline/parse/index.js'
const tick = 100
const mainCpu = () => { const f = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) * 1000 / tick }
const dir = process.argv[2]
const sources = await read(dir, {})
const threads = Number(process.argv[3])
const c0 = mainCpu(), u0 = process.cpuUsage(), t0 = performance.now()
const parsed = await parse(sources.files, undefined, {threads})
const wall = performance.now() - t0, u = process.cpuUsage(u0)
console.log(JSON.stringify({threads, wall: Math.round(wall), mainThreadCpu: Math.round(mainCpu() - c0), processCpu: Math.round((u.user + u.system) / 1000), files: parsed.length}))
