import type { BroadcastChannelLike, LockManagerLike, TabSharingApis } from '../src/sync/tab-sharing'

interface Request {
  readonly callback: () => Promise<void>
  readonly resolve: (value: unknown) => void
  readonly reject: (reason: unknown) => void
}

const abortError = (): Error =>
  Object.assign(new Error('The lock request was aborted.'), { name: 'AbortError' })

/** The Web Locks API of one browser, for one lock name at a time: grants in order, `steal`, `signal`. */
export class FakeLocks implements LockManagerLike {
  #holder: Request | undefined
  readonly #queue: Request[] = []

  request(
    _name: string,
    options: { steal?: boolean; signal?: AbortSignal },
    callback: () => Promise<void>,
  ): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const request: Request = { callback, resolve, reject }
      if (options.steal) {
        this.#holder?.reject(abortError())
        this.#grant(request)
      } else if (this.#holder === undefined) this.#grant(request)
      else {
        this.#queue.push(request)
        options.signal?.addEventListener('abort', () => {
          const index = this.#queue.indexOf(request)
          if (index < 0) return
          this.#queue.splice(index, 1)
          reject(abortError())
        })
      }
    })
  }

  #grant(request: Request): void {
    this.#holder = request
    queueMicrotask(() => {
      void request.callback().then((value) => {
        request.resolve(value)
        // A stolen lock's callback ending frees nothing: another request holds it now.
        if (this.#holder !== request) return
        this.#holder = undefined
        const next = this.#queue.shift()
        if (next) this.#grant(next)
      })
    })
  }
}

/** BroadcastChannels of one browser: a message reaches every other channel of its name, a task later. */
export class FakeBus {
  readonly #members = new Map<string, Set<FakeChannel>>()

  join(channel: FakeChannel): void {
    const members = this.#members.get(channel.name) ?? new Set()
    members.add(channel)
    this.#members.set(channel.name, members)
  }

  leave(channel: FakeChannel): void {
    this.#members.get(channel.name)?.delete(channel)
  }

  deliver(from: FakeChannel, data: unknown): void {
    for (const member of this.#members.get(from.name) ?? [])
      if (member !== from) queueMicrotask(() => member.onmessage?.({ data: structuredClone(data) }))
  }
}

class FakeChannel implements BroadcastChannelLike {
  onmessage: ((event: { data: unknown }) => void) | null = null

  constructor(
    readonly name: string,
    readonly bus: FakeBus,
    readonly tab: FakeTab,
  ) {
    bus.join(this)
  }

  postMessage(message: unknown): void {
    if (!this.tab.hung) this.bus.deliver(this, message)
  }

  close(): void {
    this.bus.leave(this)
  }
}

/** One tab's view of a browser's locks and channels; `hung` silences everything it posts. */
export class FakeTab implements TabSharingApis {
  hung = false

  constructor(
    readonly locks: FakeLocks,
    readonly bus: FakeBus,
  ) {}

  channel = (name: string): BroadcastChannelLike => new FakeChannel(name, this.bus, this)
}

/** A browser with `count` tabs sharing its locks and channels. */
export function fakeBrowser(count: number): FakeTab[] {
  const locks = new FakeLocks()
  const bus = new FakeBus()
  return Array.from({ length: count }, () => new FakeTab(locks, bus))
}
