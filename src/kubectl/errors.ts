/**
 * Errors as kubectl prints them (kubectl's cmdutil.CheckErr / StandardErrorMessage):
 * - api errors: `Error from server (NotFound): pods "x" not found`;
 * - Invalid (422): `The Deployment "web" is invalid: <cause>`, or the header then `* cause` lines;
 * - client errors: `error: …`;
 * - usage errors from cobra/pflag: `Error: …` + `See 'kubectl get --help' for usage.`
 */
import { StatusError, statusError, type Status } from '../sim/api/errors';
import { FlagError } from './args';

/** A client-side error: printed as `error: <message>` unless `raw` (printed as is). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly raw = false,
  ) {
    super(message);
  }
}

/** The text kubectl prints for an error, ending with a newline. `commandPath` e.g. `kubectl get`. */
export function formatError(e: unknown, commandPath = 'kubectl'): string {
  if (e instanceof StatusError) return formatStatus(e.status);
  if (e instanceof FlagError) return `Error: ${e.message}\nSee '${commandPath} --help' for usage.\n`;
  if (e instanceof CliError) return e.raw ? ensureNewline(e.message) : `error: ${ensureNewline(e.message)}`;
  if (e instanceof Error) return `error: ${ensureNewline(e.message)}`;
  return `error: ${String(e)}\n`;
}

export function formatStatus(status: Status): string {
  if (status.reason === 'Invalid') {
    const details = status.details;
    let head = 'The request is invalid';
    if (details && (details.kind || details.name)) head = `The ${details.kind ?? ''} "${details.name ?? ''}" is invalid`;
    const causes = (details?.causes ?? []).map((c) =>
      c.field && !c.message.startsWith(`${c.field}: `) ? `${c.field}: ${c.message}` : c.message,
    );
    if (causes.length === 0) return `${head}: ${status.message}\n`;
    if (causes.length === 1) return `${head}: ${causes[0]}\n`;
    return `${head}: \n${causes.map((c) => `* ${c}\n`).join('')}`;
  }
  // StandardErrorMessage: a 401 is a login problem, not a server's refusal.
  if (status.reason === 'Unauthorized') return `error: You must be logged in to the server (${status.message})\n`;
  if (!status.reason) return `Error from server: ${status.message}\n`;
  return `Error from server (${status.reason}): ${status.message}\n`;
}

/** kubectl's AddSourceToErr: `error when creating "d.yaml": …`, kept inside the api Status. */
export function addSourceToError(verb: string, source: string | undefined, e: unknown): unknown {
  if (!source) return e;
  const prefix = `error when ${verb} "${source}": `;
  if (e instanceof StatusError) {
    const s = e.status;
    return statusError(s.reason, prefix + s.message, s.details);
  }
  if (e instanceof CliError) return new CliError(prefix + e.message, e.raw);
  if (e instanceof Error) return new CliError(prefix + e.message);
  return e;
}

function ensureNewline(s: string): string {
  return s.endsWith('\n') ? s : `${s}\n`;
}
