import { Injectable, type NestMiddleware, type RawBodyRequest } from "@nestjs/common";
import type { NextFunction, Request, Response } from "express";
import { depthOf, isJsonRequest, MAX_JSON_DEPTH, mediaType } from "./body.js";
import { HttpError } from "./problem.js";

/**
 * Runs before the routes that take a body: a body that is not JSON in UTF-8 is a 415, an
 * empty one, one that is not an object or one nested deeper than 64 levels a 400.
 */
@Injectable()
export class JsonBodyMiddleware implements NestMiddleware {
  use(req: RawBodyRequest<Request>, _res: Response, next: NextFunction): void {
    if (!isJsonRequest(req)) {
      const json = /^application\/(.+\+)?json$/.test(mediaType(req));
      throw new HttpError(
        415,
        json
          ? "the request body must be encoded as UTF-8"
          : "the request body must be JSON (Content-Type: application/json)",
      );
    }
    if (!req.rawBody?.length) throw new HttpError(400, "the request body is empty");
    const body: unknown = req.body;
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      throw new HttpError(400, "the request body must be a JSON object");
    }
    if (depthOf(body) > MAX_JSON_DEPTH) {
      throw new HttpError(400, `the request body nests deeper than ${MAX_JSON_DEPTH} levels`);
    }
    next();
  }
}
