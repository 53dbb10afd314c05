#!/usr/bin/env -S npx tsx
import { runCli } from './run'

// Ctrl+C: give the cursor back (the live view hides it) and exit as interrupted.
process.once('SIGINT', () => {
  if (process.stdout.isTTY) process.stdout.write('\x1b[?25h\n')
  process.exit(130)
})

runCli({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
}).then(
  (code) => void (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : error)
    process.exitCode = 1
  },
)
