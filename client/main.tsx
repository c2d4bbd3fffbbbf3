import { StrictMode } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { App } from './app/App.tsx'
import { takeOverNameDialog } from './join/adopt-name-dialog.ts'
import './styles.css'

const root = document.getElementById('root')!
const app = (
  <StrictMode>
    <App />
  </StrictMode>
)
// A board link shows its name dialog from the HTML, before this script is in: take it over as it is.
if (takeOverNameDialog(root)) hydrateRoot(root, app)
else createRoot(root).render(app)
