import { StoreUnavailableError, type OwnershipStore } from '../src/store/ownership-store'
import { createMemoryStore } from '../src/store/memory-store'

/**
 * A memory store that can be taken down: while `down`, every operation rejects with
 * {@link StoreUnavailableError}, as the Redis store does when Redis is unreachable.
 */
export function downableStore(): { store: OwnershipStore; down: boolean } {
  const inner = createMemoryStore()
  const state = { down: false, store: inner }
  const guard =
    <A extends unknown[], R>(operation: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      state.down
        ? Promise.reject(new StoreUnavailableError('Redis at redis://test is unavailable.'))
        : operation(...args)
  state.store = {
    claim: guard(inner.claim),
    ownerOf: guard(inner.ownerOf),
    get: guard(inner.get),
    update: guard(inner.update),
    remove: guard(inner.remove),
    list: guard(inner.list),
    live: guard(inner.live),
    markWebhook: guard(inner.markWebhook),
    close: inner.close,
  }
  return state
}
