// Errors whose message is for the user as it is: a problem of setup, not of the sources, and not a bug.
import type {VFile} from 'vfile'

export class Art67Error extends Error {
  override name = 'Art67Error'

  /** `problems`: files whose problems are behind the error (a report to compare with has errors), printed before it. */
  constructor(
    message: string,
    readonly problems: readonly VFile[] = []
  ) {
    super(message)
  }
}
