import type { CreateVideoParams, Video, VideoClient } from '@vidjob/core'
import { useVideoMutation, type VideoMutation } from './use-video-mutation'

const create = (client: VideoClient, params: CreateVideoParams): Promise<Video> => client.create(params)

/**
 * Starts a new video job. Params that break `CreateVideoParamsSchema` (e.g. an empty prompt) fail with a
 * `VideoValidationError` whose `issues` name each field, and nothing is sent. The new job appears at the
 * head of every loaded newest-first list at once.
 *
 * @example
 * function NewVideo() {
 *   const { mutate, isPending, error } = useCreateVideo()
 *   return (
 *     <form onSubmit={(e) => { e.preventDefault(); mutate({ prompt: 'A paper boat in the rain', seconds: '8' }) }}>
 *       <button disabled={isPending}>Generate</button>
 *       {error && <p role="alert">{error.message}</p>}
 *     </form>
 *   )
 * }
 */
export function useCreateVideo(): VideoMutation<CreateVideoParams, Video> {
  return useVideoMutation(create)
}
