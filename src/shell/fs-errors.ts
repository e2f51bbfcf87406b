/** `ShellFs` answers that are errors, and strerror's words for them. */
import type { FsError } from './program';

const FS_ERRORS = new Set(['ENOENT', 'EISDIR', 'ENOTDIR', 'EACCES', 'EROFS', 'EEXIST', 'ENOTEMPTY']);

/** Whether a `ShellFs` answer is an error rather than content. */
export function isFsError<T>(value: T | FsError): value is FsError {
  return typeof value === 'string' && FS_ERRORS.has(value);
}

/** strerror's words for the errors a redirection meets. */
export function fsMessage(error: FsError): string {
  switch (error) {
    case 'ENOENT': return 'No such file or directory';
    case 'EISDIR': return 'Is a directory';
    case 'ENOTDIR': return 'Not a directory';
    case 'EACCES': return 'Permission denied';
    case 'EROFS': return 'Read-only file system';
    case 'EEXIST': return 'File exists';
    case 'ENOTEMPTY': return 'Directory not empty';
  }
}
