/** The executables on PATH of the common userlands (basenames), shared by image families. */

export const COREUTILS = ['sh', 'echo', 'sleep', 'cat', 'touch', 'rm', 'ls', 'date', 'env', 'printenv', 'true', 'false', 'mkdir', 'test', '[', 'hostname', 'head', 'tail', 'grep', 'wc', 'seq', 'sort', 'yes', 'tee', 'kill', 'ps', 'id', 'pwd', 'uname'];
export const BUSYBOX = [...COREUTILS, 'wget', 'nslookup', 'ping', 'nc', 'top', 'vi', 'ash', 'timeout'];
export const DEBIAN = [...COREUTILS, 'bash', 'dash', 'apt-get', 'perl'];
