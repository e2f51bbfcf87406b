/**
 * The playground's layout: lessons (left), the live cluster graph (centre, with the inspector
 * drawer), the manifest editor over the terminal (right), time controls in the top bar.
 */
import { useMemo, useRef, useState } from 'react';
import { FileTabs } from './editor/FileTabs';
import { YamlEditor } from './editor/YamlEditor';
import * as F from './files';
import { GraphView } from './graph/GraphView';
import { Inspector } from './Inspector';
import { LessonsPanel } from './lessons/LessonsPanel';
import { SpeedHint } from './lessons/SpeedHint';
import { ConfirmDialog } from './persist/ConfirmDialog';
import { Notice } from './persist/Notice';
import './persist/persist.css';
import type { UiSession } from './session';
import { useApp } from './store';
import { Terminal, type TerminalHandle } from './terminal/Terminal';
import { TimeControls } from './TimeControls';

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

  const progressView = useMemo(
    () => progress && { stepIndex: progress.stepIndex, checks: progress.checks, completedSteps: progress.completed.flatMap((done, i) => (done ? [i] : [])) },
    [progress],
  );

  return (
    <div className="kp-app">
      <header className="kp-topbar">
        <div className="kp-brand">
          <svg viewBox="0 0 32 32" width="22" height="22" aria-hidden="true">
            <polygon points="16,2 28,8.5 28,23.5 16,30 4,23.5 4,8.5" fill="#326ce5" />
            <circle cx="16" cy="16" r="5" fill="none" stroke="#fff" strokeWidth="2.5" />
          </svg>
          <span>Kubeplay</span>
          <span className="kp-muted kp-brand-sub">Kubernetes 1.32 · kind-kind</span>
        </div>
        <TimeControls send={session.send} onReset={() => setConfirm('reset')} />
        <span className={`kp-conn${connected ? ' kp-conn-ok' : ''}`} role="status">
          {connected ? 'Cluster ready' : 'Starting cluster…'}
        </span>
      </header>

      <aside className="kp-left" aria-label="Lessons">
        <LessonsPanel
          lessons={lessons}
          activeLessonId={progress?.lessonId ?? null}
          progress={progressView}
          onSelectLesson={(id) => void session.selectLesson(id)}
          onOpenFile={session.openLessonFile}
          onCheck={() => void session.check()}
          onStep={(i) => void session.goToStep(i)}
          onRunCommand={(line) => terminal.current?.run(line)}
          onTypeCommand={(line) => terminal.current?.type(line)}
          progressByLesson={progressByLesson}
          onRestartLesson={() => setConfirm('restart')}
          waitingHint={<SpeedHint send={session.send} />}
        />
      </aside>

      <main className="kp-centre" aria-label="Cluster">
        <GraphView />
        <Inspector inspect={session.inspect} />
      </main>

      <section className="kp-right" aria-label="Workspace">
        <div className="kp-editor-slot">
          <YamlEditor
            files={files}
            active={activeFile}
            onActiveChange={setActiveFile}
            onChange={session.editFile}
            onApply={() => void session.apply()}
            markers={markers}
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
          {applyOutput && (
            <pre className={`kp-apply-output${applyOutput.failed ? ' kp-apply-failed' : ''}`} role="status" aria-label="Apply output">
              {applyOutput.text.trimEnd() || '(no output)'}
            </pre>
          )}
        </div>
        <div className="kp-terminal-slot">
          <Terminal
            ref={terminal}
            onRun={session.run}
            onComplete={session.complete}
            onInterrupt={session.interrupt}
            banner={BANNER}
            history={history}
            onHistory={session.setHistory}
          />
        </div>
      </section>
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
