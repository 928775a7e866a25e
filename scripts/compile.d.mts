export function upToDate(root?: string): boolean
export function compile(options?: {clean?: boolean}): Promise<boolean>
