// monaco-yaml's language worker (validation, completion, hover), built by Vite as an ES module worker.
import 'monaco-yaml/yaml.worker.js';
