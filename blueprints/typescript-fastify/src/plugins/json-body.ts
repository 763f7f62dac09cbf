// The parser of JSON request bodies: application/json, application/merge-patch+json and any
// other application/*+json, in UTF-8. Any other Content-Type is a 415; an empty body,
// malformed JSON, trailing data or nesting deeper than MAX_JSON_DEPTH is a 400. A route that
// takes no body (DELETE, a 405) ignores one, whatever its type.
import type { FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { HttpError } from "../http/problem.js";

/** How deep a JSON body may nest objects and arrays. */
export const MAX_JSON_DEPTH = 64;

const JSON_TYPE = /^application\/([a-z0-9!#$&^_.-]+\+)?json(\s*;|$)/i;

export default fp(
  async (app) => {
    app.removeContentTypeParser(["application/json", "text/plain"]);
    app.addContentTypeParser(
      JSON_TYPE,
      { parseAs: "string" },
      async (request: FastifyRequest, text: string) => {
        if (!takesBody(request)) return undefined;
        checkCharset(request.headers["content-type"] ?? "");
        return parseJson(text);
      },
    );
    // Any other Content-Type: a 415 on a route that takes a body, read and ignored elsewhere.
    app.addContentTypeParser("*", { parseAs: "buffer" }, async (request: FastifyRequest) => {
      if (takesBody(request)) throw new HttpError(415, NOT_JSON);
      return undefined;
    });
  },
  { name: "json-body" },
);

const NOT_JSON = "the request body must be JSON (Content-Type: application/json)";

/** Whether the route reads a body (it has a body schema); DELETE and a 405 do not. */
function takesBody(request: FastifyRequest): boolean {
  return request.routeOptions.schema?.body !== undefined;
}

/** A body declared in another charset than UTF-8 is refused, not misread. */
function checkCharset(contentType: string): void {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== "utf-8" && charset !== "utf8") {
    throw new HttpError(415, "the request body must be encoded as UTF-8");
  }
}

export function parseJson(text: string): unknown {
  if (text.trim() === "") throw new HttpError(400, "the request body is empty");
  checkDepth(text);
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "the request body is not valid JSON");
  }
}

/** Refuses a body nested deeper than MAX_JSON_DEPTH before JSON.parse sees it. */
function checkDepth(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\")
        i++; // skip the escaped character
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === "{" || c === "[") {
      if (++depth > MAX_JSON_DEPTH) {
        throw new HttpError(400, `the request body nests deeper than ${MAX_JSON_DEPTH} levels`);
      }
    } else if (c === "}" || c === "]") {
      depth--;
    }
  }
}
