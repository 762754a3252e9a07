/**
 * The refusals of CKAN's Action API, each with the status and body CKAN's
 * api view gives them (ckan/views/api.py), so clients such as ckanapi turn
 * them back into the same exceptions (NotFound, ValidationError,
 * SearchQueryError, SearchError).
 */

/** Python's repr of a one-string tuple, as CKAN puts exception arguments in its messages: ('text',). */
const pyArgs = (text: string) =>
  `(${text.includes("'") && !text.includes('"') ? `"${text}"` : `'${text.replace(/'/g, "\\'")}'`},)`;

export abstract class CkanError extends Error {
  abstract readonly status: number;
  /** The `error` object of the envelope. */
  abstract body(): Record<string, unknown>;
}

export class NotFound extends CkanError {
  readonly status = 404;
  body() {
    return { __type: "Not Found Error", message: this.message ? `Not found: ${this.message}` : "Not found" };
  }
}

/** Field → messages, like CKAN's error_dict. */
export class ValidationError extends CkanError {
  readonly status = 409;
  constructor(readonly errors: Record<string, string[] | string>) {
    super("Validation Error");
  }
  body() {
    return { ...this.errors, __type: "Validation Error" };
  }
}

export class SearchQueryError extends CkanError {
  readonly status = 400;
  body() {
    return { __type: "Search Query Error", message: `Search Query is invalid: ${pyArgs(this.message)}` };
  }
}

export class SearchError extends CkanError {
  readonly status = 409;
  body() {
    return { __type: "Search Error", message: `Search error: ${pyArgs(this.message)}` };
  }
}

/** Refused before any action runs (unknown action, unreadable body): CKAN answers a bare JSON string. */
export class BadRequest extends Error {}
