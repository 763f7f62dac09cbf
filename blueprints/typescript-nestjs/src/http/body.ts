// How request bodies are read: the size limit, refused from Content-Length before the body is
// read, and the media types the JSON parser takes.
import type { IncomingMessage } from "node:http";
import type { NextFunction, Request, Response } from "express";
import { HttpError } from "./problem.js";

/** The largest body a route reads: 1 MiB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** How deep a JSON body may nest objects and arrays. */
export const MAX_JSON_DEPTH = 64;

/**
 * A refused body up to this size is read and discarded while the 413 goes out, so a client
 * that is still sending it gets the answer; a larger one closes the connection instead.
 */
const MAX_DRAIN_BYTES = 4 * MAX_BODY_BYTES;

/** application/json, application/merge-patch+json and any other application/*+json. */
const JSON_TYPE = /^application\/([a-z0-9!#$&^_.-]+\+)?json$/;

/** The media type of a request, lower case and without its parameters. */
export function mediaType(req: IncomingMessage): string {
  return (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/** The charset parameter of the Content-Type, lower case, or undefined. */
export function charset(req: IncomingMessage): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i
    .exec(req.headers["content-type"] ?? "")?.[1]
    ?.toLowerCase();
}

/** A JSON body in UTF-8: the only one the JSON parser reads (anything else is a 415). */
export function isJsonRequest(req: IncomingMessage): boolean {
  const encoding = charset(req);
  return (
    JSON_TYPE.test(mediaType(req)) &&
    (encoding === undefined || encoding === "utf-8" || encoding === "utf8")
  );
}

/**
 * Refuses a body whose Content-Length is over the limit at once, before reading it (the body
 * parser would answer only after reading, and discarding, all of it).
 */
export function limitBody(req: Request, res: Response, next: NextFunction): void {
  const length = Number(req.headers["content-length"]);
  if (length > MAX_BODY_BYTES) {
    if (length <= MAX_DRAIN_BYTES) req.resume();
    else res.set("Connection", "close");
    throw new HttpError(413, "the request body is larger than 1 MiB");
  }
  next();
}

/** How deep `value` nests, counted up to `limit + 1`. */
export function depthOf(value: unknown, limit = MAX_JSON_DEPTH): number {
  if (typeof value !== "object" || value === null) return 0;
  if (limit < 0) return 1;
  let deepest = 0;
  for (const child of Object.values(value)) {
    deepest = Math.max(deepest, depthOf(child, limit - 1));
    if (deepest > limit) break;
  }
  return deepest + 1;
}
