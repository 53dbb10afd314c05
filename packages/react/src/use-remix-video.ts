import type { RemixVideoParams, Video, VideoClient } from '@vidjob/core'
import { useVideoMutation, type VideoMutation } from './use-video-mutation'

/** What {@link useRemixVideo} takes: the completed video to start from and the remix params. @example remix.mutate({ id, prompt: 'At night' }) */
export type RemixVideoVariables = RemixVideoParams & { readonly id: string }

const remix = (client: VideoClient, { id, ...params }: RemixVideoVariables): Promise<Video> =>
  client.remix(id, params)

/**
 * Starts a new job from a completed video and a new prompt; the new job appears at the head of every
 * loaded newest-first list.
 *
 * @example
 * function RemixButton({ id }: { id: string }) {
 *   const { mutate, isPending } = useRemixVideo()
 *   return <button disabled={isPending} onClick={() => mutate({ id, prompt: 'Same scene, at night' })}>Remix</button>
 * }
 */
export function useRemixVideo(): VideoMutation<RemixVideoVariables, Video> {
  return useVideoMutation(remix)
}
