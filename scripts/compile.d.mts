export function upToDate(root?: string): boolean
export function compile(options?: {clean?: boolean; root?: string}): boolean
