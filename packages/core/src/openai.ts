/**
 * `@vidjob/core/openai`: a transport over an instance of the official `openai` SDK. A separate entry, so
 * an app that does not use the SDK never bundles the adapter (and core's main entry never imports it).
 *
 * @packageDocumentation
 * @module @vidjob/core/openai
 */
export {
  fromOpenAI,
  type OpenAILike,
  type OpenAIListQueryLike,
  type OpenAIPromiseLike,
  type OpenAIRequestOptionsLike,
  type OpenAIVideosLike,
} from './transport/from-openai'
