import type { MockProfileName } from '@vidjob/mock-api'

/** The server profiles the journeys and property tests run against. */
export const PROPERTY_PROFILES: readonly MockProfileName[] = ['openai', 'litellm', 'new-api']
