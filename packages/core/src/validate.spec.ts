import { describe, expect, it } from 'vitest'
import { VideoValidationError } from './errors'
import { CreateVideoParamsSchema, VideoSchema } from './schema'
import { parseBody, parseInput } from './validate'

const broken = { id: '', object: 'video', status: 'rendering', progress: 140, created_at: 1.5 }

function caught(run: () => unknown): VideoValidationError {
  try {
    run()
  } catch (error) {
    if (error instanceof VideoValidationError) return error
    throw error
  }
  throw new Error('expected a VideoValidationError')
}

describe('parseBody', () => {
  it('names each broken field in English, although zod/mini ships no messages', () => {
    const error = caught(() => parseBody(VideoSchema, broken, 'GET /videos/v1'))
    expect(error.message).toContain('GET /videos/v1 answered with data that breaks the Videos API schema')
    expect(error.message).toContain('status: Invalid option: expected one of "queued"|"in_progress"')
    expect(error.message).toContain('progress: Too big: expected number to be <=100')
    expect(error.message).toContain('created_at: Invalid input: expected int')
    expect(error.message).not.toContain('Invalid input;')
    expect(error.issues.map((issue) => issue.path.join('.'))).toEqual([
      'id',
      'status',
      'progress',
      'created_at',
    ])
    expect(error.body).toBe(broken)
  })

  it('returns the parsed value, extra fields kept', () => {
    const video = { id: 'v', object: 'video', status: 'queued', progress: 0, created_at: 1, extra: true }
    expect(parseBody(VideoSchema, video, 'GET /videos/v')).toEqual(video)
  })
})

describe('parseInput', () => {
  it("keeps vidjob's own messages and says nothing was sent", () => {
    const error = caught(() => parseInput(CreateVideoParamsSchema, { prompt: '' }, 'create() params'))
    expect(error.message).toBe('Invalid create() params: prompt: prompt must not be empty. Nothing was sent.')
  })

  it('does not change the messages of zod schemas parsed outside vidjob', () => {
    caught(() => parseInput(CreateVideoParamsSchema, { prompt: 1 }, 'create() params'))
    const outside = VideoSchema.safeParse(broken)
    expect(outside.success).toBe(false)
    expect(outside.error?.issues[0]?.message).toBe('Invalid input')
  })
})
