// A worker thread of `pool.ts`: does the tasks it is sent, one at a time.
import {parentPort} from 'node:worker_threads'
import {perform, type Task} from './pool.js'

parentPort!.on('message', (task: Task) => {
  void perform(task).then((answer) => parentPort!.postMessage(answer))
})
