// Monaco's base editor worker (diffs, word ranges, links), built by Vite as an ES module worker.
import 'monaco-editor/editor/editor.worker.js';
