import { describe, it, expect } from 'vitest';
import { Transcript } from './transcript';

describe('Transcript', () => {
  it('records commands and streamed output as plain lines', () => {
    const t = new Transcript();
    t.command('$ kubectl get pods');
    t.output('NAME   READY\r\n');
    t.output('web-1  1/1');
    t.command('$ ls');
    expect(t.value).toBe('$ kubectl get pods\nNAME   READY\nweb-1  1/1\n$ ls\n');
  });

  it('hands out only what is new, then a replacement after clear', () => {
    const t = new Transcript();
    t.command('$ a');
    expect(t.takeChanges()).toEqual({ replace: false, text: '$ a\n' });
    expect(t.takeChanges()).toBeUndefined();
    t.output('x\n');
    expect(t.takeChanges()).toEqual({ replace: false, text: 'x\n' });
    t.clear();
    t.command('$ b');
    expect(t.takeChanges()).toEqual({ replace: true, text: '$ b\n' });
  });

  it('drops whole old lines beyond the cap', () => {
    const t = new Transcript(20);
    t.output('line-1\nline-2\nline-3\nline-4\n');
    expect(t.value).toBe('line-3\nline-4\n');
    expect(t.takeChanges()).toEqual({ replace: true, text: 'line-3\nline-4\n' });
  });
});
