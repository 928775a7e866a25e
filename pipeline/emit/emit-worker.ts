// A worker thread of elsewhere.ts: renders the outputs it is asked for, sending each as soon as it is made, or its
// name alone when its render threw (this thread's caller then renders it itself).
import {parentPort, workerData} from 'node:worker_threads'
import type {EmitAnswer, EmitTask} from './elsewhere.js'
import {planOutputs, renderOutput} from './index.js'

const {report, templates, options, names} = workerData as EmitTask
const planned = planOutputs(report, templates, options)
for (const name of names) {
  let answer: EmitAnswer = {name}
  try {
    const started = performance.now()
    const output = await renderOutput(planned.find((entry) => entry.name === name)!, options)
    answer = {name, rendered: {output, ms: performance.now() - started}}
  } catch {
    // Rendered again by the caller, where it fails as it would without a worker.
  }
  parentPort!.postMessage(answer)
}
