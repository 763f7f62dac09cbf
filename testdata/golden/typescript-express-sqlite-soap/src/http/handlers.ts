// Express middleware shared by every route: the body size limit, the 404 and 405 answers, and
// the one error handler that turns every error into an RFC 9457 problem details response.
import type { ErrorRequestHandler, RequestHandler } from "express";
import {
  HttpError,
  problem,
  PROBLEM_CONTENT_TYPE,
  ValidationError,
  type FieldError,
} from "./problem.js";

/** The largest body a route reads: 1 MiB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * A refused body up to this size is read and discarded while the 413 goes out, so a client
 * that is still sending it gets the answer; a larger one closes the connection instead.
 */
const MAX_DRAIN_BYTES = 4 * MAX_BODY_BYTES;

/**
 * Refuses a body whose Content-Length is over the limit at once, before reading it (the
 * body parser would answer only after reading, and discarding, all of it).
 */
export const limitBody: RequestHandler = (req, res, next) => {
  const length = Number(req.get("content-length"));
  if (length > MAX_BODY_BYTES) {
    if (length <= MAX_DRAIN_BYTES) req.resume();
    else res.set("Connection", "close");
    throw new HttpError(413, "the request body is larger than 1 MiB");
  }
  next();
};

/** The 405 answer of a path that exists, with the methods it does take. */
export function methodNotAllowed(allow: string): RequestHandler {
  return (req, res) => {
    res.set("Allow", allow);
    throw new HttpError(405, `${req.method} is not allowed here; use ${allow}`);
  };
}

/** The 404 answer of a path no route knows. */
export const notFound: RequestHandler = (req) => {
  throw new HttpError(404, `no route for ${req.method} ${req.path}`);
};

function describe(err: unknown): { status: number; detail: string; errors?: FieldError[] } {
  if (err instanceof ValidationError)
    return { status: 422, detail: err.message, errors: err.errors };
  if (err instanceof HttpError) return { status: err.status, detail: err.message };
  return { status: 500, detail: "internal server error" };
}

/** The last middleware: every error becomes a problem; only 5xx are logged with the error. */
export const problemHandler: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) return next(err);
  const { status, detail, errors } = describe(err);
  if (status >= 500) req.log.error({ err }, "request failed");
  res
    .status(status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(problem(status, detail, errors)));
};
