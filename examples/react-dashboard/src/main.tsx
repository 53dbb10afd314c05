import { VideoClientProvider } from '@vidjob/react'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app'
import { client } from './client'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html must contain <div id="root"></div>.')

createRoot(root).render(
  <StrictMode>
    <VideoClientProvider client={client}>
      <App />
    </VideoClientProvider>
  </StrictMode>,
)
