/**
 * Lesson markdown → blocks the panel renders, pure. Prose becomes HTML (marked) in which raw
 * HTML from the lesson is shown as text, links keep only safe protocols, and the panel still
 * runs the result through DOMPurify (`sanitizeHtml`) before inserting it. Fenced code blocks
 * stay structured so each `kubectl …` line can get a "Run" button.
 */
import { Marked, type Token, type Tokens } from 'marked';

export interface CodeLine {
  /** The line as shown. */
  text: string;
  /** The command a "Run" button sends to the terminal (`$ ` prompt stripped), if runnable. */
  command?: string;
  /**
   * The command has a `<placeholder>` the learner must fill in (`kubectl delete pod <name>`):
   * it is typed into the terminal, not run.
   */
  needsInput?: boolean;
}

export type Block = { kind: 'html'; html: string } | { kind: 'code'; lang: string; lines: CodeLine[] };

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** http(s), mailto and in-page/relative links; everything else (javascript:, data:, …) is dropped. */
export function isSafeHref(href: string): boolean {
  const trimmed = href.trim();
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(trimmed);
  return scheme === null || ['http', 'https', 'mailto'].includes(scheme[1].toLowerCase());
}

const markdown = new Marked({
  gfm: true,
  renderer: {
    html({ text }) {
      return escapeHtml(text);
    },
    link({ href, title, tokens }) {
      const label = this.parser.parseInline(tokens);
      if (!isSafeHref(href)) return label;
      const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
      const external = /^https?:/i.test(href.trim());
      const target = external ? ' target="_blank" rel="noopener noreferrer"' : '';
      return `<a href="${escapeHtml(href.trim())}"${titleAttr}${target}>${label}</a>`;
    },
    image({ text }) {
      // Lessons have no images to load; show the alt text rather than fetching anything.
      return escapeHtml(text);
    },
  },
});

/** A runnable command: a kubectl line, with an optional `$ ` prompt in front. */
export function commandOf(line: string): string | undefined {
  const command = line.replace(/^\s*\$\s+/, '').trim();
  return /^kubectl(\s|$)/.test(command) ? command : undefined;
}

/** Splits a code block into display lines; `\`-continued lines run as one command. */
export function codeLines(text: string): CodeLine[] {
  const lines = text.replace(/\n$/, '').split('\n');
  const result: CodeLine[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    let joined = lines[i];
    const group = [lines[i]];
    while (/\\\s*$/.test(joined) && i + 1 < lines.length) {
      i += 1;
      group.push(lines[i]);
      joined = joined.replace(/\\\s*$/, ' ') + lines[i].trim();
    }
    const command = commandOf(joined.replace(/\s+/g, ' '));
    const needsInput = command !== undefined && /<[^<>\s][^<>]*>/.test(command);
    group.forEach((text, index) =>
      result.push(index === 0 && command ? (needsInput ? { text, command, needsInput } : { text, command }) : { text }),
    );
  }
  return result;
}

export function renderMarkdown(text: string): Block[] {
  const tokens = markdown.lexer(text);
  const blocks: Block[] = [];
  let prose: Token[] = [];
  const flush = () => {
    if (prose.length === 0) return;
    const html = markdown.parser(prose);
    if (html.trim() !== '') blocks.push({ kind: 'html', html });
    prose = [];
  };
  for (const token of tokens) {
    if (token.type === 'code') {
      flush();
      const code = token as Tokens.Code;
      blocks.push({ kind: 'code', lang: (code.lang ?? '').trim(), lines: codeLines(code.text) });
    } else {
      prose.push(token);
    }
  }
  flush();
  return blocks;
}

/** Inline markdown (hints, check details) → HTML, with the same safety rules. */
export function renderInline(text: string): string {
  return markdown.parseInline(text) as string;
}
