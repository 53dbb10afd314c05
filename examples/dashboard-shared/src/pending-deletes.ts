/** How long a deleted row offers Undo before the delete is sent. */
export const UNDO_MS = 5_000

/** Where a delete the person asked for stands. */
export type DeleteStatus =
  | { readonly phase: 'pending' }
  | { readonly phase: 'sending' }
  | { readonly phase: 'failed'; readonly error: unknown }

/** Deletes that wait {@link UNDO_MS} for an Undo before they are sent. */
export interface PendingDeletes {
  /** Starts the undo window; asking again while one is open (a double click) changes nothing. */
  request(id: string): void
  /** Cancels a delete that was not sent yet. */
  undo(id: string): void
  /** Forgets why a delete failed. */
  dismiss(id: string): void
  /** Sends every waiting delete now (the page is going away). */
  flush(): void
  status(id: string): DeleteStatus | undefined
  subscribe(listener: () => void): () => void
}

/**
 * Deletes with Undo: `request(id)` marks the row as deleted at once, and `remove(id)` (the client's
 * optimistic delete) runs only when {@link UNDO_MS} have passed without `undo(id)`. A refused delete is
 * kept as `failed` with its error until dismissed.
 *
 * @example
 * const deletes = createPendingDeletes((id) => client.delete(id))
 * deletes.request(id) // the row shows "Deleted — Undo"; the request goes out 5 s later
 */
export function createPendingDeletes(
  remove: (id: string) => Promise<void>,
  undoMs: number = UNDO_MS,
): PendingDeletes {
  let statuses: ReadonlyMap<string, DeleteStatus> = new Map()
  const timers = new Map<string, ReturnType<typeof setTimeout>>()
  const listeners = new Set<() => void>()
  const set = (id: string, status: DeleteStatus | undefined) => {
    const next = new Map(statuses)
    if (status) next.set(id, status)
    else next.delete(id)
    statuses = next
    listeners.forEach((listener) => listener())
  }
  const send = (id: string) => {
    clearTimeout(timers.get(id))
    timers.delete(id)
    set(id, { phase: 'sending' })
    remove(id).then(
      () => set(id, undefined),
      (error: unknown) => set(id, { phase: 'failed', error }),
    )
  }
  return {
    request(id) {
      const current = statuses.get(id)?.phase
      if (current === 'pending' || current === 'sending') return
      set(id, { phase: 'pending' })
      timers.set(
        id,
        setTimeout(() => send(id), undoMs),
      )
    },
    undo(id) {
      if (statuses.get(id)?.phase !== 'pending') return
      clearTimeout(timers.get(id))
      timers.delete(id)
      set(id, undefined)
    },
    dismiss(id) {
      if (statuses.get(id)?.phase === 'failed') set(id, undefined)
    },
    flush() {
      for (const id of [...timers.keys()]) send(id)
    },
    status: (id) => statuses.get(id),
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
