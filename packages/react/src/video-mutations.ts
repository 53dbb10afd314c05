import type { CreateVideoParams, Video } from '@vidjob/core'
import {
  createVideoMutation,
  deleteVideoMutation,
  remixVideoMutation,
  type RemixVideoVariables,
} from '@vidjob/core/bindings'
import { useVideoMutation, type UseVideoMutationResult } from './use-video-mutation'

/**
 * Starts a new video job. Params that break `CreateVideoParamsSchema` (e.g. an empty prompt) fail with a
 * `VideoValidationError` (`error.issuesByField()` names each field) and nothing is sent. The new job appears
 * at the head of every loaded newest-first list at once.
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
export function useCreateVideo(): UseVideoMutationResult<CreateVideoParams, Video> {
  return useVideoMutation(createVideoMutation)
}

/**
 * Starts a new job from a completed video and a new prompt; the new job appears at the head of every
 * loaded newest-first list.
 *
 * @example
 * const { mutate, isPending } = useRemixVideo()
 * mutate({ id, prompt: 'Same scene, at night' })
 */
export function useRemixVideo(): UseVideoMutationResult<RemixVideoVariables, Video> {
  return useVideoMutation(remixVideoMutation)
}

/**
 * Deletes a video optimistically: it leaves every list and its job reads `isDeleted` during the call,
 * before the request is sent. If the server refuses, it comes back in its place and `error` says why
 * (`variables` holds the id, to show the error on the right row).
 *
 * @example
 * const { mutate: remove, error, variables } = useDeleteVideo()
 * remove(video.id)
 */
export function useDeleteVideo(): UseVideoMutationResult<string, void> {
  return useVideoMutation(deleteVideoMutation)
}
