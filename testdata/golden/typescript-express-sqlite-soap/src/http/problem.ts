import { STATUS_CODES } from "node:http";

/** One invalid field of a request body: the field (or unknown key) and what is wrong. */
export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details: the body of every error response. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export function problem(status: number, detail: string, errors?: FieldError[]): Problem {
  const body: Problem = {
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
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** The body is well-formed but breaks the rules of the model: a 422 naming each field. */
export class ValidationError extends HttpError {
  readonly errors: FieldError[];

  constructor(errors: FieldError[]) {
    super(422, errors.map((e) => `${e.field}: ${e.message}`).join("; "));
    this.errors = errors;
  }
}

/** Another record already holds a value that must be unique: a 409. */
export class ConflictError extends HttpError {
  constructor(message: string) {
    super(409, message);
  }
}
