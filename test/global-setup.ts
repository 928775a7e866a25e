// The CLI tests run the compiled command, so compile it (and its start-up snapshot) before any test, when changed.
import {compile} from '../scripts/compile.mjs'

export default async function setup() {
  await compile()
}
