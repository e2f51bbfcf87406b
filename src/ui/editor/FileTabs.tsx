/**
 * The editor's file tabs, in two groups: the current lesson's files, then the learner's own
 * ("My files") with a ＋ for a new one. Arrow keys move between tabs; Delete (or the ×, or a
 * middle click) closes one; F2 (or a double click) renames it in place. Closing a lesson file
 * only hides its tab; what closing and renaming mean for the files is the host's (ui/files.ts).
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { EditorMarker } from './markers';
import './FileTabs.css';

export interface FileTabsProps {
  lessonTabs: readonly string[];
  myTabs: readonly string[];
  active: string;
  markers: readonly EditorMarker[];
  onSelect: (name: string) => void;
  onClose: (name: string) => void;
  /** Why `to` cannot be the new name (undefined when it can). */
  renameProblem: (from: string, to: string) => string | undefined;
  onRename: (from: string, to: string) => void;
  onNew: () => void;
}

/** The id of a tab's element (the editor's tabpanel is labelled by the active one). */
export function tabId(name: string): string {
  return `kp-editor-tab-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export function FileTabs(props: FileTabsProps) {
  const { lessonTabs, myTabs, active, markers, onSelect, onClose, onNew } = props;
  const [renaming, setRenaming] = useState<string | null>(null);
  const all = [...lessonTabs, ...myTabs];
  const problems = new Map<string, number>();
  for (const m of markers) problems.set(m.file, (problems.get(m.file) ?? 0) + 1);

  const focusTab = (name: string | undefined) => {
    if (name !== undefined) requestAnimationFrame(() => document.getElementById(tabId(name))?.focus());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, name: string) => {
    const index = all.indexOf(name);
    const move = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (move !== 0) {
      event.preventDefault();
      const next = all[(index + move + all.length) % all.length];
      onSelect(next);
      focusTab(next);
    } else if (event.key === 'Delete') {
      event.preventDefault();
      onClose(name);
      focusTab(all[index + 1] ?? all[index - 1]);
    } else if (event.key === 'F2') {
      event.preventDefault();
      setRenaming(name);
    }
  };

  const tab = (name: string, group: 'lesson' | 'mine') =>
    renaming === name ? (
      <RenameField
        key={name}
        name={name}
        problem={(to) => props.renameProblem(name, to)}
        onDone={(to) => {
          setRenaming(null);
          if (to !== undefined && to !== name) {
            props.onRename(name, to);
            focusTab(to);
          } else focusTab(name);
        }}
      />
    ) : (
      <button
        key={name}
        id={tabId(name)}
        type="button"
        role="tab"
        aria-selected={name === active}
        aria-description={`${group === 'lesson' ? 'Lesson file' : 'Your file'}. Delete closes, F2 renames.`}
        aria-keyshortcuts="Delete F2"
        tabIndex={name === active ? 0 : -1}
        className={`kp-editor__tab kp-filetab${group === 'lesson' ? ' is-lesson' : ''}`}
        onClick={() => onSelect(name)}
        onDoubleClick={() => setRenaming(name)}
        onAuxClick={(event) => {
          if (event.button === 1) {
            event.preventDefault();
            onClose(name);
          }
        }}
        onKeyDown={(event) => onKeyDown(event, name)}
      >
        {name}
        {problems.get(name) ? (
          <span className="kp-editor__tab-badge" aria-label={problems.get(name) === 1 ? '1 problem' : `${problems.get(name)} problems`}>
            {problems.get(name)}
          </span>
        ) : null}
        <span
          className="kp-filetab__close"
          aria-hidden="true"
          title={group === 'lesson' ? 'Close (Open in editor brings it back)' : 'Close and delete this file'}
          onClick={(event) => {
            event.stopPropagation();
            onClose(name);
          }}
        >
          ×
        </span>
      </button>
    );

  return (
    <div className="kp-filetabs">
      <div className="kp-editor__tabs" role="tablist" aria-label="Files">
        {lessonTabs.length > 0 && (
          <span className="kp-filetabs__group" aria-hidden="true">
            Lesson
          </span>
        )}
        {lessonTabs.map((name) => tab(name, 'lesson'))}
        <span className="kp-filetabs__group" aria-hidden="true">
          My files
        </span>
        {myTabs.map((name) => tab(name, 'mine'))}
      </div>
      <button type="button" className="kp-filetabs__new" aria-label="New file" title="New file" onClick={onNew}>
        +
      </button>
    </div>
  );
}

function RenameField({ name, problem, onDone }: { name: string; problem: (to: string) => string | undefined; onDone: (to?: string) => void }) {
  const [value, setValue] = useState(name);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.setSelectionRange(0, name.replace(/\.[^.]*$/, '').length);
  }, [name]);
  const error = problem(value.trim());
  const commit = () => onDone(error ? undefined : value.trim());
  return (
    <span className="kp-filetab__rename">
      <input
        ref={input}
        aria-label={`New name for ${name}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'kp-filetab-rename-error' : undefined}
        value={value}
        spellCheck={false}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            if (!error) commit();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            onDone();
          }
        }}
        onBlur={commit}
      />
      {error && (
        <span id="kp-filetab-rename-error" className="kp-filetab__error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
