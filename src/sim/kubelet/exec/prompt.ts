/**
 * The prompt an interactive shell draws as root: busybox ash's default PS1 `\w \$ ` (`/ # `),
 * Debian's bash from /etc/bash.bashrc (`root@web:/# `), dash's `# `.
 */
export const SHELLS = new Set(['sh', 'bash', 'ash', 'dash']);

export function promptOf(shell: string, binaries: ReadonlySet<string>, hostname: string, cwd = '/'): string {
  // `\w`: the working directory, $HOME (/root) as `~`.
  const w = cwd === '/root' ? '~' : cwd.startsWith('/root/') ? '~' + cwd.slice(5) : cwd;
  if (shell === 'bash') return `root@${hostname}:${w}# `;
  if (binaries.has('dash')) return '# ';
  return `${w} # `;
}

/** What each shell says when `cd` fails. */
export function cdError(shell: string, binaries: ReadonlySet<string>, dir: string, notDir: boolean): string {
  const why = notDir ? 'Not a directory' : 'No such file or directory';
  if (shell === 'bash') return `bash: cd: ${dir}: ${why}`;
  if (binaries.has('dash')) return `sh: 1: cd: can't cd to ${dir}`;
  return `sh: cd: can't cd to ${dir}: ${why}`;
}
