// The validated model as JSON: the report exactly as the schema describes it.
import type {Report} from '../../model.js'

export function emitJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n'
}
