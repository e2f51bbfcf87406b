/**
 * Loads Monaco once, lazily and slim: the editor API, the YAML grammar, the editor features the
 * YAML editor uses, and monaco-yaml. Nothing here runs until the learner first reaches for the
 * editor (its ~3 MB would otherwise parse in one long task while the page loads); Monaco's theme
 * follows the page's (src/ui/theme.ts).
 *
 * Two traps with monaco-editor 0.57 + monaco-yaml 5.5 (see DESIGN.md "Known traps"):
 * - monaco-yaml calls `editor.createWebWorker({label, moduleId, createData})`, the pre-0.56 shape;
 *   0.57 wants `{worker, host}`. We hand monaco-yaml a copy of the API whose `createWebWorker`
 *   builds the worker itself and sends `createData` the way Monaco's own language workers do
 *   (a first message that starts the worker, then the create data). Without it: no markers.
 * - workers come from `MonacoEnvironment.getWorker`, built by Vite from local entry files.
 */
import type * as MonacoApi from 'monaco-editor/editor';
import type { MonacoYaml } from 'monaco-yaml';
import { getTheme, subscribeTheme } from '../theme';
import { yamlSchemaSettingsFromModule, type YamlSchemaSetting } from './schemas';

export type Monaco = typeof MonacoApi;

export interface LoadedMonaco {
  monaco: Monaco;
  yaml: MonacoYaml;
}

// The api helper generates the schemas; a glob import is empty (not an error) until they exist.
const schemaModules = import.meta.glob('../../sim/api/schema/index.ts');

function createWorker(label: string): Worker {
  if (label === 'yaml') {
    return new Worker(new URL('./workers/yaml.worker.ts', import.meta.url), { type: 'module', name: 'yaml' });
  }
  return new Worker(new URL('./workers/editor.worker.ts', import.meta.url), { type: 'module', name: label });
}

interface LegacyWorkerOptions {
  label?: string;
  moduleId?: string;
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
}

/** A view of the Monaco API with a `createWebWorker` that accepts monaco-yaml's legacy options. */
function monacoForMonacoYaml(monaco: Monaco): Monaco {
  const createWebWorker = (options: LegacyWorkerOptions) => {
    const worker = createWorker(options.label ?? 'editorWorkerService');
    // Same handshake as monaco-editor's internal createWebWorker: the first message makes the
    // worker install its real handler, the second is the create data.
    worker.postMessage('ignore');
    worker.postMessage(options.createData);
    return monaco.editor.createWebWorker({ worker, host: options.host, keepIdleModels: options.keepIdleModels });
  };
  return { ...monaco, editor: { ...monaco.editor, createWebWorker } } as unknown as Monaco;
}

async function loadSchemaSettings(): Promise<YamlSchemaSetting[]> {
  const load = Object.values(schemaModules)[0];
  if (!load) return [];
  try {
    return yamlSchemaSettingsFromModule((await load()) as { MANIFEST_SCHEMA?: unknown; ALL_SCHEMAS?: unknown });
  } catch (error) {
    console.warn('Kubeplay: could not load the Kubernetes schemas for the editor', error);
    return [];
  }
}

async function load(): Promise<LoadedMonaco> {
  (globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
    getWorker: (_moduleId: string, label: string) => createWorker(label),
  };
  const [monaco, { configureMonacoYaml }, schemas] = await Promise.all([
    import('monaco-editor/editor'),
    import('monaco-yaml'),
    loadSchemaSettings(),
    import('./monaco-features'),
  ]);
  const yaml = configureMonacoYaml(monacoForMonacoYaml(monaco) as never, {
    enableSchemaRequest: false,
    validate: true,
    completion: true,
    hover: true,
    format: { enable: true },
    schemas,
  });
  // vs-dark's comment green is too faint on its background (4.2:1): a lighter one reads at 6.5:1.
  monaco.editor.defineTheme(DARK_THEME, { base: 'vs-dark', inherit: true, rules: [{ token: 'comment', foreground: '7fae6b' }], colors: {} });
  subscribeTheme(() => monaco.editor.setTheme(monacoTheme()));
  return { monaco, yaml };
}

const DARK_THEME = 'kubeplay-dark';

/** Monaco's theme for the page's theme: its own light one, or vs-dark with readable comments. */
export function monacoTheme(): 'vs' | typeof DARK_THEME {
  return getTheme() === 'dark' ? DARK_THEME : 'vs';
}

let loading: Promise<LoadedMonaco> | undefined;

/** Monaco + monaco-yaml, loaded on first call. A failed load can be retried. */
export function loadMonaco(): Promise<LoadedMonaco> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
