// The pdfmake 0.3.11 modules the run-time patches read (CommonJS, `exports.default` and named exports, no types).
declare module 'pdfmake/js/StyleContextStack.js' {
  const module: {default?: unknown}
  export default module
}
declare module 'pdfmake/js/helpers/variableType.js' {
  const module: {isString(value: unknown): boolean; isValue(value: unknown): boolean}
  export default module
}
declare module 'pdfmake/js/TextInlines.js' {
  const module: {default?: unknown}
  export default module
}
declare module 'pdfmake/js/ElementWriter.js' {
  const module: {default?: unknown}
  export default module
}
declare module 'pdfmake/js/PDFDocument.js' {
  const module: {default?: unknown}
  export default module
}
declare module 'pdfmake/js/Renderer.js' {
  const module: {default?: unknown}
  export default module
}
declare module 'pdfmake/js/DocMeasure.js' {
  const module: {default?: unknown}
  export default module
}
declare module 'pdfmake/js/LayoutBuilder.js' {
  const module: {default?: unknown}
  export default module
}
