import { useSyncExternalStore } from 'react'

const VIDEO_ROUTE = /^#\/videos\/([^/]+)$/

const subscribe = (onChange: () => void): (() => void) => {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

const selectedId = (): string | undefined => {
  const match = VIDEO_ROUTE.exec(window.location.hash)
  return match?.[1] === undefined ? undefined : decodeURIComponent(match[1])
}

/**
 * The video selected by the URL (`#/videos/<id>`), so a detail view can be linked, bookmarked and left
 * with the back button. Hash routing needs no server rewrite rules in any of the ways the app is served.
 *
 * @example
 * const id = useSelectedVideoId()
 * return id ? <VideoDetail id={id} /> : null
 */
export function useSelectedVideoId(): string | undefined {
  return useSyncExternalStore(subscribe, selectedId, () => undefined)
}

/**
 * The link to a video's detail view.
 *
 * @example <a href={videoHref(video.id)}>{video.prompt}</a>
 */
export function videoHref(id: string): string {
  return `#/videos/${encodeURIComponent(id)}`
}
