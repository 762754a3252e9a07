/**
 * Domain errors: thrown anywhere, mapped to an HTTP status and a message
 * from the catalogues once, at the edge (see error-handler.tsx).
 */
export class HttpError extends Error {
  /** What an API client may read besides the message (JSON answers only), such as why a booking was refused. */
  details?: Record<string, unknown>;

  constructor(
    readonly statusCode: number,
    /** Catalogue key of the message shown to the person. */
    readonly messageKey: string,
    message?: string,
  ) {
    super(message ?? messageKey);
    this.name = new.target.name;
  }
}

export class BadRequestError extends HttpError {
  constructor(messageKey = "errors.badRequest.message") {
    super(400, messageKey);
  }
}

export class NotFoundError extends HttpError {
  constructor(messageKey = "errors.notFound.message") {
    super(404, messageKey);
  }
}

export class ForbiddenError extends HttpError {
  constructor(messageKey = "errors.forbidden.message") {
    super(403, messageKey);
  }
}

export class ConflictError extends HttpError {
  constructor(messageKey = "errors.conflict.message") {
    super(409, messageKey);
  }
}

/** Catalogue key of the message for a 4xx status raised by the framework or a plugin. */
export function messageKeyForStatus(status: number): string {
  switch (status) {
    case 403:
      return "errors.forbidden.message";
    case 404:
      return "errors.notFound.message";
    case 405:
      return "errors.methodNotAllowed.message";
    case 409:
      return "errors.conflict.message";
    case 413:
      return "errors.payloadTooLarge.message";
    case 415:
      return "errors.unsupportedMediaType.message";
    case 429:
      return "errors.tooManyRequests.message";
    default:
      return "errors.badRequest.message";
  }
}

/** Network failures that mean the database server cannot be reached (or went away mid-query). */
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);
/** SQLSTATE: the server shut down, is starting, or cannot take more connections. */
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
/** What pg and its pool say when the connection is lost or none can be had in time. */
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection terminated due to connection timeout)/;

/**
 * True when an error means the database is unreachable for now (down,
 * restarting, or out of connections) rather than a fault in the portal:
 * the visitor gets "try again in a moment" (503), not a 500. Looks through
 * wrapped errors (Drizzle wraps the driver's in `cause`) and the attempts of
 * an AggregateError. A refused or reset connection to another service the
 * request needed (a registry, the payment gateway) is the same "try again in
 * a moment" for the visitor, so it is recognised too.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === "string") {
    if (UNREACHABLE_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code)) return true;
    // Class 08: connection exceptions.
    if (/^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  if (typeof message === "string" && UNAVAILABLE_MESSAGE.test(message)) return true;
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}
