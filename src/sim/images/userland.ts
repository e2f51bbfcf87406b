/** The executables on PATH of the common userlands (basenames), shared by image families. */

export const COREUTILS = ['sh', 'echo', 'sleep', 'cat', 'touch', 'rm', 'ls', 'date', 'env', 'printenv', 'true', 'false', 'mkdir', 'test', '[', 'hostname', 'head', 'tail', 'grep', 'wc', 'seq', 'sort', 'yes', 'tee', 'kill', 'id', 'pwd', 'uname', 'df'];
// Debian's images leave procps (ps) out; busybox has its applet.
export const BUSYBOX = [...COREUTILS, 'ps', 'wget', 'nslookup', 'ping', 'nc', 'top', 'vi', 'ash', 'timeout'];
export const DEBIAN = [...COREUTILS, 'bash', 'dash', 'apt-get', 'perl'];
