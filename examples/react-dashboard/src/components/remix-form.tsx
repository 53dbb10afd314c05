import type { Video } from '@vidjob/core'
import { useRemixVideo } from '@vidjob/react'
import { useId, useState, type FormEvent, type ReactNode } from 'react'

/**
 * An inline form that starts a remix of a completed video; the new job appears at the top of the list.
 *
 * @example <RemixForm video={video} onDone={() => setRemixing(false)} />
 */
export function RemixForm({ video, onDone }: { video: Video; onDone: () => void }): ReactNode {
  const remix = useRemixVideo()
  const [prompt, setPrompt] = useState('')
  const inputId = useId()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    remix.mutateAsync({ id: video.id, prompt }).then(onDone, () => {})
  }
  return (
    <form className="remix" onSubmit={submit} aria-label={`Remix “${video.prompt ?? video.id}”`}>
      <label htmlFor={inputId}>What should change?</label>
      <div className="remix-controls">
        <input
          id={inputId}
          value={prompt}
          onChange={(event) => setPrompt(event.target.value)}
          placeholder="Same scene, but at night"
          // Focus lands here when the form opens, so a keyboard user can type at once.
          autoFocus
        />
        <button type="submit" className="button button-primary" disabled={remix.isPending}>
          {remix.isPending ? 'Starting…' : 'Start remix'}
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      {remix.error && (
        <p role="alert" className="field-error">
          {remix.error.message}
        </p>
      )}
    </form>
  )
}
