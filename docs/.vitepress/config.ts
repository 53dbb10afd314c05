import { defineConfig } from 'vitepress'

/**
 * The documentation site, built from the Markdown in `docs/` as it is (the same files read on GitHub):
 * `npm run docs` serves it with hot reload, `npm run docs:build` builds it into `docs/.vitepress/dist`.
 */
export default defineConfig({
  title: 'vidjob',
  description: 'Live, reactive state for text-to-video generation jobs.',
  // The same pages are read on GitHub, where links name the Markdown files; README.md is each folder's index.
  rewrites: { 'api/README.md': 'api/index.md' },
  srcExclude: ['**/node_modules/**', '.tmp/**'],
  // Links that leave docs/ point at the repository's folders (examples, packages), which the site does not hold.
  ignoreDeadLinks: [/^(\.\/)?\.\.\//],
  lastUpdated: false,
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/getting-started' },
      { text: 'API', link: '/api/' },
      { text: 'Benchmarks', link: '/benchmarks' },
    ],
    sidebar: [
      {
        text: 'Guide',
        items: [
          { text: 'Getting started', link: '/getting-started' },
          { text: 'Custom UIs with RxJS', link: '/custom-ui' },
          { text: 'Migrating from TanStack Query', link: '/migrating-from-tanstack-query' },
          { text: 'Testing', link: '/testing' },
          { text: 'The relay (@vidjob/server)', link: '/server' },
          { text: 'Compatible servers', link: '/servers' },
        ],
      },
      {
        text: 'Reference',
        items: [
          { text: 'API (from the TSDoc)', link: '/api/' },
          { text: 'VideoJobState', link: '/api/@vidjob/core#videojobstate' },
          { text: 'VideoListState', link: '/api/@vidjob/core#videoliststate' },
          { text: 'Errors', link: '/errors' },
          { text: 'Polling', link: '/polling' },
          { text: 'The mock API', link: '/mock-api' },
        ],
      },
      {
        text: 'Design',
        items: [
          { text: 'Architecture', link: '/architecture' },
          { text: 'Security', link: '/security' },
          { text: 'Benchmarks', link: '/benchmarks' },
        ],
      },
    ],
    search: { provider: 'local' },
    outline: { level: [2, 3] },
  },
})
