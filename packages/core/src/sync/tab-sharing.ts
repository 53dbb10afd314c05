import type { VideoUpdate } from './updates'

/** What vidjob uses of the Web Locks API (`navigator.locks`). */
export interface LockManagerLike {
  request(
    name: string,
    options: { steal?: boolean; signal?: AbortSignal },
    callback: () => Promise<void>,
  ): Promise<unknown>
}

/** What vidjob uses of a `BroadcastChannel`: it never hears its own messages. */
export interface BroadcastChannelLike {
  onmessage: ((event: { data: unknown }) => void) | null
  postMessage(message: unknown): void
  close(): void
}

/** The browser APIs tab sharing needs; without either, each tab holds its own stream. */
export interface TabSharingApis {
  readonly locks: LockManagerLike
  readonly channel: (name: string) => BroadcastChannelLike
}

/** Opens this tab's own stream after `lastEventId`; every update comes with the last event id seen. */
export type OpenStream = (
  lastEventId: string,
  emit: (update: VideoUpdate, lastEventId: string) => void,
) => () => void

/** How often the leader says it is alive, and where the stream stands. */
export const BEAT_MS = 250
/** A leader silent this long is taken as hung, and its stream taken over (the issue asks for ≤ 1 s). */
export const TAKEOVER_MS = 750

type TabMessage =
  | { readonly kind: 'update'; readonly update: VideoUpdate; readonly lastEventId: string }
  | { readonly kind: 'beat'; readonly open: boolean; readonly lastEventId: string }

/**
 * The browser's Web Locks and BroadcastChannel, in a page that has both. Not in Node, even where it has
 * both: clients of one process may stream as different users, which tabs of one browser (one cookie jar)
 * never do.
 */
export function browserTabSharing(): TabSharingApis | undefined {
  const scope = globalThis as {
    document?: unknown
    navigator?: { locks?: LockManagerLike }
    BroadcastChannel?: new (name: string) => BroadcastChannelLike
  }
  const locks = scope.navigator?.locks
  const Channel = scope.BroadcastChannel
  if (scope.document === undefined || locks === undefined || Channel === undefined) return undefined
  return { locks, channel: (name) => new Channel(name) }
}

/**
 * One stream per browser for `key`: the tab holding the Web Lock opens it and relays every update to the
 * others over a BroadcastChannel, with a beat that tells late joiners whether it is open. When the leader
 * closes, the lock passes to a waiting tab; when it stops beating (a hung tab), a follower steals the lock.
 * Either way the new leader resumes after the last event id it heard, so no update is lost between them.
 * Returns the teardown.
 */
export function shareAcrossTabs(
  apis: TabSharingApis,
  key: string,
  open: OpenStream,
  emit: (update: VideoUpdate) => void,
): () => void {
  const channel = apis.channel(`vidjob:updates:${key}`)
  let stopped = false
  let waiting: AbortController | undefined
  /** The lock request this tab leads under, if it leads. */
  let held: object | undefined
  let isOpen = false
  let lastEventId = ''
  let lastHeard = Date.now()
  let closeStream: (() => void) | undefined
  let releaseLock: (() => void) | undefined

  const note = (update: VideoUpdate): void => {
    if (update.type === 'open' || update.type === 'closed') isOpen = update.type === 'open'
    emit(update)
  }
  const post = (message: TabMessage): void => channel.postMessage(message)

  const lead = (): Promise<void> => {
    lastHeard = Date.now()
    // At once, so the other followers of a hung leader hear of this one before they steal too.
    post({ kind: 'beat', open: isOpen, lastEventId })
    closeStream = open(lastEventId, (update, id) => {
      lastEventId = id
      note(update)
      post({ kind: 'update', update, lastEventId })
    })
    return new Promise<void>((resolve) => (releaseLock = resolve))
  }
  const stepDown = (): void => {
    held = undefined
    closeStream?.()
    closeStream = undefined
    releaseLock = undefined
    lastHeard = Date.now()
  }
  const contend = (steal: boolean): void => {
    // One request per tab: a steal replaces the wait (Web Locks take no signal with `steal`).
    waiting?.abort()
    waiting = steal ? undefined : new AbortController()
    const request = {}
    const options = waiting ? { signal: waiting.signal } : { steal: true }
    apis.locks
      .request(`vidjob:updates:${key}`, options, () => {
        held = request
        return lead()
      })
      // Stolen (this tab hung and another took over): follow, and wait for the lock again. A request
      // that never led (replaced by a steal) changes nothing.
      .catch(() => undefined)
      .finally(() => {
        if (held !== request) return
        stepDown()
        if (!stopped) contend(false)
      })
  }

  channel.onmessage = ({ data }) => {
    const message = data as TabMessage
    if (held !== undefined) return
    lastHeard = Date.now()
    lastEventId = message.lastEventId
    if (message.kind === 'update') note(message.update)
    else if (message.open !== isOpen) note({ type: message.open ? 'open' : 'closed' })
  }
  const beat = setInterval(() => {
    if (held !== undefined) post({ kind: 'beat', open: isOpen, lastEventId })
    else if (Date.now() - lastHeard > TAKEOVER_MS) {
      lastHeard = Date.now()
      contend(true)
    }
  }, BEAT_MS)
  contend(false)

  return () => {
    clearInterval(beat)
    stopped = true
    waiting?.abort()
    releaseLock?.()
    stepDown()
    channel.onmessage = null
    channel.close()
  }
}
