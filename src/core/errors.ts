/**
 * A refusal with a stable code (`user.exists`, `auth.forbidden`). Core decisions and server
 * commands throw it; the HTTP layer maps the code to a status in one table and the CLI
 * prints the message on one line. `field` names the input at fault, when there is one.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}
