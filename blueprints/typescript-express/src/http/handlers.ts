// Express middleware shared by every route: JSON bodies, the 404 and 405 answers, and the one
// error handler that turns every error into an RFC 9457 problem details response.
import { STATUS_CODES } from "node:http";
import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import {
  HttpError,
  problem,
  PROBLEM_CONTENT_TYPE,
  ValidationError,
  type FieldError,
} from "./problem.js";

/** The largest body a route reads: 1 MiB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** How deep a JSON body may nest objects and arrays. */
export const MAX_JSON_DEPTH = 64;

/** application/json, application/merge-patch+json and any other application/*+json. */
const JSON_TYPE = /^application\/([a-z0-9!#$&^_.-]+\+)?json$/;

/**
 * Refuses an empty body and one nested deeper than MAX_JSON_DEPTH before JSON.parse sees it
 * (body-parser calls this with the raw bytes).
 */
function checkJson(_req: unknown, _res: unknown, buf: Buffer): void {
  if (buf.length === 0) throw new HttpError(400, "the request body is empty");
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) {
        throw new HttpError(400, `the request body nests deeper than ${MAX_JSON_DEPTH} levels`);
      }
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
}

const parseJson = express.json({
  limit: MAX_BODY_BYTES,
  strict: true,
  type: () => true,
  verify: checkJson,
});

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

/**
 * Parses a JSON body: a non-JSON Content-Type is a 415, a body over 1 MiB a 413 (refused
 * from its Content-Length, before it is read), malformed JSON or trailing data a 400.
 */
export const jsonBody: RequestHandler = (req, res, next) => {
  const type = (req.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!JSON_TYPE.test(type)) {
    throw new HttpError(415, "the request body must be JSON (Content-Type: application/json)");
  }
  limitBody(req, res, () => parseJson(req, res, next));
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

/** What the errors of body-parser (http-errors, by their type) mean, in words. */
const BODY_ERRORS: Record<string, string> = {
  "entity.parse.failed": "the request body is not valid JSON",
  "entity.too.large": "the request body is larger than 1 MiB",
  "request.aborted": "the request body ended before its Content-Length",
  "request.size.invalid": "the request body does not match its Content-Length",
  "charset.unsupported": "the request body must be encoded as UTF-8",
  "encoding.unsupported": "the request body's Content-Encoding is not supported",
};

function describe(err: unknown): { status: number; detail: string; errors?: FieldError[] } {
  if (err instanceof ValidationError)
    return { status: 422, detail: err.message, errors: err.errors };
  if (err instanceof HttpError) return { status: err.status, detail: err.message };
  const { status, type } = (err ?? {}) as { status?: unknown; type?: unknown };
  if (typeof status === "number" && status >= 400 && status < 500) {
    const detail =
      (typeof type === "string" && BODY_ERRORS[type]) || STATUS_CODES[status] || "bad request";
    return { status, detail };
  }
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
