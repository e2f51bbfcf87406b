/**
 * The playground's layout: the top bar (cluster, time controls, theme), lessons on the left
 * (collapsible), the live cluster graph with the inspector beside it and the manifest editor on
 * the right, the terminal across the bottom. Splitters resize the panels (sizes remembered);
 * on a phone the panels become tabs.
 */
import { lazy, useMemo, useRef, useState, type CSSProperties } from 'react';
import { AddonsButton } from './AddonsButton';
import { BrowserWindow } from './browser/BrowserWindow';
import { ClusterTitle } from './ClusterTitle';
import { FileTabs } from './editor/FileTabs';
import { YamlEditor } from './editor/YamlEditor';
import * as F from './files';
import { Inspector } from './Inspector';
import { Later } from './layout/later';
import { sizeLimits, usePanelSizes, useWindowSize } from './layout/panel-sizes';
import { PhoneTabs, type PhonePanel } from './layout/PhoneTabs';
import { Splitter } from './layout/Splitter';
import { ThemeToggle } from './layout/ThemeToggle';
import { SpeedHint } from './lessons/SpeedHint';
import { ConfirmDialog } from './persist/ConfirmDialog';
import { Notice } from './persist/Notice';
import './persist/persist.css';
import type { UiSession } from './session';
import { useApp } from './store';
import type { TerminalHandle } from './terminal/Terminal';
import { useTheme } from './theme';
import { TimeControls } from './TimeControls';

// The heavy panels are chunks of their own (xterm; React Flow; marked and DOMPurify), each
// evaluated in its own task and mounted after the first paint (layout/later.tsx). The terminal's
// is fetched right away: the page is interactive when the terminal takes input.
const terminalChunk = import('./terminal/Terminal');
const Terminal = lazy(() => terminalChunk.then((m) => ({ default: m.Terminal })));
const GraphView = lazy(() => import('./graph/GraphView').then((m) => ({ default: m.GraphView })));
const LessonsPanel = lazy(() => import('./lessons/LessonsPanel').then((m) => ({ default: m.LessonsPanel })));

const BANNER = 'Kubeplay — a simulated Kubernetes 1.32 cluster (kind: 1 control plane, 3 workers).\r\nTry: kubectl get nodes\r\n';

export function App({ session }: { session: UiSession }) {
  const connected = useApp((s) => s.connected);
  const lessons = useApp((s) => s.lessons);
  const progress = useApp((s) => s.progress);
  const files = useApp((s) => s.files);
  const activeFile = useApp((s) => s.activeFile);
  const markers = useApp((s) => s.markers);
  const applyOutput = useApp((s) => s.applyOutput);
  const setActiveFile = useApp((s) => s.setActiveFile);
  const inspecting = useApp((s) => s.selected !== null);
  const progressByLesson = useApp((s) => s.progressByLesson);
  const lessonId = useApp((s) => s.lessonId);
  const lessonFiles = useApp((s) => s.lessonFiles);
  const myFiles = useApp((s) => s.myFiles);
  const closedTabs = useApp((s) => s.closedTabs);
  const updateFiles = useApp((s) => s.updateFiles);
  const history = useMemo(() => useApp.getState().history, []);
  const tabs = useMemo(() => F.tabsOf({ lessonId, lessonFiles, myFiles, closedTabs, activeFile }), [lessonId, lessonFiles, myFiles, closedTabs, activeFile]);
  const reserved = useMemo(() => F.lessonFileNames(lessons), [lessons]);
  const [confirm, setConfirm] = useState<'reset' | 'restart' | null>(null);
  const terminal = useRef<TerminalHandle>(null);
  const theme = useTheme();
  const [sizes, resize] = usePanelSizes();
  const win = useWindowSize();
  const limits = sizeLimits(win.width, win.height);
  const [phonePanel, setPhonePanel] = useState<PhonePanel>('lesson');

  const progressView = useMemo(
    () => progress && { stepIndex: progress.stepIndex, checks: progress.checks, completedSteps: progress.completed.flatMap((done, i) => (done ? [i] : [])) },
    [progress],
  );
  const panelSizes = {
    '--kp-lessons-w': `${sizes.lessons}px`,
    '--kp-editor-w': `${sizes.editor}px`,
    '--kp-inspector-w': `${sizes.inspector}px`,
    '--kp-terminal-h': `${sizes.terminal}px`,
  } as CSSProperties;

  return (
    <div className="kp-app" data-phone-panel={phonePanel}>
      <header className="kp-topbar">
        <div className="kp-brand">
          <svg viewBox="0 0 32 32" width="22" height="22" aria-hidden="true">
            <polygon points="16,2 28,8.5 28,23.5 16,30 4,23.5 4,8.5" fill="#326ce5" />
            <circle cx="16" cy="16" r="5" fill="none" stroke="#fff" strokeWidth="2.5" />
          </svg>
          <h1 className="kp-brand-name">Kubeplay</h1>
          <ClusterTitle />
        </div>
        <TimeControls send={session.send} onReset={() => setConfirm('reset')} />
        <div className="kp-topbar-end">
          <AddonsButton onRunCommand={(line) => terminal.current?.run(line)} onCloudProvider={session.setCloudProvider} />
          <ThemeToggle />
          <span className={`kp-conn${connected ? ' kp-conn-ok' : ''}`} role="status">
            {connected ? 'Cluster ready' : 'Starting cluster…'}
          </span>
        </div>
      </header>
      <PhoneTabs active={phonePanel} onChange={setPhonePanel} />

      <main className="kp-body" style={panelSizes}>
        <aside id="kp-panel-lessons" className="kp-left" aria-label="Lessons" data-collapsed={sizes.lessonsCollapsed}>
          <button
            type="button"
            className="kp-collapse"
            aria-expanded={!sizes.lessonsCollapsed}
            aria-controls="kp-lessons-content"
            title={sizes.lessonsCollapsed ? 'Show the lessons panel' : 'Hide the lessons panel'}
            onClick={() => resize({ lessonsCollapsed: !sizes.lessonsCollapsed })}
          >
            <span aria-hidden="true">{sizes.lessonsCollapsed ? '»' : '«'}</span>
            <span className="kp-collapse-text">Lessons</span>
          </button>
          <div id="kp-lessons-content" className="kp-left-content" hidden={sizes.lessonsCollapsed}>
            <Later order={2} when={connected}>
              <LessonsPanel
                lessons={lessons}
                activeLessonId={progress?.lessonId ?? null}
                progress={progressView}
                onSelectLesson={(id) => void session.selectLesson(id)}
                onOpenFile={(path) => {
                  session.openLessonFile(path);
                  setPhonePanel('editor');
                }}
                onCheck={() => void session.check()}
                onStep={(i) => void session.goToStep(i)}
                onRunCommand={(line) => {
                  terminal.current?.run(line);
                  setPhonePanel('terminal');
                }}
                onTypeCommand={(line) => {
                  setPhonePanel('terminal');
                  terminal.current?.type(line);
                }}
                progressByLesson={progressByLesson}
                onRestartLesson={() => setConfirm('restart')}
                waitingHint={<SpeedHint send={session.send} />}
              />
            </Later>
          </div>
        </aside>
        {!sizes.lessonsCollapsed && (
          <Splitter
            label="Resize the lessons panel"
            orientation="vertical"
            grows="right"
            controls="kp-panel-lessons"
            value={sizes.lessons}
            min={limits.lessons[0]}
            max={limits.lessons[1]}
            onChange={(lessons) => resize({ lessons })}
          />
        )}

        <div className="kp-work">
          <div className="kp-upper">
            <div id="kp-panel-cluster" className="kp-cluster">
              <section className="kp-centre" aria-label="Cluster">
                <Later order={1} when={connected}>
                  <GraphView colorMode={theme} />
                </Later>
              </section>
              {inspecting && (
                <Splitter
                  label="Resize the inspector"
                  orientation="vertical"
                  grows="left"
                  controls="kp-inspector"
                  value={sizes.inspector}
                  min={limits.inspector[0]}
                  max={limits.inspector[1]}
                  onChange={(inspector) => resize({ inspector })}
                />
              )}
              <Inspector inspect={session.inspect} />
            </div>
            <Splitter
              label="Resize the editor"
              orientation="vertical"
              grows="left"
              controls="kp-panel-editor"
              value={sizes.editor}
              min={limits.editor[0]}
              max={limits.editor[1]}
              onChange={(editor) => resize({ editor })}
            />
            <section id="kp-panel-editor" className="kp-editor-slot" aria-label="Workspace">
              <YamlEditor
                files={files}
                active={activeFile}
                onActiveChange={setActiveFile}
                onChange={session.editFile}
                onApply={() => void session.apply()}
                markers={markers}
                listProblems={false}
                tabs={
                  <FileTabs
                    lessonTabs={tabs.lesson}
                    myTabs={tabs.mine}
                    active={activeFile}
                    markers={markers}
                    onSelect={setActiveFile}
                    onClose={(name) => updateFiles((s) => F.closeTab(s, name))}
                    renameProblem={(from, to) => F.renameProblem(useApp.getState(), from, to, reserved)}
                    onRename={(from, to) => updateFiles((s) => F.renameFile(s, from, to, lessons.find((l) => l.id === s.lessonId)))}
                    onNew={() => updateFiles((s) => F.newFile(s, reserved))}
                  />
                }
              />
              {/* kubectl's words, shown once: the editor marks the same line without repeating them. */}
              {applyOutput && (
                <pre className={`kp-apply-output${applyOutput.failed ? ' kp-apply-failed' : ''}`} role="status" aria-label="Apply output">
                  {applyOutput.text.trimEnd() || '(no output)'}
                </pre>
              )}
            </section>
          </div>
          <Splitter
            label="Resize the terminal"
            orientation="horizontal"
            grows="up"
            controls="kp-panel-terminal"
            value={sizes.terminal}
            min={limits.terminal[0]}
            max={limits.terminal[1]}
            onChange={(terminalHeight) => resize({ terminal: terminalHeight })}
          />
          <section id="kp-panel-terminal" className="kp-terminal-slot" aria-label="Terminal">
            <Later order={0}>
              <Terminal
                ref={terminal}
                onRun={session.run}
                onComplete={session.complete}
                onInterrupt={session.interrupt}
                onInput={session.input}
                banner={BANNER}
                history={history}
                onHistory={session.setHistory}
              />
            </Later>
          </section>
        </div>
      </main>
      <BrowserWindow browse={session.browse} />
      <Notice />
      <ConfirmDialog
        open={confirm === 'reset'}
        title="Reset the cluster?"
        message="Objects are deleted, lesson progress is kept."
        confirmLabel="Reset"
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          setConfirm(null);
          session.reset();
        }}
      />
      <ConfirmDialog
        open={confirm === 'restart'}
        title="Start the lesson over?"
        message="The cluster is reset, the lesson's files go back to how they were, and its progress starts again from step 1."
        confirmLabel="Start over"
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          setConfirm(null);
          void session.restartLesson();
        }}
      />
    </div>
  );
}
