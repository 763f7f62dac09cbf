// The API description: api/openapi.yaml as it is at /openapi.yaml, and Swagger UI on it at
// /docs (@fastify/swagger in static mode; every asset is served by this service).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { allowOnly } from "../http/errors.js";

const API_DIR = fileURLToPath(new URL("../../api/", import.meta.url));
const OPENAPI_PATH = join(API_DIR, "openapi.yaml");
const openapi = readFileSync(OPENAPI_PATH, "utf8");

export default async function docs(app: FastifyInstance) {
  app.get("/openapi.yaml", async (_request, reply) => reply.type("application/yaml").send(openapi));
  allowOnly(app, "/openapi.yaml", ["GET", "HEAD"]);

  await app.register(swagger, {
    mode: "static",
    specification: { path: OPENAPI_PATH, baseDir: API_DIR },
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });
}
