// `npm run schema`: write the JSON Schema of the JSON output, generated from the compiled zod model, to
// schema/report.schema.json (shipped with the package; test/schema.test.ts fails when it is out of date).
import {writeFileSync} from 'node:fs'
import {reportJsonSchema} from '../dist/pipeline/emit/json/schema.js'

writeFileSync(new URL('../schema/report.schema.json', import.meta.url), JSON.stringify(reportJsonSchema(), null, 2) + '\n')
