/**
 * `@vidjob/mock-api`: a faithful in-process Videos API (a fetch handler, a `node:http` server and a CLI) with
 * a controllable clock, fault injection and the profiles of the compatible servers people run.
 *
 * @packageDocumentation
 * @module @vidjob/mock-api
 */
export { createMockVideoApi, type MockListenOptions, type MockVideoApi } from './mock-api'
export {
  createMockControl,
  DEFAULT_CONTROL_BODY_BYTES,
  type MockControl,
  type MockControlContext,
  type MockControlOptions,
} from './control-route'
export type { MockVideoApiOptions } from './mock-options'
export { createManualClock, type ManualClock, type MockClock } from './clock'
export type {
  MockJobCreateParams,
  MockJobOutcome,
  MockJobs,
  MockRenderJob,
  MockRenderMsFunction,
} from './job-store'
export type { MockVideo, MockVideoError, MockVideoStatus } from './job-lifecycle'
export type { MockFault, MockFaultRule, MockFaults } from './faults'
export type { MockRequestFilter, MockRequestLogEntry } from './request-log'
export type { MockEndpoint } from './routes'
export type { MockServer } from './node-server'
export type { MockDeletedVideo, MockVideoList } from './handlers'
export type { MockErrorEnvelope } from './envelope'
export type { MockContentVariant } from './assets'
export { PROFILE_NAMES } from './profiles'
export type { MockProfileCapabilities, MockProfileName } from './profiles/profile'
