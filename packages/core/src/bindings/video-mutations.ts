import type { CreateVideoParams, RemixVideoParams } from '../schema/params'
import type { Video } from '../schema/video'
import type { VideoClient } from '../types'
import { createMutation, type VideoMutation } from './mutation'

/** What a remix mutation takes: the completed video to start from and the remix params. */
export type RemixVideoVariables = RemixVideoParams & { readonly id: string }

/**
 * Creates video jobs. The new job joins the head of every loaded newest-first list; params that fail
 * `CreateVideoParamsSchema` end in a `VideoValidationError` whose `issuesByField()` names each field, unsent.
 */
export function createVideoMutation(client: VideoClient): VideoMutation<CreateVideoParams, Video> {
  return createMutation((params: CreateVideoParams) => client.create(params))
}

/** Starts new jobs from completed videos and new prompts, with the same effects on lists as a create. */
export function remixVideoMutation(client: VideoClient): VideoMutation<RemixVideoVariables, Video> {
  return createMutation(({ id, ...params }: RemixVideoVariables) => client.remix(id, params))
}

/**
 * Deletes videos optimistically: a video leaves every list and reads `isDeleted` at once; if the server
 * refuses, it comes back in place and `error` says why (`variables` holds the id, for the right row).
 */
export function deleteVideoMutation(client: VideoClient): VideoMutation<string, void> {
  return createMutation((id: string) => client.delete(id))
}
