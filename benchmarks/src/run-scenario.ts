/**
 * Child-process entry of one scenario (see runChild): `run-scenario.ts <out.json> <scenario> [--quick]`.
 */
import { childArgs } from './child-process'
import { isScenarioName, runScenario } from './scenarios'

const { args, write } = childArgs()
const [name] = args
if (name === undefined || !isScenarioName(name)) throw new Error(`Unknown scenario: ${args.join(' ')}`)
await write(await runScenario(name, { quick: args.includes('--quick') }))
// A library may have left a real timer behind (query-core's 5-minute gc timers): the result is written.
process.exit(0)
