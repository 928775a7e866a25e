// A check's result as plain data, to cross from a worker thread (structured clone keeps no class but Error's, and of
// an Error only its message): files with their path and problems, the problems rebuilt as vfile messages.
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {CheckResult} from '../index.js'
import {sourcePath} from '../read/index.js'

type PlainMessage = Record<string, unknown> & {cause?: PlainMessage | string | undefined}
export interface PlainFile {
  path: string
  sourcePath: string
  messages: PlainMessage[]
}
export type PlainCheck = Omit<CheckResult, 'files'> & {files: PlainFile[]}

function plainMessage(message: VFileMessage): PlainMessage {
  const {cause, ...fields} = message
  return {...fields, cause: cause instanceof VFileMessage ? plainMessage(cause) : cause === undefined ? undefined : String(cause)}
}

function messageOf(plain: PlainMessage): VFileMessage {
  const {cause, ...fields} = plain
  const message = Object.assign(Object.create(VFileMessage.prototype) as VFileMessage, fields)
  if (cause !== undefined) message.cause = typeof cause === 'string' ? cause : messageOf(cause)
  return message
}

export function toPlain(result: CheckResult): PlainCheck {
  return {
    ...result,
    files: result.files.map((file) => ({path: file.path, sourcePath: sourcePath(file), messages: file.messages.map(plainMessage)}))
  }
}

export function fromPlain(plain: PlainCheck): CheckResult {
  return {
    ...plain,
    files: plain.files.map((entry) => {
      const file = new VFile({path: entry.path, data: {sourcePath: entry.sourcePath}})
      file.messages = entry.messages.map(messageOf)
      return file
    })
  }
}
