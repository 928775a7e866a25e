// The pdfmake 0.3.11 modules the run-time patches read (CommonJS, `exports.default` and named exports, no types).
// Each of its classes' modules: read through `exportedClass` (patch.ts).
declare module 'pdfmake/js/*.js' {
  const module: {default?: unknown}
  export default module
}
declare module 'pdfmake/js/helpers/variableType.js' {
  const module: {isString(value: unknown): boolean; isValue(value: unknown): boolean}
  export default module
}
