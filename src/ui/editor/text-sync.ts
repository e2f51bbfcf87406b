/**
 * Decides when a `files` prop should overwrite the editor's text, pure. The editor reports each
 * edit through `onChange`; the host echoes it back in `files`, possibly a render or two late.
 * A late echo of an older edit must not undo newer typing, while a real external change (a
 * lesson resetting a file, a reset of the workspace) must replace the text.
 */
export class TextSync {
  /** True while the editor itself writes prop text into a model (its change events are not edits). */
  applying = false;
  private readonly lastProp = new Map<string, string>();
  private readonly pendingEchoes = new Map<string, Set<string>>();

  /** The prop value the model was created from or last synced to. */
  seen(name: string, text: string): void {
    this.lastProp.set(name, text);
  }

  /** The editor reported `text` for `name` through onChange; its echo is expected. */
  emitted(name: string, text: string): void {
    let echoes = this.pendingEchoes.get(name);
    if (!echoes) this.pendingEchoes.set(name, (echoes = new Set()));
    echoes.add(text);
    // Bounded: a host that never echoes must not grow this without end.
    if (echoes.size > 64) echoes.delete(echoes.values().next().value as string);
  }

  /** Should the model (now `modelText`) be replaced by the prop `propText`? */
  shouldApply(name: string, propText: string, modelText: string): boolean {
    if (propText === modelText) {
      // The host has caught up: older echoes cannot arrive after this one.
      this.pendingEchoes.get(name)?.clear();
      this.lastProp.set(name, propText);
      return false;
    }
    if (propText === this.lastProp.get(name)) return false; // unchanged prop; the learner typed since
    this.lastProp.set(name, propText);
    if (this.pendingEchoes.get(name)?.has(propText)) return false; // a late echo of an older edit
    this.pendingEchoes.get(name)?.clear();
    return true;
  }

  /** Runs `write` with change events marked as not coming from the learner. */
  run(write: () => void): void {
    this.applying = true;
    try {
      write();
    } finally {
      this.applying = false;
    }
  }

  forget(name: string): void {
    this.lastProp.delete(name);
    this.pendingEchoes.delete(name);
  }
}
