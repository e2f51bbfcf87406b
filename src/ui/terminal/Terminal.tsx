/**
 * The learner's shell: xterm.js glue around the pure LineEditor. The host runs commands
 * (`onRun` streams output through `write` and resolves with the exit code, which is not
 * printed), completes words (`onComplete`) and stops a running command (`onInterrupt`).
 *
 * Test and accessibility hooks: xterm's helper textarea keeps its "Terminal input" label, xterm
 * renders rows into the DOM, and a visually hidden `role="log"` mirrors the session as plain text.
 */
import { useEffect, useImperativeHandle, useRef, type Ref, type RefObject } from 'react';
import { Terminal as XTerm, type ITheme } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import './Terminal.css';
import '../visually-hidden.css';
import { LineEditor } from './line-editor';
import { formatColumns, resolveCompletion } from './completion';
import { formatHistory, stripAnsi, toTerminalNewlines } from './output';
import { TerminalMirror } from './mirror';
import { getTheme, subscribeTheme, type Theme } from '../theme';

export interface TerminalHandle {
  /** Types `line` and presses Enter (queued behind a running command), e.g. a lesson's "Run". */
  run(line: string): void;
  /** Puts `text` on the prompt for the learner to finish (replacing what was half-typed); focuses. */
  type(text: string): void;
  focus(): void;
}

export interface TerminalProps {
  /**
   * Runs one command line; stream output with `write` (LF is fine); resolve with the exit code.
   * Call `reading()` when the command reads the terminal: from then on typed lines go to `onInput`.
   * `columns`: the terminal's width (bash's `$COLUMNS`).
   */
  onRun: (line: string, write: (text: string) => void, reading: () => void, columns: number) => Promise<number>;
  /** A line typed into a command that reads the terminal (with its newline), or null for Ctrl+D. */
  onInput?: (text: string | null) => void;
  /** Candidates for the word before the cursor (whole words or whole lines). */
  onComplete?: (line: string) => Promise<string[]>;
  /** Ctrl+C while a command runs. The host ends the command; its `onRun` promise then resolves. */
  onInterrupt?: () => void;
  /** Printed once before the first prompt. */
  banner?: string;
  /** Lines to start the history with (a restored session), oldest first. Read once. */
  history?: readonly string[];
  /** The history after each submitted line (to save it). */
  onHistory?: (entries: readonly string[]) => void;
  ref?: Ref<TerminalHandle>;
  className?: string;
}

const PROMPT = '$ ';
const IDLE_HANDLE: TerminalHandle = { run: () => {}, type: () => {}, focus: () => {} };
const CLEAR_SCREEN = '\x1b[H\x1b[2J\x1b[3J';

/** xterm's colours for each page theme (the light palette darkens yellow and cyan to stay readable). */
const THEMES: Record<Theme, ITheme> = {
  dark: {
    background: '#101318',
    foreground: '#d8dee9',
    cursor: '#88c0d0',
    selectionBackground: '#3b4252',
  },
  light: {
    background: '#fbfcfd',
    foreground: '#1c2430',
    cursor: '#326ce5',
    cursorAccent: '#fbfcfd',
    selectionBackground: '#cfdcf7',
    black: '#1c2430',
    red: '#b42318',
    green: '#1b7a43',
    yellow: '#8a5a00',
    blue: '#2756b8',
    magenta: '#8e3ab0',
    cyan: '#0e7470',
    white: '#5d6879',
    brightBlack: '#5d6879',
    brightRed: '#c13030',
    brightGreen: '#1f8a4c',
    brightYellow: '#955900',
    brightBlue: '#326ce5',
    brightMagenta: '#9b4dca',
    brightCyan: '#0f807b',
    brightWhite: '#1c2430',
  },
};

/** Ctrl+V and Ctrl+Shift+V: the browser's own paste (a `paste` event xterm turns into input). */
function isPasteShortcut(event: KeyboardEvent): boolean {
  return event.type === 'keydown' && (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'v';
}

type Callbacks = Pick<TerminalProps, 'onRun' | 'onComplete' | 'onInterrupt' | 'onHistory' | 'onInput'>;

interface OpenOptions {
  /** The latest callbacks, read at call time. */
  callbacks: RefObject<Callbacks>;
  banner?: string;
  history?: readonly string[];
  /** Set to the live terminal's handle (and back to the idle one on close). */
  api: RefObject<TerminalHandle>;
}

/** Opens xterm in `host` (in steps), runs the prompt on a LineEditor, mirrors the session into `log`; returns the closer. */
function openTerminal(host: HTMLDivElement, log: HTMLDivElement, { callbacks, banner, history, api }: OpenOptions): () => void {
  const term = new XTerm({
    cursorBlink: true,
    fontFamily: 'ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace',
    fontSize: 13,
    lineHeight: 1.2,
    scrollback: 5000,
    theme: THEMES[getTheme()],
  });
  const unsubscribeTheme = subscribeTheme(() => {
    term.options.theme = THEMES[getTheme()];
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  const mirror = new TerminalMirror(log);
  const editor = new LineEditor(PROMPT, term.cols);
  for (const line of history ?? []) editor.remember(line);
  let running = false;
  let pending = ''; // typeahead and the remaining lines of a multi-line paste
  let writeToCommand: (text: string) => void = () => {};
  let disposed = false;
  // While a command reads the terminal, keys go through a tty's cooked mode: echoed, Backspace
  // edits, Enter sends the line, Ctrl+D ends the input (on an empty line) or sends what is typed.
  let reading = false;
  let cooked = '';
  const feedCooked = (data: string) => {
    for (let i = 0; i < data.length; i++) {
      const c = data[i];
      if (c === '\x1b') {
        // An escape sequence (arrow keys…): a cooked tty would echo it as ^[[A; skip it.
        const m = /^\x1b(\[[0-9;?]*[ -/]*[@-~]|O.|.)?/.exec(data.slice(i));
        i += (m?.[0].length ?? 1) - 1;
      } else if (c === '\r' || c === '\n') {
        writeToCommand('\n');
        callbacks.current.onInput?.(`${cooked}\n`);
        cooked = '';
      } else if (c === '\x7f' || c === '\b') {
        if (cooked) {
          cooked = cooked.slice(0, -1);
          term.write('\b \b');
        }
      } else if (c === '\x04') {
        callbacks.current.onInput?.(cooked === '' ? null : cooked);
        cooked = '';
      } else if (c >= ' ') {
        cooked += c;
        writeToCommand(c);
      }
    }
  };

  const safeFit = () => {
    try {
      fit.fit();
    } catch {
      // the container is not laid out yet (display: none); the next resize fits again
    }
  };
  editor.cols = term.cols;
  host.dataset.cols = String(term.cols); // for tests: the width the learner reads in
  term.onResize(({ cols }) => {
    editor.cols = cols;
    host.dataset.cols = String(cols);
  });
  const resizeObserver = new ResizeObserver(() => safeFit());

  const showPrompt = () => {
    editor.reset();
    term.write(PROMPT);
  };

  const runLine = async (line: string) => {
    const command = line.trim();
    if (command === '') {
      showPrompt();
      return;
    }
    if (command === 'clear') {
      term.write(CLEAR_SCREEN);
      mirror.clear();
      showPrompt();
      return;
    }
    if (command === 'history') {
      const text = formatHistory(editor.entries);
      term.write(text);
      mirror.output(text.replace(/\r\n/g, '\n'));
      showPrompt();
      return;
    }
    running = true;
    let atLineStart = true;
    let finished = false;
    const write = (text: string) => {
      // Late output after the command ended would land on the prompt line: drop it.
      if (finished || disposed || text === '') return;
      const converted = toTerminalNewlines(text);
      term.write(converted);
      atLineStart = converted.endsWith('\n');
      mirror.output(stripAnsi(text));
    };
    writeToCommand = write;
    const startReading = () => {
      if (finished || reading) return;
      reading = true;
      // What was typed ahead is the command's input now, as it would be on a tty.
      const typed = pending;
      pending = '';
      feedCooked(typed);
    };
    try {
      await callbacks.current.onRun(line, write, startReading, term.cols);
    } catch (error) {
      write(`${error instanceof Error ? error.message : String(error)}\n`);
    } finally {
      finished = true;
      running = false;
      reading = false;
      cooked = '';
    }
    if (disposed) return;
    // Keep the prompt at the start of a line even if the output did not end with a newline.
    if (!atLineStart) term.write('\r\n');
    showPrompt();
    const rest = pending;
    pending = '';
    if (rest) handleInput(rest);
  };

  const complete = async (line: string, tabCount: number) => {
    const ask = callbacks.current.onComplete;
    if (!ask) return;
    const snapshot = `${editor.cursor}:${editor.buffer}`;
    let candidates: string[];
    try {
      candidates = await ask(line);
    } catch {
      return;
    }
    // The learner kept typing (or a command started): the answer is stale.
    if (disposed || running || snapshot !== `${editor.cursor}:${editor.buffer}`) return;
    const outcome = resolveCompletion(line, candidates, tabCount);
    if (outcome.replacement !== undefined) term.write(editor.replaceBeforeCursor(outcome.replacement));
    else if (outcome.listing) term.write(editor.printBelow(formatColumns(outcome.listing, term.cols)));
    else term.write('\x07'); // bash rings the bell when Tab cannot help
  };

  function handleInput(data: string) {
    if (running) {
      if (data.includes('\x03')) {
        // Like a tty: echo ^C, drop the typeahead, let the host stop the command.
        pending = '';
        writeToCommand('^C\n');
        callbacks.current.onInterrupt?.();
      } else if (reading) {
        feedCooked(data);
      } else {
        pending += data;
      }
      return;
    }
    const result = editor.feed(data);
    term.write(result.output);
    for (const action of result.actions) {
      switch (action.type) {
        case 'submit':
          mirror.command(PROMPT + action.line);
          callbacks.current.onHistory?.(editor.entries);
          pending = result.rest + pending;
          void runLine(action.line);
          return;
        case 'interrupt':
          mirror.command(`${PROMPT}${action.line}^C`);
          term.write(PROMPT);
          break;
        case 'clear-screen':
          term.write(CLEAR_SCREEN + editor.reprint());
          break;
        case 'complete':
          void complete(action.line, action.tabCount);
          break;
      }
    }
  }

  // Tab completes, so it cannot also move focus: Escape then Tab leaves the terminal (a11y).
  let escaped = false;
  term.attachCustomKeyEventHandler((event) => {
    if (event.type === 'keydown' && event.key === 'Tab' && escaped) {
      escaped = false;
      return false; // xterm leaves the event alone: the browser moves focus
    }
    if (event.type === 'keydown' && !['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) {
      escaped = event.key === 'Escape';
    }
    // Not ^V: let the browser paste, as a terminal emulator's Ctrl+Shift+V does.
    if (isPasteShortcut(event)) return false;
    // Ctrl+C with a selection copies, like most terminal emulators, instead of interrupting.
    if (event.type === 'keydown' && event.ctrlKey && event.key === 'c' && term.hasSelection()) {
      void navigator.clipboard?.writeText(term.getSelection()).catch(() => {});
      term.clearSelection();
      return false;
    }
    return true;
  });
  const dataListener = term.onData(handleInput);

  // Right-click copies the selection, or pastes when there is none (like PuTTY, Windows Terminal).
  const onContextMenu = (event: MouseEvent) => {
    const clipboard = navigator.clipboard;
    if (!clipboard) return; // no Clipboard API: keep the browser's own menu
    event.preventDefault();
    if (term.hasSelection()) {
      void clipboard.writeText(term.getSelection()).catch(() => {});
      term.clearSelection();
      return;
    }
    clipboard.readText().then(
      (text) => !disposed && text && term.paste(text),
      () => {}, // reading was refused: nothing to paste
    );
    term.focus();
  };
  host.addEventListener('contextmenu', onContextMenu);

  const bannerText = banner;
  if (bannerText) {
    const withNewline = bannerText.endsWith('\n') ? bannerText : `${bannerText}\n`;
    term.write(toTerminalNewlines(withNewline));
    mirror.output(withNewline);
  }
  showPrompt();

  // Each a task of its own (tens of ms each): creating the terminal (above), open() (builds the
  // renderer, measures the font; its input takes keys from here on, all wired above), then the
  // first fit (redraws every row). The observer refits on every resize after that.
  let step = setTimeout(() => {
    term.open(host);
    term.textarea?.setAttribute('aria-description', 'Press Escape, then Tab, to move focus out of the terminal.');
    step = setTimeout(() => {
      safeFit();
      resizeObserver.observe(host);
    }, 0);
  }, 0);

  // Replaces whatever is half-typed, like pasting onto an empty prompt.
  const clearLine = () => {
    if (editor.buffer !== '') term.write(editor.replaceBeforeCursor('') + editor.feed('\x0b').output);
  };

  api.current = {
    run: (line: string) => {
      const text = line.replace(/\r?\n$/, '') + '\r';
      if (running) {
        pending += text;
        return;
      }
      clearLine();
      handleInput(text);
    },
    type: (text: string) => {
      const line = text.replace(/\r?\n/g, ' ').trimEnd();
      if (running) pending += line;
      else {
        clearLine();
        term.write(editor.insertText(line));
      }
      term.focus();
    },
    focus: () => term.focus(),
  };

  return () => {
    disposed = true;
    dataListener.dispose();
    host.removeEventListener('contextmenu', onContextMenu);
    unsubscribeTheme();
    clearTimeout(step);
    resizeObserver.disconnect();
    mirror.dispose();
    term.dispose();
    api.current = IDLE_HANDLE;
  };
}

export function Terminal({ onRun, onComplete, onInterrupt, onInput, banner, history, onHistory, ref, className }: TerminalProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const logRef = useRef<HTMLDivElement>(null);
  // Latest callbacks, read at call time so the xterm instance is created once.
  const callbacks = useRef({ onRun, onComplete, onInterrupt, onHistory, onInput });
  callbacks.current = { onRun, onComplete, onInterrupt, onHistory, onInput };
  const bannerRef = useRef(banner);
  const historyRef = useRef(history);
  const api = useRef<TerminalHandle>(IDLE_HANDLE);

  useImperativeHandle(
    ref,
    () => ({
      run: (line) => api.current.run(line),
      type: (text) => api.current.type(text),
      focus: () => api.current.focus(),
    }),
    [],
  );

  useEffect(() => {
    const host = hostRef.current;
    const log = logRef.current;
    if (!host || !log) return;
    // xterm takes tens of ms to set up: in tasks of its own, never inside a React commit (where a
    // store update arriving meanwhile would run this effect and its own render as one task).
    let close: (() => void) | undefined;
    const opening = setTimeout(() => {
      close = openTerminal(host, log, { callbacks, banner: bannerRef.current, history: historyRef.current, api });
    }, 0);
    return () => {
      clearTimeout(opening);
      close?.();
    };
  }, []);

  return (
    <div className={`kp-terminal ${className ?? ''}`}>
      <div className="kp-terminal__screen" ref={hostRef} onClick={() => api.current.focus()} />
      <div className="kp-visually-hidden" role="log" aria-live="polite" aria-label="Terminal output" ref={logRef} />
    </div>
  );
}
