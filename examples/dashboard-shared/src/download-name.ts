import type { Video } from '@vidjob/core'

const MAX_SLUG = 40

/**
 * A file name for a video's MP4: the start of its prompt as a slug, then its id, e.g.
 * `a-lighthouse-beam-sweeping-over-a-stormy-video_123.mp4`. Only letters, digits, `-` and `_` are kept, so
 * the name is safe on every file system.
 *
 * @example downloadName({ id: 'video_123', prompt: 'A fox in snow!' }) // 'a-fox-in-snow-video_123.mp4'
 */
export function downloadName(video: Pick<Video, 'id' | 'prompt'>): string {
  const words = (video.prompt ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
  let slug = ''
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word
    if (next.length > MAX_SLUG) break
    slug = next
  }
  if (!slug && words[0]) slug = words[0].slice(0, MAX_SLUG)
  const id = video.id.replace(/[^A-Za-z0-9_-]+/g, '-')
  return `${slug ? `${slug}-` : ''}${id}.mp4`
}
