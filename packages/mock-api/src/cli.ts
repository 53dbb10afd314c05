import { runCli } from './run-cli'

const run = await runCli(process.argv.slice(2))

if ('exitCode' in run) {
  process.exitCode = run.exitCode
} else {
  const stop = (): void => {
    void run.server.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
