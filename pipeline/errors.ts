// Errors whose message is for the user as it is: a problem of setup, not of the sources, and not a bug.
export class Art67Error extends Error {
  override name = 'Art67Error'
}
