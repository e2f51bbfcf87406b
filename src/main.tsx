/** Boots the UI: starts the simulation worker, connects, renders the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { UiSession } from './ui/session';
import './ui/app.css';

const worker = new Worker(new URL('./worker/host.worker.ts', import.meta.url), { type: 'module', name: 'kubeplay-sim' });
const session = new UiSession(worker);
session.start();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App session={session} />
  </StrictMode>,
);
