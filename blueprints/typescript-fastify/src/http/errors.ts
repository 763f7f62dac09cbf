// How every error becomes an RFC 9457 problem details response, and the 404 and 405 answers
// of the routes Fastify does not know.
import { STATUS_CODES } from "node:http";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
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

/** What Fastify's own errors (by their code) mean, in words. */
const FASTIFY_ERRORS: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "the request body must be JSON (Content-Type: application/json)",
  FST_ERR_CTP_BODY_TOO_LARGE: "the request body is larger than 1 MiB",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "the request body does not match its Content-Length",
  FST_ERR_CTP_EMPTY_JSON_BODY: "the request body is empty",
  FST_ERR_CTP_INVALID_JSON_BODY: "the request body is not valid JSON",
};

export interface Answer {
  status: number;
  detail: string;
  errors?: FieldError[];
}

/** One issue of a failed schema validation, as Fastify hands it to the error handler. */
interface Issue {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: { keys?: unknown };
}

/** The status and words of an error: 4xx for what the client got wrong, else 500. */
export function describe(err: FastifyError): Answer {
  if (err.validation) {
    if (err.validationContext !== "body") {
      return { status: 400, detail: `${err.validationContext ?? "request"} ${err.message}` };
    }
    const issues = err.validation as Issue[];
    if (issues.some((issue) => issue.keyword === "invalid_type" && issue.instancePath === "/")) {
      return { status: 400, detail: "the request body must be a JSON object" };
    }
    const errors = issues.flatMap(fieldErrors);
    return {
      status: 422,
      detail: errors.map((e) => `${e.field}: ${e.message}`).join("; "),
      errors,
    };
  }
  if (err instanceof ValidationError) {
    return { status: 422, detail: err.message, errors: err.errors };
  }
  if (err instanceof HttpError) return { status: err.status, detail: err.message };
  const status = err.statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) {
    return { status, detail: FASTIFY_ERRORS[err.code] ?? STATUS_CODES[status] ?? "bad request" };
  }
  return { status: 500, detail: "internal server error" };
}

function fieldErrors(issue: Issue): FieldError[] {
  if (issue.keyword === "unrecognized_keys" && Array.isArray(issue.params?.keys)) {
    return issue.params.keys.map((key) => ({
      field: String(key),
      message: "is not a known field",
    }));
  }
  const field = issue.instancePath.slice(1).replaceAll("/", ".");
  return [{ field, message: issue.message ?? "is not valid" }];
}

/**
 * Lets a client that is still sending a refused body (a 413 found from its Content-Length)
 * read the answer: Node discards the rest of a body up to MAX_DRAIN_BYTES after the answer.
 */
export function drainRefusedBody(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (err.code !== "FST_ERR_CTP_BODY_TOO_LARGE" || request.raw.complete) return;
  if (Number(request.headers["content-length"]) <= MAX_DRAIN_BYTES) {
    reply.removeHeader("connection");
  }
}

export function sendProblem(reply: FastifyReply, { status, detail, errors }: Answer) {
  return reply
    .code(status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(problem(status, detail, errors)));
}

/** The 404 answer of a path no route knows. */
export function notFound(request: FastifyRequest, reply: FastifyReply) {
  const path = request.url.split("?")[0];
  return sendProblem(reply, { status: 404, detail: `no route for ${request.method} ${path}` });
}

/**
 * Answers every other method Fastify supports on `url` with a 405 naming the allowed ones
 * (Fastify would answer 404). GET routes answer HEAD too.
 */
export function allowOnly(app: FastifyInstance, url: string, allow: readonly string[]): void {
  const methods = app.supportedMethods.filter((method) => !allow.includes(method));
  const header = allow.join(", ");
  app.route({
    method: methods,
    url,
    handler: async (request, reply) => {
      reply.header("allow", header);
      throw new HttpError(405, `${request.method} is not allowed here; use ${header}`);
    },
  });
}
