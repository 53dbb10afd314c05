import { fileURLToPath } from 'node:url'
import { describeDashboardJourneys } from './shared/dashboard-journeys'

describeDashboardJourneys({
  name: 'react dashboard',
  exampleDir: fileURLToPath(new URL('../examples/react-dashboard', import.meta.url)),
  // The detail view sits beside the list, so the picture can show a video and the live rows at once.
  screenshotWithVideoOpen: true,
})
