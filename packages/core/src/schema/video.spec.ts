import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import {
  CreateVideoParamsSchema,
  KNOWN_VIDEO_MODELS,
  KNOWN_VIDEO_SECONDS,
  KNOWN_VIDEO_SIZES,
  RemixVideoParamsSchema,
  VIDEO_CONTENT_VARIANTS,
  VIDEO_STATUSES,
  VideoListQuerySchema,
  VideoListSchema,
  VideoSchema,
  DeletedVideoSchema,
  ApiErrorBodySchema,
} from '.'

// The repo keeps a copy of the shared spec extract so the check runs anywhere; when the shared original
// is beside the checkout, the copy must not have drifted from it.
const vendored = new URL('../../../../spec/openai-videos-openapi.yaml', import.meta.url)
const shared = new URL('../../../../../shared/spec/openai-videos-openapi.yaml', import.meta.url)

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: { name: string; schema: { minimum?: number; maximum?: number } }[] } & Record<
        string,
        unknown
      >
    >
  >
  components: {
    schemas: Record<
      string,
      {
        enum?: string[]
        anyOf?: { enum?: string[] }[]
        required?: string[]
        properties?: Record<string, { maxLength?: number; minLength?: number }>
      }
    >
  }
}

const spec = parse(readFileSync(vendored, 'utf8')) as OpenApi
const schemas = spec.components.schemas

function example(path: string, method: string): unknown {
  const meta = spec.paths[path]?.[method]?.['x-oaiMeta'] as { examples: { response: string } }
  return JSON.parse(meta.examples.response)
}

describe('schemas against the OpenAPI extract', () => {
  it('uses the same copy as shared/spec when it is there', () => {
    if (existsSync(shared)) expect(readFileSync(vendored, 'utf8')).toBe(readFileSync(shared, 'utf8'))
  })

  it('lists exactly the statuses, sizes, seconds, models and variants the spec lists', () => {
    expect([...VIDEO_STATUSES]).toEqual(schemas.VideoStatus?.enum)
    expect([...KNOWN_VIDEO_SIZES]).toEqual(schemas.VideoSize?.enum)
    expect([...KNOWN_VIDEO_SECONDS]).toEqual(schemas.VideoSeconds?.enum)
    expect([...KNOWN_VIDEO_MODELS]).toEqual(schemas.VideoModel?.anyOf?.find((a) => a.enum)?.enum)
    expect([...VIDEO_CONTENT_VARIANTS]).toEqual(schemas.VideoContentVariant?.enum)
  })

  it('requires what the spec requires and the logic depends on', () => {
    const required = schemas.VideoResource?.required ?? []
    for (const field of ['id', 'object', 'status', 'progress', 'created_at']) {
      expect(required).toContain(field)
      const video = VideoSchema.parse(example('/videos', 'post'))
      const { [field]: _dropped, ...rest } = video
      expect(VideoSchema.safeParse(rest).success).toBe(false)
    }
    expect(schemas.VideoListResource?.required).toEqual(['object', 'data', 'first_id', 'last_id', 'has_more'])
    expect(schemas.DeletedVideoResource?.required).toEqual(['object', 'deleted', 'id'])
  })

  it("parses the spec's own examples", () => {
    expect(VideoSchema.parse(example('/videos', 'post'))).toMatchObject({
      id: 'video_123',
      quality: 'standard',
    })
    expect(VideoSchema.parse(example('/videos/{video_id}/remix', 'post'))).toMatchObject({
      remixed_from_video_id: 'video_123',
    })
  })

  it('matches the prompt and list limit bounds of the spec', () => {
    const promptBounds = schemas.CreateVideoJsonBody?.properties?.prompt
    expect(promptBounds).toMatchObject({ minLength: 1, maxLength: 32000 })
    const max = 'x'.repeat(promptBounds?.maxLength ?? 0)
    expect(CreateVideoParamsSchema.safeParse({ prompt: max }).success).toBe(true)
    expect(CreateVideoParamsSchema.safeParse({ prompt: `${max}x` }).success).toBe(false)
    expect(RemixVideoParamsSchema.safeParse({ prompt: '' }).success).toBe(false)
    // JSON Schema counts characters: 32000 emoji (64000 UTF-16 units) fit; 32001 characters in 64000
    // units do not.
    const emoji = '🎬'.repeat(promptBounds?.maxLength ?? 0)
    expect(CreateVideoParamsSchema.safeParse({ prompt: emoji }).success).toBe(true)
    expect(RemixVideoParamsSchema.safeParse({ prompt: `${emoji.slice(2)}xx` }).success).toBe(false)
    const limit = spec.paths['/videos']?.get?.parameters?.find((p) => p.name === 'limit')?.schema
    expect(limit).toMatchObject({ minimum: 0, maximum: 100 })
    expect(VideoListQuerySchema.safeParse({ limit: 0 }).success).toBe(true)
    expect(VideoListQuerySchema.safeParse({ limit: 100 }).success).toBe(true)
    expect(VideoListQuerySchema.safeParse({ limit: 101 }).success).toBe(false)
    expect(VideoListQuerySchema.safeParse({ limit: 2.5 }).success).toBe(false)
  })

  it('takes an image reference with exactly one of image_url or file_id, as the spec says', () => {
    const reference = schemas.CreateVideoJsonBody?.properties?.input_reference as
      { description?: string } | undefined
    const described = reference?.description ?? ''
    expect(described).toContain('exactly one of `image_url` or `file_id`')
    const create = (input_reference: object) =>
      CreateVideoParamsSchema.safeParse({ prompt: 'p', input_reference })
    expect(create({ image_url: 'https://example.com/a.png' }).success).toBe(true)
    expect(create({ file_id: 'file-1' }).success).toBe(true)
    expect(create({}).success).toBe(false)
    const both = create({ image_url: 'https://example.com/a.png', file_id: 'file-1' })
    expect(both.success).toBe(false)
    expect(both.error?.issues.at(-1)?.message).toBe(
      'input_reference needs exactly one of image_url or file_id',
    )
  })
})

describe('VideoSchema is strict on checked fields, liberal elsewhere', () => {
  const base = { id: 'v', object: 'video', status: 'queued', progress: 0, created_at: 1 }

  it('accepts unknown sizes, seconds, models and extra fields, and keeps the extras', () => {
    const video = VideoSchema.parse({
      ...base,
      size: '1920x1080',
      seconds: '20',
      model: 'sora-3',
      vendor: { a: 1 },
    })
    expect(video).toMatchObject({ size: '1920x1080', seconds: '20', model: 'sora-3', vendor: { a: 1 } })
  })

  it('accepts null or absent nullable fields', () => {
    expect(VideoSchema.safeParse(base).success).toBe(true)
    const nulls = {
      completed_at: null,
      expires_at: null,
      prompt: null,
      remixed_from_video_id: null,
      error: null,
    }
    expect(VideoSchema.safeParse({ ...base, ...nulls }).success).toBe(true)
  })

  it.each([
    ['an empty id', { id: '' }],
    ['another object type', { object: 'list' }],
    ['an unknown status', { status: 'rendering' }],
    ['progress above 100', { progress: 101 }],
    ['negative progress', { progress: -1 }],
    ['a string progress', { progress: '50' }],
    ['a fractional created_at', { created_at: 1.5 }],
  ])('refuses %s', (_label, patch) => {
    expect(VideoSchema.safeParse({ ...base, ...patch }).success).toBe(false)
  })

  it('parses lists, deletions and error envelopes', () => {
    expect(
      VideoListSchema.parse({ object: 'list', data: [base], first_id: 'v', last_id: 'v', has_more: false })
        .data,
    ).toHaveLength(1)
    expect(
      VideoListSchema.safeParse({ object: 'list', data: [{ ...base, status: 'x' }], has_more: false })
        .success,
    ).toBe(false)
    expect(DeletedVideoSchema.parse({ object: 'video.deleted', deleted: true, id: 'v' }).deleted).toBe(true)
    expect(
      ApiErrorBodySchema.parse({ error: { message: 'm', type: 't', param: null, code: null } }).error.message,
    ).toBe('m')
  })
})
