/**
 * The prompt an interactive shell draws as root: busybox ash's default PS1 `\w \$ ` (`/ # `),
 * Debian's bash from /etc/bash.bashrc (`root@web:/# `), dash's `# `.
 */
export const SHELLS = new Set(['sh', 'bash', 'ash', 'dash']);

export function promptOf(shell: string, binaries: ReadonlySet<string>, hostname: string): string {
  if (shell === 'bash') return `root@${hostname}:/# `;
  if (binaries.has('dash')) return '# ';
  return '/ # ';
}
