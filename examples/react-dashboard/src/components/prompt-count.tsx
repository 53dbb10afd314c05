import type { ReactNode } from 'react'
import { promptCount, promptLength, PROMPT_LIMIT } from '@vidjob/dashboard-shared'

/**
 * The live character count under a prompt, shown only near the API's limit (and in the error colour past
 * it), so most people never see it.
 *
 * @example <PromptCount id="prompt-count" prompt={draft.prompt} />
 */
export function PromptCount({ id, prompt }: { id: string; prompt: string }): ReactNode {
  const text = promptCount(prompt)
  if (!text) return null
  return (
    <p id={id} className="char-count" data-over={promptLength(prompt) > PROMPT_LIMIT || undefined}>
      {text}
    </p>
  )
}

/**
 * The `aria-describedby` of a field: the ids of its hint parts that are on screen (`<id>-<part>`), or
 * undefined when none is.
 *
 * @example describedBy('prompt', { count: promptCount(text), error }) // 'prompt-count prompt-error'
 */
export function describedBy(id: string, parts: Record<string, unknown>): string | undefined {
  const ids = Object.entries(parts).flatMap(([part, shown]) => (shown ? [`${id}-${part}`] : []))
  return ids.length > 0 ? ids.join(' ') : undefined
}
