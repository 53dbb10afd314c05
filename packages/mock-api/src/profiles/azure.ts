/*
 * Azure OpenAI's v1 API (`https://{resource}.openai.azure.com/openai/v1/videos`) serving Sora 2
 * deployments: OpenAI's shapes, Azure's gateway in front.
 * Sources:
 * - learn.microsoft.com …/openai/concepts/video-generation: "Sora 2 uses the Azure OpenAI v1 API,
 *   aligning with OpenAI's native Sora 2 schema" (routes, variants, statuses as OpenAI's).
 * - learn.microsoft.com …/openai/api-version-lifecycle: the GA v1 API no longer needs a dated
 *   `api-version`; previews opt in with `api-version=preview`. Sources disagree on a missing one:
 *   MicrosoftLearning/mslearn-ai-vision#79 shows 400 {"error":{"code":"BadRequest","message":"Missing
 *   required query parameter: api-version"}}, MicrosoftDocs/azure-docs#114602 a 404 "Resource not found" on
 *   the classic deployment routes, and the v1 GA docs none at all. The mock takes the strict side:
 *   `api-version` on every request, content included (DrHazemAli/AzureSoraSDK#4 shows a download refused
 *   with "API version not supported").
 * - learn.microsoft.com …/openai/reference (Authentication): an `api-key` header, or `Authorization:
 *   Bearer` with a Microsoft Entra token; a wrong key answers 401 {"error":{"code":"401","message":"Access
 *   denied due to invalid subscription key or wrong API endpoint. …"}}.
 * - MicrosoftLearning/mslearn-ai-vision#81: a model with no deployment answers 404 {"error":{"message":"The
 *   API deployment 'sora-2' for this resource does not exist. …","type":"video_generation_user_error",
 *   "param":null,"code":null}} on /openai/v1/videos (classic routes say "code":"DeploymentNotFound").
 * - BerriAI/litellm litellm/llms/azure/videos/transformation.py: /openai/v1/videos with the `api-key`
 *   header and the OpenAI request/response shapes.
 * - Azure answers carry `apim-request-id` and `x-ms-region` headers.
 */
import { MockApiError } from '../envelope'
import { bearerToken, openaiProfile } from './openai'
import type { MockProfile } from './profile'

/** `api-version` values the mock accepts: the v1 API's `preview`/`latest`/`v1`, or a dated version. */
const API_VERSION = /^(preview|latest|v1|\d{4}-\d{2}-\d{2}(-preview)?)$/

/** The deployments the mock's resource has. */
const DEPLOYMENTS = new Set(['sora-2', 'sora-2-pro', 'sora'])

function azureError(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): MockApiError {
  return new MockApiError(status, { message, body: { error: { code, message } }, headers })
}

/**
 * Azure OpenAI v1: `api-version` on every request, `api-key` or Entra bearer auth, deployments for
 * models, Azure's own envelope for gateway errors and OpenAI's for the rest.
 */
export const azureProfile: MockProfile = {
  capabilities: {
    ...openaiProfile.capabilities,
    name: 'azure',
    requiredQuery: ['api-version'],
    authHeaders: ['api-key', 'authorization'],
    errorBody: 'azure',
  },
  admit(url) {
    const version = url.searchParams.get('api-version')
    if (version === null)
      return azureError(400, 'BadRequest', 'Missing required query parameter: api-version')
    if (API_VERSION.test(version)) return undefined
    return azureError(400, 'BadRequest', 'API version not supported')
  },
  authenticate(headers, apiKey) {
    if (headers.get('api-key') === apiKey || bearerToken(headers) === apiKey) return undefined
    return azureError(
      401,
      '401',
      'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
    )
  },
  checkModel(model) {
    if (DEPLOYMENTS.has(model)) return undefined
    const message = `The API deployment '${model}' for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.`
    return new MockApiError(404, {
      message,
      body: { error: { message, type: 'video_generation_user_error', param: null, code: null } },
    })
  },
  renderError(error) {
    if (error.body !== undefined || error.status !== 429) return error
    const seconds = Math.max(1, Number(error.headers['retry-after'] ?? 1))
    return azureError(
      429,
      '429',
      `Requests to the Videos_Create Operation under Azure OpenAI API version preview have exceeded call rate limit of your current AIServices S0 pricing tier. Please retry after ${seconds} seconds.`,
      error.headers,
    )
  },
  answerHeaders: (seq) => ({
    'apim-request-id': `00000000-0000-4000-8000-${seq.toString(16).padStart(12, '0')}`,
    'x-ms-region': 'Sweden Central',
  }),
}
