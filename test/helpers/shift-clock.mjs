// Preloaded with --import: moves this process's clock by CLOCK_SHIFT_DAYS, to prove outputs never read it.
const shift = Number(process.env.CLOCK_SHIFT_DAYS ?? 0) * 86_400_000
const RealDate = Date
class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + shift)
    else super(...args)
  }
  static now() {
    return RealDate.now() + shift
  }
}
globalThis.Date = ShiftedDate
