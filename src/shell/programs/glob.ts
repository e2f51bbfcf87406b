/** fnmatch(3) patterns (`*`, `?`, `[...]`) as a RegExp, for find -name/-path. */
export function globToRegExp(pattern: string, ignoreCase = false): RegExp {
  let src = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') src += '.*';
    else if (c === '?') src += '.';
    else if (c === '\\' && i + 1 < pattern.length) src += escape(pattern[++i]);
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) { src += '\\['; continue; }
      let body = pattern.slice(i + 1, end);
      if (body.startsWith('!')) body = '^' + body.slice(1);
      src += `[${body.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else src += escape(c);
  }
  return new RegExp(`^${src}$`, ignoreCase ? 'is' : 's');
}

function escape(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? '\\' + c : c;
}
