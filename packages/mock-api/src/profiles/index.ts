import { azureProfile } from './azure'
import { litellmProfile } from './litellm'
import { newApiProfile } from './new-api'
import { openaiProfile } from './openai'
import type { MockProfile, MockProfileName } from './profile'
import { vllmOmniProfile } from './vllm-omni'

/** The profiles, by name. */
export const PROFILES: Readonly<Record<MockProfileName, MockProfile>> = {
  openai: openaiProfile,
  litellm: litellmProfile,
  'new-api': newApiProfile,
  'vllm-omni': vllmOmniProfile,
  azure: azureProfile,
}

/** Every profile name, the default first. */
export const PROFILE_NAMES = Object.keys(PROFILES) as readonly MockProfileName[]

/** The profile called `name` (default `'openai'`); a `RangeError` naming the valid ones for any other. */
export function resolveProfile(name: string = 'openai'): MockProfile {
  if (Object.hasOwn(PROFILES, name)) return PROFILES[name as MockProfileName]
  throw new RangeError(`profile must be one of ${PROFILE_NAMES.join(', ')}; got '${name}'.`)
}
