import type { VideoClient } from '@vidjob/core'
import { createContext, useContext, type ReactNode } from 'react'

const VideoClientContext = createContext<VideoClient | undefined>(undefined)

/** Props of {@link VideoClientProvider}. */
export interface VideoClientProviderProps {
  /** The one client of the app; the provider never disposes it, whoever created it owns it. */
  client: VideoClient
  children?: ReactNode
}

/**
 * Makes a video client available to every hook below it. Create the client once, outside render (a module
 * constant or a lazy `useState`), so every component shares its cache and poller.
 *
 * @example
 * const client = createVideoClient({ transport: createFetchTransport({ baseURL: '/api/videos/v1' }) })
 * createRoot(root).render(
 *   <VideoClientProvider client={client}>
 *     <App />
 *   </VideoClientProvider>,
 * )
 */
export function VideoClientProvider({ client, children }: VideoClientProviderProps): ReactNode {
  return <VideoClientContext.Provider value={client}>{children}</VideoClientContext.Provider>
}

/**
 * The client of the nearest {@link VideoClientProvider}; throws if there is none, because every hook
 * would otherwise fail later with a less useful message.
 *
 * @example
 * const client = useVideoClient()
 * const onWebhook = (id: string) => client.refetch(id)
 */
export function useVideoClient(): VideoClient {
  const client = useContext(VideoClientContext)
  if (client === undefined) {
    throw new Error(
      'useVideoClient() found no video client: wrap your app in <VideoClientProvider client={client}> (from @vidjob/react).',
    )
  }
  return client
}
