import type { Video } from '@vidjob/core'
import { validateCreateVideoParams, validateRemixVideoParams } from '@vidjob/core/schema'
import { badRequest, json } from '../http'
import type { RelayUser } from '../options'
import { StoreUnavailableError } from '../store/ownership-store'
import { readParams } from '../request-body'
import { UnknownCursorError } from '../store/page'
import { ownVideo, type RelayContext } from './context'

const LIMIT = /^\d+$/

/** `GET /videos`: the caller's own videos, from the relay's index, paged exactly like the API. */
export async function listVideos(context: RelayContext, user: RelayUser, url: URL): Promise<Response> {
  const params = url.searchParams
  const limit = params.get('limit') ?? '20'
  const order = params.get('order') ?? 'desc'
  const after = params.get('after') ?? undefined
  if (!LIMIT.test(limit) || Number(limit) > 100)
    return badRequest(`limit must be an integer from 0 to 100; got '${limit}'.`, 'limit')
  if (order !== 'asc' && order !== 'desc')
    return badRequest(`order must be 'asc' or 'desc'; got '${order}'.`, 'order')
  try {
    const page = await context.store.list(user.id, { after, limit: Number(limit), order })
    const data = page.videos.map((video) => context.live.latest(user.id, video))
    return json(200, {
      object: 'list',
      data,
      first_id: data[0]?.id ?? null,
      last_id: data.at(-1)?.id ?? null,
      has_more: page.hasMore,
    })
  } catch (error) {
    if (error instanceof UnknownCursorError) return badRequest(error.message, 'after')
    throw error
  }
}

/** `POST /videos`: starts a job for the caller, within their limits, and records that it is theirs. */
export async function createVideo(
  context: RelayContext,
  user: RelayUser,
  request: Request,
): Promise<Response> {
  const body = await readParams(request, context.limits.maxBodyBytes)
  if (!body.ok) return body.response
  const refused =
    context.limits.checkPrompt(body.value.prompt) ?? invalid(validateCreateVideoParams(body.value))
  if (refused) return refused
  return started(context, user, () =>
    context.client.create(body.value as Parameters<typeof context.client.create>[0]),
  )
}

/** `POST /videos/{id}/remix`: only of the caller's own video (another user's is 404). */
export async function remixVideo(
  context: RelayContext,
  user: RelayUser,
  id: string,
  request: Request,
): Promise<Response> {
  const own = await ownVideo(context, user, id)
  if ('response' in own) return own.response
  const body = await readParams(request, context.limits.maxBodyBytes)
  if (!body.ok) return body.response
  const refused =
    context.limits.checkPrompt(body.value.prompt) ?? invalid(validateRemixVideoParams(body.value))
  if (refused) return refused
  return started(context, user, () => context.client.remix(id, { prompt: body.value.prompt as string }))
}

/** `GET /videos/{id}`: the relay's latest state of the caller's video; viewers cost the upstream nothing. */
export async function retrieveVideo(context: RelayContext, user: RelayUser, id: string): Promise<Response> {
  let own: Awaited<ReturnType<typeof ownVideo>>
  try {
    own = await ownVideo(context, user, id)
  } catch (error) {
    // The shared store is down: a job this instance polls is known here, owner included, so it is served.
    const watched = error instanceof StoreUnavailableError ? context.live.watched(id) : undefined
    if (watched?.ownerId !== user.id) throw error
    return json(200, watched.video)
  }
  return 'response' in own ? own.response : json(200, own.video)
}

/** `DELETE /videos/{id}`: deletes the caller's video upstream, then forgets it. */
export async function deleteVideo(context: RelayContext, user: RelayUser, id: string): Promise<Response> {
  const own = await ownVideo(context, user, id)
  if ('response' in own) return own.response
  // Let go first: the client's optimistic delete must not read as the job vanishing upstream.
  const wasLive = context.live.current(id) !== undefined
  context.live.forget(id)
  try {
    await context.client.delete(id)
  } catch (error) {
    if (wasLive) context.live.track(user.id, own.video)
    return context.fail(error)
  }
  await context.store.remove(id)
  return json(200, { id, object: 'video.deleted', deleted: true })
}

/** Sends a create or remix within the caller's limits, then records, watches and publishes the job. */
async function started(
  context: RelayContext,
  user: RelayUser,
  send: () => Promise<Video>,
): Promise<Response> {
  // Counted in the store, not in this instance: with a shared store the limit holds across instances, and a
  // store that is down refuses the create (503) before a job exists upstream that nobody would own.
  const live = await context.store.live(user.id)
  const limited = await context.limits.admit(user.id, live.length)
  if (limited) return limited
  let video: Video
  try {
    video = await send()
  } catch (error) {
    return context.fail(error)
  }
  await context.store.claim(user.id, video)
  context.live.track(user.id, video)
  return json(200, video)
}

function invalid(error: Error | undefined): Response | undefined {
  return error && badRequest(error.message)
}
