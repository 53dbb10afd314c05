interface Entry {
  readonly at: number
  readonly order: number
  readonly run: () => void
}

/**
 * The soak driver's own to-do list, ordered by simulated time. It holds no timer: the driver advances
 * the clock to the next entry and runs what is due, so `vi.getTimerCount()` counts the client's and the
 * mock's timers only.
 *
 * @example
 * const agenda = new Agenda()
 * agenda.at(5_000, () => console.log('five seconds in'))
 * agenda.runDue(Date.now())
 */
export class Agenda {
  private entries: Entry[] = []
  private added = 0

  /** Runs `run` once the clock reaches `at` (entries due at the same time run in the order added). */
  at(at: number, run: () => void): void {
    const entry = { at, order: this.added++, run }
    const index = this.entries.findIndex((other) => other.at > at)
    if (index === -1) this.entries.push(entry)
    else this.entries.splice(index, 0, entry)
  }

  /** When the next entry is due, if any. */
  nextAt(): number | undefined {
    return this.entries[0]?.at
  }

  /** Runs every entry due at `now`, including ones that due entries add for `now` or earlier. */
  runDue(now: number): void {
    for (let entry = this.entries[0]; entry && entry.at <= now; entry = this.entries[0]) {
      this.entries.shift()
      entry.run()
    }
  }
}
