import type { CreateVideoParams, RemixVideoParams, Video } from '@vidjob/core'
import { useMutation, type UseVideoMutationReturn } from './use-mutation'
import { useVideoClient } from './video-client-plugin'

/** What {@link useRemixVideo} takes: the completed video to start from and the remix params. @example const v: RemixVideoVariables = { id: 'video_123', prompt: 'At night' } */
export type RemixVideoVariables = RemixVideoParams & { readonly id: string }

/**
 * Creates a video job. The new job joins the head of every loaded newest-first list and is polled while
 * observed. Params that fail `CreateVideoParamsSchema` reject with a `VideoValidationError` (its `issues`
 * name the fields) and are not sent.
 *
 * @example
 * const { mutateAsync, isPending, error } = useCreateVideo()
 * const video = await mutateAsync({ prompt: 'A paper boat in the rain', seconds: '8' })
 */
export function useCreateVideo(): UseVideoMutationReturn<CreateVideoParams, Video> {
  const client = useVideoClient()
  return useMutation((params: CreateVideoParams) => client.create(params))
}

/**
 * Starts a new job from a completed video and a new prompt, with the same effects on lists as a creation.
 *
 * @example
 * const remix = useRemixVideo()
 * remix.mutate({ id: video.id, prompt: 'Same scene, at night' })
 */
export function useRemixVideo(): UseVideoMutationReturn<RemixVideoVariables, Video> {
  const client = useVideoClient()
  return useMutation(({ id, ...params }: RemixVideoVariables) => client.remix(id, params))
}

/**
 * Deletes a video optimistically: it leaves every list and reads `isDeleted` at once; if the server refuses,
 * it comes back in place and `error` holds why (`variables` holds the id, to show it on the right row).
 *
 * @example
 * const { mutate: remove, error, variables } = useDeleteVideo()
 * remove(video.id)
 */
export function useDeleteVideo(): UseVideoMutationReturn<string, void> {
  const client = useVideoClient()
  return useMutation((id: string) => client.delete(id))
}
