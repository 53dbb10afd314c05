import type { Video } from '@vidjob/core'
import { useRemixVideo } from '@vidjob/react'
import { useId, useState, type FormEvent, type ReactNode } from 'react'
import { describeError, promptCount, promptProblem } from '@vidjob/dashboard-shared'
import { describedBy, PromptCount } from './prompt-count'

/**
 * An inline form that starts a remix of a completed video; the new job appears at the top of the list.
 * Escape cancels it. Its messages are the create form's plain ones.
 *
 * @example <RemixForm video={video} onDone={() => setRemixing(false)} />
 */
export function RemixForm({
  video,
  onDone,
}: {
  video: Video
  /** Called with the new job once it started, or without one when cancelled. */
  onDone: (remix?: Video) => void
}): ReactNode {
  const remix = useRemixVideo()
  const [prompt, setPrompt] = useState('')
  const [problem, setProblem] = useState<string | undefined>()
  const inputId = useId()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = promptProblem(prompt)
    setProblem(found)
    if (found) return
    remix.mutateAsync({ id: video.id, prompt: prompt.trim() }).then(onDone, () => {})
  }
  const message =
    problem ?? (remix.error ? `Could not start the remix: ${describeError(remix.error)}` : undefined)
  return (
    <form
      className="remix"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        // Escape closes this form first, not the detail view around it.
        event.preventDefault()
        onDone()
      }}
      noValidate
      aria-label={`Remix “${video.prompt ?? video.id}”`}
    >
      <label htmlFor={inputId}>What should change?</label>
      <div className="remix-controls">
        <input
          id={inputId}
          value={prompt}
          onChange={(event) => setPrompt(event.target.value)}
          placeholder="Same scene, but at night"
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy(inputId, { count: promptCount(prompt), error: message })}
          // Focus lands here when the form opens, so a keyboard user can type at once.
          autoFocus
        />
        <button type="submit" className="button button-primary" disabled={remix.isPending}>
          {remix.isPending ? 'Starting…' : 'Start remix'}
        </button>
        <button type="button" className="button" onClick={() => onDone()}>
          Cancel
        </button>
      </div>
      <PromptCount id={`${inputId}-count`} prompt={prompt} />
      {message && (
        <p id={`${inputId}-error`} role="alert" className="field-error">
          {message}
        </p>
      )}
    </form>
  )
}
