/** Boots the UI: reads the saved session, starts the simulation worker (restoring it), renders the app. */
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { loadSession, saveSession } from './ui/persist/storage';
import { UiSession, type SimWorker } from './ui/session';
import './ui/app.css';

const newWorker = (): SimWorker => new Worker(new URL('./worker/host.worker.ts', import.meta.url), { type: 'module', name: 'kubeplay-sim' });
// The simulation is the largest download and its cluster takes a while to boot: the first worker
// starts now, while the saved session is read (it says hello only when the session connects).
let firstWorker: SimWorker | undefined = newWorker();
// An error before the session listens would go unheard: the session then gets a fresh worker
// (whose failure it does hear, and reports).
let firstFailed = false;
firstWorker.onerror = () => {
  firstFailed = true;
};
const createWorker = (): SimWorker => {
  const early = firstWorker;
  firstWorker = undefined;
  if (early && !firstFailed) return early;
  early?.terminate();
  return newWorker();
};
const session = new UiSession(createWorker, { save: saveSession });

declare global {
  interface Window {
    /** For the e2e tests: the session (restore figures) and a way to stop the worker as a crash would. */
    kubeplay?: { session: UiSession };
  }
}
window.kubeplay = { session };

// The saved session first (a few ms): the terminal's history and the files must be there when they mount.
void loadSession().then((loaded) => {
  void session.start(loaded);
  const root = createRoot(document.getElementById('root')!);
  // A transition: React renders the page in slices and yields between them (no long first task).
  startTransition(() =>
    root.render(
      <StrictMode>
        <App session={session} />
      </StrictMode>,
    ),
  );
});
