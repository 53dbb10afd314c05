import type { VideoTransport } from '@vidjob/core'

/**
 * Wraps a transport so `onVideo(id)` is told each time an answer carrying a job's data reaches the
 * client: a retrieve of it, or a list page holding it. That is a refresh of the job, whichever request
 * brought it; what the library then does with the body is its own business. The wrapper is the same
 * for every library and costs a `Set`/`Map` lookup per job delivered.
 *
 * @example const transport = observeDeliveries(createFetchTransport(options), (id) => refreshes++)
 */
export function observeDeliveries(transport: VideoTransport, onVideo: (id: string) => void): VideoTransport {
  return {
    list: async (query, options) => {
      const result = await transport.list(query, options)
      const data = (result.body as { data?: unknown } | null)?.data
      if (Array.isArray(data))
        for (const row of data as { id?: unknown }[]) if (typeof row?.id === 'string') onVideo(row.id)
      return result
    },
    retrieve: async (id, options) => {
      const result = await transport.retrieve(id, options)
      onVideo(id)
      return result
    },
    create: (params, options) => transport.create(params, options),
    remix: (id, params, options) => transport.remix(id, params, options),
    delete: (id, options) => transport.delete(id, options),
    downloadContent: (id, query, options) => transport.downloadContent(id, query, options),
  }
}

/** How many requests of each kind a slice of the mock's log holds. */
export interface RequestCounts {
  readonly retrieve: number
  readonly list: number
  readonly other: number
}

/**
 * Counts the requests of a slice of the mock's request log.
 *
 * @example countRequests(api.log) // { retrieve: 132, list: 1, other: 0 }
 */
export function countRequests(entries: readonly { endpoint: string }[]): RequestCounts {
  let retrieve = 0
  let list = 0
  for (const entry of entries)
    if (entry.endpoint === 'retrieve') retrieve++
    else if (entry.endpoint === 'list') list++
  return { retrieve, list, other: entries.length - retrieve - list }
}
