import type { RelayUser } from '@vidjob/server'

const COOKIE = 'session'
const encoder = new TextEncoder()

/**
 * A session cookie your sign-in route sets: `<user id>.<HMAC-SHA256 of it, base64url>`. The relay's
 * `authenticate` only needs to verify it; any session library (iron-session, next-auth's `auth()`) fits
 * the same hook.
 *
 * @example cookies().set('session', await signSession(user.id, process.env.SESSION_SECRET!), { httpOnly: true })
 */
export async function signSession(userId: string, secret: string): Promise<string> {
  return `${userId}.${await mac(userId, secret)}`
}

/**
 * The relay's `authenticate` for that cookie: the user it names when its signature verifies, else null.
 *
 * @example createVideoRelay({ upstream, authenticate: sessionUser(process.env.SESSION_SECRET!) })
 */
export function sessionUser(secret: string): (request: Request) => Promise<RelayUser | null> {
  return async (request) => {
    const value = new RegExp(`(?:^|;\\s*)${COOKIE}=([^;]+)`).exec(request.headers.get('cookie') ?? '')?.[1]
    const dot = value?.lastIndexOf('.') ?? -1
    if (!value || dot <= 0) return null
    const userId = value.slice(0, dot)
    const key = await hmacKey(secret)
    const signature = fromBase64Url(value.slice(dot + 1))
    if (!signature) return null
    const valid = await crypto.subtle.verify('HMAC', key, signature, encoder.encode(userId))
    return valid ? { id: userId } : null
  }
}

async function mac(text: string, secret: string): Promise<string> {
  const signature = await crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(text))
  return Buffer.from(signature).toString('base64url')
}

function hmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ])
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return undefined
  return new Uint8Array(Buffer.from(text, 'base64url'))
}
