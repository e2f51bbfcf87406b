/**
 * A printer failure, printed by kubectl as `error: <message>`; `output` is what the printer
 * wrote to stdout before failing (rows so far, go-template's debugging dump).
 */
export class PrintError extends Error {
  constructor(
    message: string,
    readonly output = '',
  ) {
    super(message);
  }
}
