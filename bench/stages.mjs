// `node bench/stages.mjs <sources> <out>`: one library build in a fresh process;
// prints the milliseconds of each stage as JSON.
import {build} from '../dist/pipeline/index.js'

const [dir, out] = process.argv.slice(2)
const result = await build(dir, {out})
if (!result.ok) throw new Error(`build of ${dir} failed: ${result.counts.errors} errors`)
process.stdout.write(JSON.stringify(result.timings) + '\n')
