// The validated model as JSON, naming its JSON Schema in `$schema`.
export {reportJson as emitJson} from './schema.js'
