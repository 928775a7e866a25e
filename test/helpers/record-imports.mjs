// Preloaded with --import: records every module this process imports, one URL a line in IMPORTS_LOG.
import {register} from 'node:module'

register(
  'data:text/javascript,' +
    encodeURIComponent(`
      import {appendFileSync} from 'node:fs'
      export async function resolve(specifier, context, next) {
        const result = await next(specifier, context)
        appendFileSync(${JSON.stringify(process.env.IMPORTS_LOG)}, result.url + '\\n')
        return result
      }
    `)
)
