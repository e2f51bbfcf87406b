/**
 * A development page for looking at the editor, terminal and lessons panel outside the app
 * (screenshots, manual checks). Not part of the app build: with `npx vite` running, open
 *   http://localhost:5173/src/ui/editor/harness/index.html   (add ?schemas to try schema wiring)
 * The fake hosts below stand in for the worker; the lessons are the real ones plus a sample.
 */
import { StrictMode, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import yaml from 'js-yaml';
import { YamlEditor } from '../YamlEditor';
import type { EditorMarker } from '../markers';
import { Terminal, type TerminalHandle } from '../../terminal/Terminal';
import { LessonsPanel } from '../../lessons/LessonsPanel';
import { harnessLessons } from './harness-lessons';
import { LESSONS } from '../../../lessons/catalog';
import { loadMonaco } from '../monaco-setup';
import { yamlSchemaSettings } from '../schemas';

// Until the api's generated schemas land, exercise the schema wiring with small hand-written ones.
const HARNESS_SCHEMAS = {
  Deployment: {
    type: 'object',
    additionalProperties: false,
    properties: {
      apiVersion: { type: 'string' },
      kind: { type: 'string', const: 'Deployment' },
      metadata: { type: 'object', properties: { name: { type: 'string', description: 'Name must be unique within a namespace.' } } },
      spec: { $ref: '#/definitions/DeploymentSpec' },
    },
    definitions: {
      DeploymentSpec: {
        type: 'object',
        additionalProperties: false,
        properties: {
          replicas: { type: 'integer', description: 'Number of desired pods. Defaults to 1.' },
          selector: { type: 'object' },
          template: { type: 'object' },
          strategy: { type: 'object', description: 'The deployment strategy to use to replace existing pods with new ones.' },
        },
      },
    },
  },
  Pod: { type: 'object', properties: { kind: { const: 'Pod' }, spec: { type: 'object', required: ['containers'] } } },
};
if (new URLSearchParams(location.search).has('schemas')) {
  void loadMonaco().then(({ yaml }) => yaml.update({ schemas: yamlSchemaSettings(HARNESS_SCHEMAS) }));
}

const INITIAL_FILES: Record<string, string> = {
  'web.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`,
  'pod.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  containers:
  - name: nginx
    image: nginx
`,
};

const WORDS = ['apply', 'create', 'delete', 'describe', 'get', 'logs', 'rollout', 'run', 'scale', 'set'];

function fakeApply(files: Record<string, string>, file: string): EditorMarker[] {
  try {
    yaml.loadAll(files[file]);
    return [];
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number }; reason?: string }).mark;
    return [
      {
        file,
        line: (mark?.line ?? 0) + 1,
        column: (mark?.column ?? 0) + 1,
        message: `error converting YAML to JSON: yaml: line ${(mark?.line ?? 0) + 1}: ${(error as { reason?: string }).reason ?? 'invalid'}`,
        severity: 'error',
      },
    ];
  }
}

let interrupt: (() => void) | undefined;

function fakeRun(line: string, write: (text: string) => void): Promise<number> {
  const words = line.trim().split(/\s+/);
  if (words[0] !== 'kubectl') {
    write(`bash: ${words[0]}: command not found\n`);
    return Promise.resolve(127);
  }
  if (words.includes('-w') || words[1] === 'rollout') {
    return new Promise((resolve) => {
      let n = 0;
      write('NAME                   READY   STATUS    RESTARTS   AGE\n');
      const timer = setInterval(() => write(`web-7c5b8d9f4d-${String(n++).padStart(5, 'x')}   1/1     Running   0          ${n}s\n`), 400);
      interrupt = () => {
        clearInterval(timer);
        resolve(130);
      };
    });
  }
  write('NAME                   READY   STATUS    RESTARTS   AGE\nweb-7c5b8d9f4d-2kq9x   1/1     Running   0          12s\n');
  return Promise.resolve(0);
}

const ALL_LESSONS = [...LESSONS, ...harnessLessons];

function Harness() {
  const [files, setFiles] = useState(INITIAL_FILES);
  const [active, setActive] = useState('web.yaml');
  const [markers, setMarkers] = useState<EditorMarker[]>([]);
  const [lessonId, setLessonId] = useState<string | null>(ALL_LESSONS[0].id);
  const [stepIndex, setStepIndex] = useState(0);
  const [passed, setPassed] = useState(false);
  const terminal = useRef<TerminalHandle>(null);
  const lesson = ALL_LESSONS.find((l) => l.id === lessonId);
  const step = lesson?.steps[stepIndex];
  const progress = lesson && step
    ? {
        lessonId: lesson.id,
        stepIndex,
        completedSteps: passed ? [stepIndex] : [],
        checks: step.checks.map((c, i) => ({ id: c.id, description: c.description, passed: passed && i % 2 === 0 })),
      }
    : null;

  return (
    <div style={{ display: 'grid', gridTemplateColumns: '360px 1fr', gap: 12, height: '100vh', padding: 12, boxSizing: 'border-box', background: '#eef1f4' }}>
      <LessonsPanel
        lessons={ALL_LESSONS}
        activeLessonId={lessonId}
        progress={progress}
        onSelectLesson={(id) => {
          setLessonId(id);
          setStepIndex(0);
        }}
        onOpenFile={(path) => {
          if (!(path in files) && lesson) setFiles({ ...files, [path]: lesson.files[path] ?? '' });
          setActive(path);
        }}
        onCheck={() => setPassed(true)}
        onStep={(i) => {
          setStepIndex(i);
          setPassed(false);
        }}
        onRunCommand={(line) => terminal.current?.run(line)}
        onTypeCommand={(line) => terminal.current?.type(line)}
      />
      <div style={{ display: 'grid', gridTemplateRows: '1fr 280px', gap: 12, minHeight: 0 }}>
        <YamlEditor
          files={files}
          active={active}
          onActiveChange={setActive}
          onChange={(name, text) => setFiles((f) => ({ ...f, [name]: text }))}
          onApply={() => setMarkers(fakeApply(files, active))}
          markers={markers}
        />
        <Terminal
          ref={terminal}
          banner="Kubeplay terminal. Try: kubectl get pods -w (Ctrl+C to stop)"
          onRun={fakeRun}
          onComplete={async (line) => {
            const word = line.split(' ').pop() ?? '';
            return WORDS.filter((w) => w.startsWith(word));
          }}
          onInterrupt={() => interrupt?.()}
        />
      </div>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Harness />
  </StrictMode>,
);
