/**
 * The learner's manifest editor: file tabs, Monaco with monaco-yaml (syntax + schema validation,
 * completion, hover), an Apply button (and Ctrl/Cmd+Enter), and apply errors shown as markers
 * plus a readable list under the editor. Prop-driven: the host owns the files and the markers.
 * Monaco loads when the learner first reaches for the editor (pointer or focus); until then, or
 * if it fails to load, a plain textarea keeps the editor usable.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type * as MonacoApi from 'monaco-editor/editor';
import './YamlEditor.css';
import { loadMonaco, monacoTheme, type LoadedMonaco } from './monaco-setup';
import { describeMarker, sortMarkers, toMarkerData, type EditorMarker } from './markers';
import { TextSync } from './text-sync';

export interface YamlEditorProps {
  /** Workspace files by name (what `kubectl apply -f NAME` reads). */
  files: Record<string, string>;
  /** The file shown. */
  active: string;
  onActiveChange: (name: string) => void;
  onChange: (name: string, text: string) => void;
  onApply: () => void;
  /** Apply errors (1-based positions) for any of the files. */
  markers?: readonly EditorMarker[];
  /** List the problems under the editor (off when the host shows kubectl's message itself). */
  listProblems?: boolean;
  /** True while an apply is in flight: the button shows it and ignores clicks. */
  applying?: boolean;
  /** The host's own tab bar (FileTabs.tsx, same tab ids) instead of one tab per file. */
  tabs?: ReactNode;
  className?: string;
}

type CodeEditor = MonacoApi.editor.IStandaloneCodeEditor;
type TextModel = MonacoApi.editor.ITextModel;

const MARKER_OWNER = 'kubeplay-apply';
const NO_MARKERS: readonly EditorMarker[] = [];

function modelUri(monaco: LoadedMonaco['monaco'], name: string) {
  return monaco.Uri.parse(`file:///workspace/${encodeURIComponent(name)}`);
}

function tabId(name: string) {
  return `kp-editor-tab-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export function YamlEditor({
  files,
  active,
  onActiveChange,
  onChange,
  onApply,
  markers = NO_MARKERS,
  listProblems = true,
  applying = false,
  tabs,
  className,
}: YamlEditorProps) {
  const [loaded, setLoaded] = useState<LoadedMonaco | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editor, setEditor] = useState<CodeEditor | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const models = useRef(new Map<string, TextModel>());
  const viewStates = useRef(new Map<string, MonacoApi.editor.ICodeEditorViewState | null>());
  const sync = useRef(new TextSync());
  const pendingReveal = useRef<EditorMarker | null>(null);
  // The learner was typing in the fallback textarea when Monaco arrived: keep their focus.
  const fallbackFocused = useRef(false);
  const fallbackRef = useRef<HTMLTextAreaElement>(null);
  const latest = useRef({ onChange, onApply, active, applying });
  latest.current = { onChange, onApply, active, applying };

  const apply = useCallback(() => {
    if (!latest.current.applying) latest.current.onApply();
  }, []);

  // Monaco is big: load it on the learner's first pointer or focus on the editor, not with the page.
  const [wanted, setWanted] = useState(false);
  const want = () => setWanted(true);

  useEffect(() => {
    if (!wanted) return;
    let cancelled = false;
    loadMonaco().then(
      (result) => !cancelled && setLoaded(result),
      (error: unknown) => !cancelled && setLoadError(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      cancelled = true;
    };
  }, [wanted]);

  // Create the editor once Monaco is there; models are created by the sync effect below.
  useEffect(() => {
    const container = containerRef.current;
    if (!loaded || !container) return;
    const { monaco } = loaded;
    // The textarea is still mounted here (it goes once `editor` is set below).
    fallbackFocused.current = fallbackRef.current !== null && document.activeElement === fallbackRef.current;
    const instance = monaco.editor.create(container, {
      model: null,
      automaticLayout: true,
      // Playwright's keyboard.type drops spaces with EditContext (DESIGN.md known traps).
      editContext: false,
      minimap: { enabled: false },
      fontSize: 13,
      lineHeight: 20,
      tabSize: 2,
      insertSpaces: true,
      detectIndentation: false,
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      renderLineHighlight: 'line',
      quickSuggestions: { other: true, comments: false, strings: true },
      padding: { top: 8 },
      theme: monacoTheme(),
      ariaLabel: 'YAML editor',
    });
    instance.addAction({
      id: 'kubeplay.apply',
      label: 'Apply (kubectl apply -f)',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => apply(),
    });
    const listener = instance.onDidChangeModelContent(() => {
      const model = instance.getModel();
      if (!model || sync.current.applying) return;
      const name = [...models.current].find(([, m]) => m === model)?.[0];
      if (name === undefined) return;
      const text = model.getValue();
      sync.current.emitted(name, text);
      latest.current.onChange(name, text);
    });
    // Tab indents, so Escape then Tab leaves the editor (as in the terminal; Ctrl+M also works):
    // the Tab is kept from Monaco, and the browser moves focus.
    let escaped = false;
    const onKeyDownCapture = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Tab' && escaped) event.stopPropagation();
      else if (!['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) escaped = event.key === 'Escape';
    };
    container.addEventListener('keydown', onKeyDownCapture, true);
    setEditor(instance);
    const ownModels = models.current;
    return () => {
      container.removeEventListener('keydown', onKeyDownCapture, true);
      listener.dispose();
      instance.dispose();
      for (const model of ownModels.values()) model.dispose();
      ownModels.clear();
      sync.current = new TextSync();
      setEditor(null);
    };
  }, [loaded, apply]);

  // Bring the models in line with the props: new files, external edits, removed files, active tab.
  useEffect(() => {
    if (!loaded || !editor) return;
    const { monaco } = loaded;
    for (const [name, text] of Object.entries(files)) {
      const model = models.current.get(name);
      if (!model) {
        models.current.set(name, monaco.editor.createModel(text, 'yaml', modelUri(monaco, name)));
        sync.current.seen(name, text);
      } else if (sync.current.shouldApply(name, text, model.getValue())) {
        sync.current.run(() => {
          // An edit operation (not setValue) keeps the learner's undo history.
          model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
        });
      }
    }
    for (const [name, model] of models.current) {
      if (!(name in files)) {
        model.dispose();
        models.current.delete(name);
        viewStates.current.delete(name);
        sync.current.forget(name);
      }
    }
    const target = models.current.get(active) ?? null;
    const current = editor.getModel();
    if (current !== target) {
      const currentName = [...models.current].find(([, m]) => m === current)?.[0];
      if (currentName !== undefined) viewStates.current.set(currentName, editor.saveViewState());
      editor.setModel(target);
      const state = viewStates.current.get(active);
      if (state) editor.restoreViewState(state);
    }
    if (fallbackFocused.current && target) {
      fallbackFocused.current = false;
      editor.setPosition(target.getFullModelRange().getEndPosition());
      editor.focus();
    }
    const reveal = pendingReveal.current;
    if (reveal && reveal.file === active && target) {
      pendingReveal.current = null;
      const position = { lineNumber: reveal.line, column: reveal.column };
      editor.setPosition(target.validatePosition(position));
      editor.revealLineInCenter(reveal.line);
      editor.focus();
    }
  }, [loaded, editor, files, active]);

  const names = useMemo(() => Object.keys(files), [files]);
  const fileSet = names.join('\n');

  // Apply errors as markers (monaco-yaml's own markers use another owner and stay). Set when
  // the markers or the set of files change, not on every edit: Monaco moves markers along with
  // the text, and re-setting them would snap them back to the old positions.
  useEffect(() => {
    if (!loaded || !editor) return;
    for (const [name, model] of models.current) {
      loaded.monaco.editor.setModelMarkers(model, MARKER_OWNER, toMarkerData(markers, name, model));
    }
  }, [loaded, editor, markers, fileSet]);

  const sortedMarkers = useMemo(() => sortMarkers(markers), [markers]);
  const errorsByFile = useMemo(() => {
    const counts = new Map<string, number>();
    for (const m of markers) counts.set(m.file, (counts.get(m.file) ?? 0) + 1);
    return counts;
  }, [markers]);
  const monacoReady = loaded !== null && editor !== null;
  const hasActive = active in files;

  const revealMarker = (marker: EditorMarker) => {
    if (!(marker.file in files)) return;
    pendingReveal.current = marker;
    if (marker.file !== active) onActiveChange(marker.file);
    else if (editor && models.current.get(active)) {
      const model = models.current.get(active)!;
      pendingReveal.current = null;
      editor.setPosition(model.validatePosition({ lineNumber: marker.line, column: marker.column }));
      editor.revealLineInCenter(marker.line);
      editor.focus();
    }
  };

  const onTabKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0 || names.length === 0) return;
    event.preventDefault();
    const next = names[(index + step + names.length) % names.length];
    onActiveChange(next);
    document.getElementById(tabId(next))?.focus();
  };

  const onTextareaKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      apply();
    }
  };

  return (
    <section className={`kp-editor ${className ?? ''}`} aria-label="Manifest editor" onPointerEnter={want} onPointerDown={want} onFocus={want}>
      <div className="kp-editor__bar">
        {tabs ?? (
        <div className="kp-editor__tabs" role="tablist" aria-label="Files">
          {names.map((name, index) => (
            <button
              key={name}
              id={tabId(name)}
              type="button"
              role="tab"
              aria-selected={name === active}
              tabIndex={name === active ? 0 : -1}
              className="kp-editor__tab"
              onClick={() => onActiveChange(name)}
              onKeyDown={(event) => onTabKeyDown(event, index)}
            >
              {name}
              {errorsByFile.get(name) ? (
                <span
                  className="kp-editor__tab-badge"
                  aria-label={errorsByFile.get(name) === 1 ? '1 problem' : `${errorsByFile.get(name)} problems`}
                >
                  {errorsByFile.get(name)}
                </span>
              ) : null}
            </button>
          ))}
        </div>
        )}
        <div className="kp-editor__actions">
          <button
            type="button"
            className="kp-editor__apply"
            onClick={apply}
            disabled={!hasActive}
            aria-busy={applying}
            aria-keyshortcuts="Control+Enter Meta+Enter"
          >
            Apply
          </button>
        </div>
      </div>
      <div className="kp-editor__body" role="tabpanel" aria-labelledby={hasActive ? tabId(active) : undefined}>
        {!hasActive && <p className="kp-editor__empty">No file open. Open a lesson file to start editing.</p>}
        <div
          ref={containerRef}
          className="kp-editor__monaco"
          hidden={!monacoReady || !hasActive}
          data-testid="monaco-container"
        />
        {!monacoReady && hasActive && (
          <textarea
            className="kp-editor__fallback"
            aria-label={`${active} (plain text)`}
            spellCheck={false}
            value={files[active]}
            onChange={(event) => onChange(active, event.target.value)}
            onKeyDown={onTextareaKeyDown}
            ref={fallbackRef}
          />
        )}
      </div>
      <p className="kp-editor__hint" id="kp-editor-keys">
        <kbd>Ctrl+Enter</kbd> apply · <kbd>Esc</kbd> then <kbd>Tab</kbd> (or <kbd>Ctrl+M</kbd>) moves focus out
      </p>
      {loadError && (
        <p className="kp-editor__notice" role="status">
          The rich editor could not load ({loadError}); you can still edit and apply here.
        </p>
      )}
      {listProblems && sortedMarkers.length > 0 && (
        <ul className="kp-editor__problems" aria-label="Apply problems" aria-live="polite">
          {sortedMarkers.map((marker, index) => (
            <li key={`${index}-${describeMarker(marker)}`} className={`kp-editor__problem is-${marker.severity}`}>
              <button type="button" onClick={() => revealMarker(marker)}>
                <span className="kp-editor__problem-where">
                  {marker.file}:{marker.line}:{marker.column}
                </span>{' '}
                <span className="kp-editor__problem-message">{marker.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
