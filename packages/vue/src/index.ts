/**
 * `@vidjob/vue`: a plugin and composables over core's binding protocol, as shallow refs.
 *
 * @packageDocumentation
 * @module @vidjob/vue
 */
export {
  VIDEO_CLIENT_KEY,
  VideoClientPlugin,
  provideVideoClient,
  useVideoClient,
  type VideoClientPluginOptions,
} from './video-client-plugin'
export { useVideoJob, type UseVideoJobResult, type VideoIdSource } from './use-video-job'
export { useVideoProgress } from './use-video-progress'
export { useVideoList, type UseVideoListResult } from './use-video-list'
export { useCreateVideo, useDeleteVideo, useRemixVideo } from './video-mutations'
export type { UseVideoMutationResult } from './use-video-mutation'
export { useVideoContent, type UseVideoContentOptions, type UseVideoContentResult } from './use-video-content'
export type { FieldRefs } from './use-readable'
export type { RemixVideoVariables, VideoMutationStatus } from '@vidjob/core/bindings'
