import { firstValueFrom, first, map, type Observable } from 'rxjs'

/**
 * How a state settles an awaited first load: `ready` resolves, a `failure` (while not ready) rejects.
 *
 * @example const loaded: Settlement<VideoListState> = { ready: (s) => !s.isLoading, failure: (s) => s.error }
 */
export interface Settlement<T> {
  ready(value: T): boolean
  failure(value: T): Error | undefined
}

/**
 * Subscribes to `source` until its first settled value, then releases it: resolves with a ready value or
 * rejects with the failure. What `suspense()` awaits in an `async setup()`.
 *
 * @example
 * await firstSettled(client.job$(id), { ready: (s) => s.video !== undefined, failure: (s) => s.error })
 */
export function firstSettled<T>(source: Observable<T>, settlement: Settlement<T>): Promise<T> {
  const { ready, failure } = settlement
  return firstValueFrom(
    source.pipe(
      first((value) => ready(value) || failure(value) !== undefined),
      map((value) => {
        const error = ready(value) ? undefined : failure(value)
        if (error) throw error
        return value
      }),
    ),
  )
}
