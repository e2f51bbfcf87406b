/** A printer failure, printed by kubectl as `error: <message>`. */
export class PrintError extends Error {}
