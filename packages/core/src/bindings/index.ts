/**
 * `@vidjob/core/bindings`: the framework-free protocol the React and Vue bindings are built on, for anyone
 * binding vidjob to another framework. Every piece is a {@link Readable}: read it, subscribe to it.
 *
 * @packageDocumentation
 * @module @vidjob/core/bindings
 */
export { IDLE_JOB_STATE } from '../store/job-state'
export { contentReadable, NO_CONTENT, videoContent$, type VideoContentState } from './content'
export { jobReadable, progressReadable } from './job-readable'
export { listReadable, type ListReadable } from './list-readable'
export { jobLoadResult, loadJob, type LoadedVideoJobState } from './load-job'
export {
  createMutation,
  type VideoMutation,
  type VideoMutationState,
  type VideoMutationStatus,
} from './mutation'
export { constantReadable, selectReadable, type Readable } from './readable'
export {
  createVideoMutation,
  deleteVideoMutation,
  remixVideoMutation,
  type RemixVideoVariables,
} from './video-mutations'
