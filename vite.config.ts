import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Kubeplay's build. Two things matter here:
 * - the simulation runs in a module Web Worker (`worker.format: 'es'`);
 * - Monaco is bundled locally (never a CDN). monaco-yaml's worker still imports
 *   `monaco-editor/esm/vs/editor/editor.worker.js`, a path Monaco 0.56+ no longer exports,
 *   so deep `esm/vs/...` imports are rewritten to the package's `exports` map form.
 */
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [{ find: /^monaco-editor\/esm\/vs\/(.*?)(\.js)?$/, replacement: 'monaco-editor/$1' }],
  },
  worker: {
    format: 'es',
  },
  build: {
    target: 'es2022',
    // Monaco's editor chunk alone is several MB; it is lazy-loaded, so only warn above that.
    chunkSizeWarningLimit: 4096,
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
});
