import { describe, expect, it } from 'vitest';
import { MemoryFs, normalize } from './memory-fs';

describe('MemoryFs', () => {
  it('has the directories above its files', () => {
    const fs = new MemoryFs([['/etc/nginx/conf.d/default.conf', 'server {}\n']]);
    expect(fs.list('/etc')).toEqual(['nginx']);
    expect(fs.stat('/etc/nginx')).toMatchObject({ type: 'dir' });
    expect(fs.read('/etc/nginx/conf.d/default.conf')).toBe('server {}\n');
    expect(fs.read('/etc/nginx')).toBe('EISDIR');
    expect(fs.list('/etc/nginx/conf.d/default.conf')).toBe('ENOTDIR');
  });

  it('writes only into existing directories and stamps the time', () => {
    let t = 5;
    const fs = new MemoryFs([], () => t);
    expect(fs.write('/tmp/x', 'a', false)).toBe('ENOENT');
    expect(fs.mkdir('/tmp', false)).toBeUndefined();
    t = 9;
    expect(fs.write('/tmp/x', 'a', false)).toBeUndefined();
    expect(fs.write('/tmp/x', 'b\n', true)).toBeUndefined();
    expect(fs.read('/tmp/x')).toBe('ab\n');
    expect(fs.stat('/tmp/x')).toEqual({ type: 'file', size: 3, mode: 0o644, mtime: 9 });
  });

  it('removes files, and directories only when asked to recurse', () => {
    const fs = new MemoryFs([['/d/a', '1'], ['/d/e/b', '2']]);
    expect(fs.remove('/d', false)).toBe('ENOTEMPTY');
    expect(fs.remove('/d/a', false)).toBeUndefined();
    expect(fs.remove('/d/a', false)).toBe('ENOENT');
    expect(fs.remove('/d', true)).toBeUndefined();
    expect(fs.list('/')).toEqual([]);
  });

  it('makes parents with -p and refuses an existing one without', () => {
    const fs = new MemoryFs();
    expect(fs.mkdir('/a/b', false)).toBe('ENOENT');
    expect(fs.mkdir('/a/b', true)).toBeUndefined();
    expect(fs.mkdir('/a', false)).toBe('EEXIST');
    expect(fs.list('/a')).toEqual(['b']);
  });

  it('normalises paths', () => {
    expect(normalize('/a//b/./c/../d/')).toBe('/a/b/d');
    expect(normalize('/..')).toBe('/');
  });
});
