export {
  VIDEO_CLIENT_KEY,
  VideoClientPlugin,
  provideVideoClient,
  useVideoClient,
  type VideoClientPluginOptions,
} from './video-client-plugin'
export { useVideoJob, type UseVideoJobReturn, type VideoIdSource } from './use-video-job'
export { useVideoProgress } from './use-video-progress'
export { useVideoList, type UseVideoListReturn } from './use-video-list'
export { useCreateVideo, useDeleteVideo, useRemixVideo, type RemixVideoVariables } from './video-mutations'
export type { UseVideoMutationReturn } from './use-mutation'
export { useVideoContent, type UseVideoContentOptions, type UseVideoContentReturn } from './use-video-content'
export type { FieldRefs } from './live-state'
