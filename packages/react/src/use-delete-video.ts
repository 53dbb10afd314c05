import type { VideoClient } from '@vidjob/core'
import { useVideoMutation, type VideoMutation } from './use-video-mutation'

const remove = (client: VideoClient, id: string): Promise<void> => client.delete(id)

/**
 * Deletes a video optimistically: it leaves every list and its job reads `isDeleted` during the call,
 * before the request is sent. If the server refuses, it comes back in its place and `error` says why.
 *
 * @example
 * function DeleteButton({ id }: { id: string }) {
 *   const { mutate, error } = useDeleteVideo()
 *   return (
 *     <>
 *       <button onClick={() => mutate(id)}>Delete</button>
 *       {error && <p role="alert">Could not delete: {error.message}</p>}
 *     </>
 *   )
 * }
 */
export function useDeleteVideo(): VideoMutation<string, void> {
  return useVideoMutation(remove)
}
