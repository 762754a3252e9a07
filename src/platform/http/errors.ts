/**
 * Domain errors: thrown anywhere, mapped to an HTTP status and a message
 * from the catalogues once, at the edge (see error-handler.tsx).
 */
export class HttpError extends Error {
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
