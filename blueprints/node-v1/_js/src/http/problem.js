import { STATUS_CODES } from "node:http";

/** RFC 9457 problem details: the body of every error response. */

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export function problem(status, detail) {
  return { type: "about:blank", title: STATUS_CODES[status] ?? "Error", status, detail };
}

/** An error that becomes a problem response with the given status. */
export class HttpError extends Error {
  status;

  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** Parses a request body as JSON; malformed JSON is a 400. */
export function parseJson(raw) {
  const text = typeof raw === "string" ? raw : Buffer.isBuffer(raw) ? raw.toString("utf8") : "";
  if (text.trim() === "") throw new HttpError(400, "the request body must be a JSON object");
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "the request body is not valid JSON");
  }
}
