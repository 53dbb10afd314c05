/**
 * `@vidjob/react`: a provider and hooks over core's binding protocol, on `useSyncExternalStore`.
 *
 * @packageDocumentation
 * @module @vidjob/react
 */
export { VideoClientProvider, useVideoClient, type VideoClientProviderProps } from './video-client-provider'
export { useVideoJob, type UseVideoJobResult } from './use-video-job'
export { useVideoProgress } from './use-video-progress'
export { useVideoList, type UseVideoListResult } from './use-video-list'
export type { UseVideoMutationResult } from './use-video-mutation'
export { useCreateVideo, useDeleteVideo, useRemixVideo } from './video-mutations'
export { useVideoContent, type UseVideoContentOptions, type UseVideoContentResult } from './use-video-content'
export { useSuspenseVideoJob } from './use-suspense-video-job'
export type { LoadedVideoJobState, RemixVideoVariables, VideoMutationStatus } from '@vidjob/core/bindings'
