import type { ScenarioResult } from './report'

/**
 * The scenarios in the order they run, each loaded only in its own process.
 *
 * @example for (const name of SCENARIO_NAMES) console.log(name)
 */
export const SCENARIO_NAMES = [
  'requests',
  'renders',
  'cpu',
  'freshness',
  'unsubscribe',
  'memory',
  'fanout',
  'fleet',
  'size',
] as const

/**
 * The name of one scenario.
 *
 * @example const name: ScenarioName = 'cpu'
 */
export type ScenarioName = (typeof SCENARIO_NAMES)[number]

type Runner = (options: { quick: boolean }) => Promise<ScenarioResult>

const loaders: Record<ScenarioName, () => Promise<Runner>> = {
  requests: async () => (await import('./scenarios/requests/index')).runRequests,
  renders: async () => (await import('./scenarios/renders/index')).runRenders,
  cpu: async () => (await import('./scenarios/cpu/index')).runCpu,
  freshness: async () => (await import('./scenarios/freshness/index')).runFreshness,
  unsubscribe: async () => (await import('./scenarios/unsubscribe/index')).runUnsubscribe,
  memory: async () => (await import('./scenarios/memory/index')).runMemory,
  fanout: async () => (await import('./scenarios/fanout/index')).runFanout,
  fleet: async () => (await import('./scenarios/fleet/index')).runFleet,
  size: async () => (await import('./scenarios/size/index')).runSize,
}

/**
 * `NODE_ENV` of each scenario's process: production (what users ship) except for renders, whose React
 * Profiler callbacks exist only in React's development build.
 *
 * @example spawn(node, args, { env: { NODE_ENV: SCENARIO_NODE_ENV.renders } })
 */
export const SCENARIO_NODE_ENV: Record<ScenarioName, 'production' | 'development'> = {
  requests: 'production',
  renders: 'development',
  cpu: 'production',
  freshness: 'production',
  unsubscribe: 'production',
  memory: 'production',
  fanout: 'production',
  fleet: 'production',
  size: 'production',
}

/**
 * Whether a string names a scenario.
 *
 * @example isScenarioName('cpu') // true
 */
export function isScenarioName(name: string): name is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(name)
}

/**
 * Loads and runs one scenario in this process.
 *
 * @example const result = await runScenario('requests', { quick: true })
 */
export async function runScenario(name: ScenarioName, options: { quick: boolean }): Promise<ScenarioResult> {
  const run = await loaders[name]()
  return run(options)
}
