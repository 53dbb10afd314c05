export { vidjobApi } from './vidjob-api-plugin'
export { DEMO_ENV_PREFIXES, readDemoEnv, type DemoApiConfig, type DemoRelayConfig } from './demo-env'
export { seedDemoJobs } from './demo-jobs'
export { startUpstream, type ApiUpstream } from './api-upstream'
export { API_PREFIX } from './api-prefix'
// relay-host.ts is loaded through tsx (see vidjob-api-plugin.ts), never from here: Vite would hand its
// package imports to Node.
export type { RelayHost } from './relay-host'
export { DEMO_PREFIX, DEMO_USERS, demoSignIn, demoUserOf } from './demo-users'
export { adoptUpstream } from './adopt-upstream'
export { MOCK_CONTROL_PREFIX, mockControl } from './mock-control'
