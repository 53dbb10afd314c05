import { type Video, type VideoTransport } from '@vidjob/core'
import { VideoSchema } from '@vidjob/core/schema'
import { isFinished } from './tanstack-queries'

/**
 * What one component does without a library: fetch on mount, then every `intervalMs` with `setInterval`,
 * until the job ends; nothing is shared with other components. Returns the cleanup.
 *
 * @example useEffect(() => pollVideo(transport, id, 5_000, setVideo), [id])
 */
export function pollVideo(
  transport: VideoTransport,
  id: string,
  intervalMs: number,
  onVideo: (video: Video) => void,
): () => void {
  const controller = new AbortController()
  const poll = async (): Promise<void> => {
    try {
      const video = VideoSchema.parse((await transport.retrieve(id, { signal: controller.signal })).body)
      if (isFinished(video)) clearInterval(timer)
      onVideo(video)
    } catch {
      // Shows what it had and tries again at the next tick.
    }
  }
  const timer = setInterval(() => void poll(), intervalMs)
  void poll()
  return () => {
    clearInterval(timer)
    controller.abort()
  }
}
