import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkCodeBlocks } from './check-code-blocks'
import { documentationFiles, extractBlocks } from './code-blocks'

const scratch = fileURLToPath(new URL('../../docs/.tmp/code-blocks-spec', import.meta.url))

describe('extractBlocks', () => {
  it('reads fenced blocks with their language, line and directives', () => {
    const markdown = [
      '# Page',
      '```ts',
      "const a = 'x'",
      '```',
      '<!-- docs-check: continues, run -->',
      '',
      '```tsx',
      'console.log(a)',
      '```',
      '<!-- docs-check: partial — needs a server -->',
      '~~~vue',
      '<template />',
      '~~~',
      '1. a list item',
      '   ```sh',
      '   npm test',
      '   ```',
    ].join('\n')
    expect(extractBlocks(markdown, 'page.md')).toEqual([
      {
        file: 'page.md',
        line: 2,
        lang: 'ts',
        code: "const a = 'x'",
        directives: expect.objectContaining({ run: false }),
      },
      {
        file: 'page.md',
        line: 7,
        lang: 'tsx',
        code: 'console.log(a)',
        directives: { continues: true, run: true, partial: undefined },
      },
      {
        file: 'page.md',
        line: 11,
        lang: 'vue',
        code: '<template />',
        directives: expect.objectContaining({ partial: 'needs a server' }),
      },
      { file: 'page.md', line: 15, lang: 'sh', code: 'npm test', directives: expect.anything() },
    ])
  })

  it('refuses a partial block without a reason, and an unknown directive', () => {
    expect(() => extractBlocks('<!-- docs-check: partial -->\n```ts\nx\n```', 'a.md')).toThrow(
      /needs a reason/,
    )
    expect(() => extractBlocks('<!-- docs-check: skip -->\n```ts\nx\n```', 'a.md')).toThrow(
      /unknown docs-check/,
    )
  })

  it('covers the READMEs and docs/, not the generated reference or release notes', () => {
    const files = documentationFiles()
    expect(files).toEqual(
      expect.arrayContaining(['README.md', 'docs/getting-started.md', 'packages/react/README.md']),
    )
    expect(files.filter((file) => /^docs\/api\/|CHANGELOG|^\.changeset\//.test(file))).toEqual([])
  })
})

describe('checkCodeBlocks', () => {
  it('type-checks and runs every code block of the documentation without a problem', async () => {
    const report = await checkCodeBlocks()
    console.log(
      `${report.compiled} blocks compiled; run: ${report.ran.join(', ')}; partial: ${report.partial.join('; ')}`,
    )
    expect(report.problems).toEqual([])
    expect(report.compiled).toBeGreaterThan(20)
  }, 240_000)

  it('reports a name that does not exist, a template error and a block that fails when run, at their Markdown lines', async () => {
    const page = ['```ts', "import { IDLE_VIDEO_JOB_STATE } from '@vidjob/react'", '```', ''].join('\n')
    const vue = [
      '```vue',
      '<script setup lang="ts">',
      'const count = 1',
      '</script>',
      '<template>{{ cuont }}</template>',
      '```',
    ].join('\n')
    const run = ['<!-- docs-check: run -->', '```ts', "throw new Error('boom')", '```'].join('\n')
    const blocks = [
      ...extractBlocks(page, 'a.md'),
      ...extractBlocks(vue, 'b.md'),
      ...extractBlocks(run, 'c.md'),
    ]
    const report = await checkCodeBlocks(blocks, join(scratch, 'failing'))
    expect(report.problems).toEqual([
      expect.stringMatching(/^a\.md:2:\d+: error TS2\d+: .*IDLE_VIDEO_JOB_STATE/),
      expect.stringMatching(/^b\.md:5:\d+: error TS2\d+: .*cuont/),
      expect.stringMatching(/^c\.md:2: the block failed when run:[\s\S]*boom/),
    ])
  }, 120_000)
})
