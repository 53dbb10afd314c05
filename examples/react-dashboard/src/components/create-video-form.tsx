import { VideoValidationError, type CreateVideoParams } from '@vidjob/core'
import { KNOWN_VIDEO_MODELS, KNOWN_VIDEO_SECONDS, KNOWN_VIDEO_SIZES } from '@vidjob/core/schema'
import { useCreateVideo } from '@vidjob/react'
import { useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react'
import { checkCreateParams, errorsOfFailure, type CreateFieldErrors } from '../create-form-errors'
import { describeError, promptCount } from '@vidjob/dashboard-shared'
import { describedBy, PromptCount } from './prompt-count'

interface Draft {
  prompt: string
  model: string
  size: string
  seconds: string
}

const INITIAL: Draft = {
  prompt: '',
  model: KNOWN_VIDEO_MODELS[0],
  size: KNOWN_VIDEO_SIZES[0],
  seconds: KNOWN_VIDEO_SECONDS[0],
}

/**
 * The form that starts a job: prompt, model, size, duration (the spec's known values) and an optional
 * reference image. Messages come from the same schema the client checks with; the new job shows up at
 * the top of the list at once.
 *
 * @example <CreateVideoForm />
 */
export function CreateVideoForm(): ReactNode {
  const create = useCreateVideo()
  const [draft, setDraft] = useState<Draft>(INITIAL)
  const [checked, setChecked] = useState<CreateFieldErrors>({})
  const fileInput = useRef<HTMLInputElement>(null)
  const ids = { prompt: useId(), model: useId(), size: useId(), seconds: useId(), image: useId() }
  const errors: CreateFieldErrors = { ...errorsOfFailure(create.error), ...checked }
  const failure = create.error && !(create.error instanceof VideoValidationError) ? create.error : undefined

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const image = fileInput.current?.files?.[0]
    const params: CreateVideoParams = {
      ...draft,
      prompt: draft.prompt.trim(),
      ...(image ? { input_reference: image } : {}),
    }
    const problems = checkCreateParams(params)
    setChecked(problems)
    if (Object.keys(problems).length > 0) return
    create.mutateAsync(params).then(
      () => {
        setDraft((current) => ({ ...current, prompt: '' }))
        if (fileInput.current) fileInput.current.value = ''
      },
      () => {},
    )
  }
  const field = (name: keyof Draft) => ({
    value: draft[name],
    onChange: (event: { target: { value: string } }) => setDraft({ ...draft, [name]: event.target.value }),
  })

  return (
    <section className="card" aria-labelledby="create-heading">
      <h2 id="create-heading">New video</h2>
      <form
        className="create-form"
        data-testid="create-form"
        aria-label="Create a video"
        onSubmit={submit}
        noValidate
      >
        <div className="field">
          <label htmlFor={ids.prompt}>Prompt</label>
          <textarea
            id={ids.prompt}
            rows={3}
            placeholder="A paper boat drifting down a rain-soaked street at dusk, cinematic"
            {...field('prompt')}
            onKeyDown={submitOnModEnter}
            aria-invalid={errors.prompt ? true : undefined}
            aria-describedby={describedBy(ids.prompt, {
              count: promptCount(draft.prompt),
              error: errors.prompt,
              hint: true,
            })}
          />
          <PromptCount id={`${ids.prompt}-count`} prompt={draft.prompt} />
          <FieldError id={ids.prompt} message={errors.prompt} />
          <p id={`${ids.prompt}-hint`} className="hint">
            Press <kbd>Ctrl</kbd>+<kbd>Enter</kbd> (<kbd>⌘</kbd>+<kbd>Enter</kbd> on a Mac) to generate.
          </p>
        </div>
        <div className="field-row">
          <Choice
            id={ids.model}
            label="Model"
            options={KNOWN_VIDEO_MODELS}
            error={errors.model}
            {...field('model')}
          />
          <Choice
            id={ids.size}
            label="Size"
            options={KNOWN_VIDEO_SIZES}
            error={errors.size}
            {...field('size')}
          />
          <Choice
            id={ids.seconds}
            label="Seconds"
            options={KNOWN_VIDEO_SECONDS}
            error={errors.seconds}
            {...field('seconds')}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.image}>
            Reference image <span className="hint">(optional, JPEG/PNG/WebP, matching the size)</span>
          </label>
          <input
            id={ids.image}
            ref={fileInput}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            {...invalidProps(ids.image, errors.input_reference)}
          />
          <FieldError id={ids.image} message={errors.input_reference} />
        </div>
        {errors.form && <p className="field-error">{errors.form}</p>}
        {failure && (
          <p role="alert" className="banner banner-error">
            Could not start the video: {describeError(failure)}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {create.isPending ? 'Starting…' : 'Generate video'}
          </button>
        </div>
      </form>
    </section>
  )
}

function Choice(props: {
  id: string
  label: string
  options: readonly string[]
  value: string
  error: string | undefined
  onChange: (event: { target: { value: string } }) => void
}): ReactNode {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        onChange={props.onChange}
        {...invalidProps(props.id, props.error)}
      >
        {props.options.map((option) => (
          <option key={option}>{option}</option>
        ))}
      </select>
      <FieldError id={props.id} message={props.error} />
    </div>
  )
}

function FieldError({ id, message }: { id: string; message: string | undefined }): ReactNode {
  if (!message) return null
  return (
    <p id={`${id}-error`} className="field-error" role="alert">
      {message}
    </p>
  )
}

/** Marks an input invalid and points it at its message, so screen readers read the message with it. */
function invalidProps(id: string, message: string | undefined) {
  return message ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {}
}

/** Ctrl+Enter (⌘+Enter on a Mac) in the prompt submits its form, as in most chat and issue editors. */
function submitOnModEnter(event: KeyboardEvent<HTMLTextAreaElement>): void {
  if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return
  event.preventDefault()
  event.currentTarget.form?.requestSubmit()
}
