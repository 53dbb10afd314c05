import type { CreateVideoParams, Video } from '@vidjob/core'
import {
  createVideoMutation,
  deleteVideoMutation,
  remixVideoMutation,
  type RemixVideoVariables,
} from '@vidjob/core/bindings'
import { useVideoMutation, type UseVideoMutationResult } from './use-video-mutation'
import { useVideoClient } from './video-client-plugin'

/**
 * Creates a video job. The new job joins the head of every loaded newest-first list and is polled while
 * observed. Params that fail `CreateVideoParamsSchema` reject with a `VideoValidationError`
 * (`error.issuesByField()` names the fields) and are not sent.
 *
 * @example
 * const { mutateAsync, isPending, error } = useCreateVideo()
 * const video = await mutateAsync({ prompt: 'A paper boat in the rain', seconds: '8' })
 */
export function useCreateVideo(): UseVideoMutationResult<CreateVideoParams, Video> {
  return useVideoMutation(createVideoMutation(useVideoClient()))
}

/**
 * Starts a new job from a completed video and a new prompt, with the same effects on lists as a creation.
 *
 * @example
 * const remix = useRemixVideo()
 * remix.mutate({ id: video.id, prompt: 'Same scene, at night' })
 */
export function useRemixVideo(): UseVideoMutationResult<RemixVideoVariables, Video> {
  return useVideoMutation(remixVideoMutation(useVideoClient()))
}

/**
 * Deletes a video optimistically: it leaves every list and reads `isDeleted` at once; if the server refuses,
 * it comes back in place and `error` holds why (`variables` holds the id, to show it on the right row).
 *
 * @example
 * const { mutate: remove, error, variables } = useDeleteVideo()
 * remove(video.id)
 */
export function useDeleteVideo(): UseVideoMutationResult<string, void> {
  return useVideoMutation(deleteVideoMutation(useVideoClient()))
}
