// Preloaded with --import: records every file this process opens or lists, and refuses any network
// connection, writing one JSON line per event to SANDBOX_LOG.
import fs from 'node:fs'
import {syncBuiltinESMExports} from 'node:module'
import net from 'node:net'
import dns from 'node:dns'
import path from 'node:path'

const log = process.env.SANDBOX_LOG
const appendFileSync = fs.appendFileSync
const record = (event) => appendFileSync(log, JSON.stringify(event) + '\n')
const where = (file) => (typeof file === 'string' || file instanceof URL ? path.resolve(String(file instanceof URL ? file.pathname : file)) : null)

function watch(object, names, kind) {
  for (const name of names) {
    const original = object[name]
    if (typeof original !== 'function') continue
    object[name] = function (file, ...rest) {
      const resolved = where(file)
      if (resolved) record({kind, call: name, path: resolved})
      return original.call(this, file, ...rest)
    }
  }
}

watch(fs, ['open', 'openSync', 'readFile', 'readFileSync', 'createReadStream', 'readdir', 'readdirSync', 'opendir', 'opendirSync'], 'read')
watch(fs.promises, ['open', 'readFile', 'readdir', 'opendir'], 'read')

const refuse = (call) =>
  function () {
    record({kind: 'network', call})
    throw new Error(`network access refused in tests: ${call}`)
  }
net.Socket.prototype.connect = refuse('net.Socket.connect')
net.connect = net.createConnection = refuse('net.connect')
dns.lookup = refuse('dns.lookup')
dns.promises.lookup = refuse('dns.promises.lookup')
syncBuiltinESMExports()
