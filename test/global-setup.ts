// The CLI tests run the compiled command, so compile it once before any test (only what changed since the last time).
import {compile} from '../scripts/compile.mjs'

export default function setup() {
  compile()
}
