import { Webhook } from 'standardwebhooks'
import { badRequest, json } from '../http'
import type { RelayContext } from './context'

/** Standard Webhooks' tolerance, doubled: a replayed id is remembered for as long as it could verify. */
const REMEMBER_MS = 10 * 60_000
const MAX_WEBHOOK_BYTES = 64 * 1024
const VIDEO_EVENTS = new Set(['video.completed', 'video.failed'])

/** A parsed webhook payload: OpenAI sends `{ type, data: { id } }`. */
interface VideoWebhookPayload {
  readonly type?: unknown
  readonly data?: { readonly id?: unknown } | null
}

/**
 * `POST /webhooks`: a Standard Webhooks delivery (`webhook-id`, `webhook-timestamp`, `webhook-signature`,
 * a `whsec_` secret, 5 minutes of tolerance), verified by the `standardwebhooks` package. A bad signature
 * is 400 and changes nothing; a replayed `webhook-id` is acknowledged and ignored; `video.completed` and
 * `video.failed` of a video the relay knows refetch it at once, and its owner's streams get the change.
 */
export async function receiveWebhook(
  context: RelayContext,
  verifier: Webhook,
  request: Request,
): Promise<Response> {
  const length = Number(request.headers.get('content-length') ?? 0)
  if (length > MAX_WEBHOOK_BYTES) return badRequest('The webhook body is too large.')
  const body = await request.text()
  if (body.length > MAX_WEBHOOK_BYTES) return badRequest('The webhook body is too large.')
  let payload: VideoWebhookPayload
  try {
    payload = verifier.verify(body, Object.fromEntries(request.headers)) as VideoWebhookPayload
  } catch {
    return badRequest('The webhook signature does not verify (check the secret and the server clock).')
  }
  const webhookId = request.headers.get('webhook-id') as string
  if (!(await context.store.markWebhook(webhookId, Date.now() + REMEMBER_MS)))
    return json(200, { received: true, duplicate: true })
  const id = payload.data?.id
  if (!VIDEO_EVENTS.has(String(payload.type)) || typeof id !== 'string') return json(200, { received: true })
  const owner = await context.store.ownerOf(id)
  if (owner === undefined) return json(200, { received: true })
  await context.client.refetch(id)
  const video = context.client.getJob(id).video
  if (video) context.live.publish(owner, video)
  return json(200, { received: true })
}

/** The verifier of a `whsec_` secret; a malformed secret fails here, when the relay is created. */
export function webhookVerifier(secret: string): Webhook {
  return new Webhook(secret)
}
