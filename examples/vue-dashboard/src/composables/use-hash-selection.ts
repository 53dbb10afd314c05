import { onScopeDispose, shallowRef, type ShallowRef } from 'vue'

const PREFIX = '#/videos/'

/**
 * The link to a video's detail view.
 *
 * @example videoHref('video_123') // '#/videos/video_123'
 */
export function videoHref(id: string): string {
  return PREFIX + encodeURIComponent(id)
}

const read = (): string | undefined =>
  location.hash.startsWith(PREFIX)
    ? decodeURIComponent(location.hash.slice(PREFIX.length)) || undefined
    : undefined

/**
 * The video whose detail is open, kept in the URL hash (`#/videos/<id>`) so links open it, a reload keeps
 * it and the Back button closes it.
 *
 * @example
 * const { selectedId, select } = useHashSelection()
 * select(video.id)
 */
export function useHashSelection(): {
  selectedId: Readonly<ShallowRef<string | undefined>>
  select(id: string | undefined): void
} {
  const selectedId = shallowRef(read())
  const sync = (): void => void (selectedId.value = read())
  window.addEventListener('hashchange', sync)
  onScopeDispose(() => window.removeEventListener('hashchange', sync))
  return {
    selectedId,
    select(id) {
      if (id) location.hash = videoHref(id)
      else history.replaceState(null, '', location.pathname + location.search)
      sync()
    },
  }
}
