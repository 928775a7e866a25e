// What art67 keeps on each source file's `data`.
export {}

declare module 'vfile' {
  interface DataMap {
    /** The file's path inside the sources folder, with `/` separators. */
    sourcePath: string
    /** Link reference definitions of the file: identifier to address. */
    definitions: globalThis.Map<string, string>
  }
}
