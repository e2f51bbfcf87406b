import { describe, it, expect } from 'vitest';
import { codeLines, commandOf, escapeHtml, isSafeHref, renderInline, renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders prose to HTML and keeps code blocks structured', () => {
    const blocks = renderMarkdown(
      'A **Pod** runs containers.\n\n```bash\nkubectl run nginx --image=nginx\nkubectl get pods\n```\n\nThen look at `STATUS`.',
    );
    expect(blocks).toEqual([
      { kind: 'html', html: '<p>A <strong>Pod</strong> runs containers.</p>\n' },
      {
        kind: 'code',
        lang: 'bash',
        lines: [
          { text: 'kubectl run nginx --image=nginx', command: 'kubectl run nginx --image=nginx' },
          { text: 'kubectl get pods', command: 'kubectl get pods' },
        ],
      },
      { kind: 'html', html: '<p>Then look at <code>STATUS</code>.</p>\n' },
    ]);
  });

  it('shows raw HTML as text instead of rendering it', () => {
    const [block] = renderMarkdown('Hello <img src=x onerror="alert(1)"> <script>alert(2)</script>');
    expect(block.kind).toBe('html');
    const html = (block as { html: string }).html;
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;');
  });

  it('drops unsafe link protocols but keeps the label, and opens external links safely', () => {
    const [unsafe] = renderMarkdown('[click](javascript:alert(1))');
    expect((unsafe as { html: string }).html).toBe('<p>click</p>\n');
    const [external] = renderMarkdown('[docs](https://kubernetes.io/docs/)');
    expect((external as { html: string }).html).toBe(
      '<p><a href="https://kubernetes.io/docs/" target="_blank" rel="noopener noreferrer">docs</a></p>\n',
    );
  });

  it('does not load images', () => {
    const [block] = renderMarkdown('![diagram](https://example.com/x.png)');
    expect((block as { html: string }).html).toBe('<p>diagram</p>\n');
  });

  it('renders inline markdown for hints', () => {
    expect(renderInline('Use `kubectl get rs` <b>now</b>')).toBe('Use <code>kubectl get rs</code> &lt;b&gt;now&lt;/b&gt;');
  });
});

describe('code lines', () => {
  it('marks kubectl lines runnable and strips a $ prompt', () => {
    expect(commandOf('$ kubectl get pods -o wide')).toBe('kubectl get pods -o wide');
    expect(commandOf('kubectl')).toBe('kubectl');
    expect(commandOf('kubectl-foo')).toBeUndefined();
    expect(commandOf('NAME   READY')).toBeUndefined();
    expect(commandOf('echo hi')).toBeUndefined();
  });

  it('joins backslash continuations into one command on the first line', () => {
    expect(codeLines('kubectl create deployment web \\\n  --image=nginx \\\n  --replicas=3\nkubectl get deploy\n')).toEqual([
      { text: 'kubectl create deployment web \\', command: 'kubectl create deployment web --image=nginx --replicas=3' },
      { text: '  --image=nginx \\' },
      { text: '  --replicas=3' },
      { text: 'kubectl get deploy', command: 'kubectl get deploy' },
    ]);
  });

  it('flags commands with a <placeholder> as needing input', () => {
    expect(codeLines('kubectl delete pod <one-of-the-web-pods>\nkubectl get pods -o=jsonpath={.items}')).toEqual([
      { text: 'kubectl delete pod <one-of-the-web-pods>', command: 'kubectl delete pod <one-of-the-web-pods>', needsInput: true },
      { text: 'kubectl get pods -o=jsonpath={.items}', command: 'kubectl get pods -o=jsonpath={.items}' },
    ]);
  });

  it('keeps output lines and YAML as plain text', () => {
    expect(codeLines('apiVersion: v1\nkind: Pod')).toEqual([{ text: 'apiVersion: v1' }, { text: 'kind: Pod' }]);
  });
});

describe('helpers', () => {
  it('escapes HTML and recognises safe hrefs', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(isSafeHref('https://k8s.io')).toBe(true);
    expect(isSafeHref('#step-2')).toBe(true);
    expect(isSafeHref('docs/pods')).toBe(true);
    expect(isSafeHref(' JavaScript:alert(1)')).toBe(false);
    expect(isSafeHref('data:text/html,x')).toBe(false);
  });
});
