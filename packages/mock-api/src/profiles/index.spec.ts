import { describe, expect, it } from 'vitest'
import { createMockVideoApi } from '../mock-api'
import type { MockProfileName } from './profile'
import { PROFILE_NAMES, PROFILES, resolveProfile } from '.'

describe('resolveProfile', () => {
  it('knows the five servers, openai by default', () => {
    expect(PROFILE_NAMES).toEqual(['openai', 'litellm', 'new-api', 'vllm-omni', 'azure'])
    expect(resolveProfile()).toBe(PROFILES.openai)
    for (const name of PROFILE_NAMES) expect(resolveProfile(name).capabilities.name).toBe(name)
  })

  it('refuses any other name with a RangeError naming the valid ones', () => {
    for (const name of ['vllm', 'OpenAI', 'toString', '']) {
      expect(() => resolveProfile(name)).toThrow(RangeError)
      expect(() => resolveProfile(name)).toThrow(
        `profile must be one of openai, litellm, new-api, vllm-omni, azure; got '${name}'.`,
      )
    }
    expect(() => createMockVideoApi({ profile: 'lite-llm' as MockProfileName })).toThrow(
      /one of openai, litellm/,
    )
  })
})

describe('api.profile', () => {
  it("declares the default server's capabilities: the whole spec", () => {
    expect(createMockVideoApi().profile).toEqual({
      name: 'openai',
      list: true,
      delete: true,
      remix: true,
      contentVariants: true,
      jsonCreate: true,
      stableIds: true,
      statuses: ['queued', 'in_progress', 'completed', 'failed'],
      looseFields: [],
      requiredQuery: [],
      authHeaders: ['authorization'],
      errorBody: 'openai',
    })
  })

  it('is a frozen copy a test cannot change for the next mock', () => {
    const profile = createMockVideoApi({ profile: 'new-api' }).profile
    expect(Object.isFrozen(profile)).toBe(true)
    expect(profile).toMatchObject({
      name: 'new-api',
      list: false,
      delete: false,
      remix: true,
      stableIds: true,
    })
    expect(createMockVideoApi({ profile: 'vllm-omni' }).profile).toMatchObject({
      jsonCreate: false,
      remix: false,
    })
    expect(createMockVideoApi({ profile: 'azure' }).profile).toMatchObject({ requiredQuery: ['api-version'] })
  })
})
