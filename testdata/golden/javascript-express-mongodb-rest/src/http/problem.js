import { STATUS_CODES } from "node:http";

/** One invalid field of a request body: the field (or unknown key) and what is wrong. */

/** RFC 9457 problem details: the body of every error response. */

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export function problem(status, detail, errors) {
  const body = {
    type: "about:blank",
    title: STATUS_CODES[status] ?? "Error",
    status,
    detail,
  };
  if (errors) body.errors = errors;
  return body;
}

/** An error that becomes a problem response with the given status. */
export class HttpError extends Error {
  status;

  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** The body is well-formed but breaks the rules of the model: a 422 naming each field. */
export class ValidationError extends HttpError {
  errors;

  constructor(errors) {
    super(422, errors.map((e) => `${e.field}: ${e.message}`).join("; "));
    this.errors = errors;
  }
}

/** Another record already holds a value that must be unique: a 409. */
export class ConflictError extends HttpError {
  constructor(message) {
    super(409, message);
  }
}
