// The Express application: middleware, one router per resource, the JSON 404 and the problem
// details error handler. It does not listen: server.js does, and the tests use it as it is.
import { readFileSync } from "node:fs";
import cors from "cors";
import express from "express";
import { pinoHttp } from "pino-http";
import swaggerUi from "swagger-ui-express";
import { methodNotAllowed, notFound, problemHandler } from "./http/handlers.js";
import { tasksRouter } from "./tasks/routes.js";

/** api/openapi.yaml, served as it is at /openapi.yaml and browsable at /docs. */
const openapi = readFileSync(new URL("../api/openapi.yaml", import.meta.url), "utf8");

/** The Swagger UI page, its asset links (./swagger-ui.css …) made absolute below /docs/, and no
 * online validator badge (it would load from validator.swagger.io). */
const docsPage = swaggerUi
  .generateHTML(undefined, { swaggerOptions: { url: "/openapi.yaml", validatorUrl: null } })
  .replaceAll('="./', '="/docs/');

export function createApp({ repositories, logger, corsOrigins = [] }) {
  const app = express();
  app.disable("x-powered-by");
  app.use(pinoHttp({ logger }));
  app.use((_req, res, next) => {
    res.set("X-Content-Type-Options", "nosniff");
    next();
  });
  // CORS only when CORS_ORIGINS lists origins: a request from one of them gets
  // Access-Control-Allow-Origin with that origin, and its preflight (OPTIONS) is answered here;
  // any other origin gets no Access-Control-* header. Without it, OPTIONS stays a 405.
  if (corsOrigins.length > 0) {
    app.use(
      cors({
        origin: corsOrigins,
        methods: ["GET", "POST", "PUT", "PATCH", "DELETE"],
        allowedHeaders: ["Content-Type"],
      }),
    );
  }

  // The health probes: /healthz and /readyz ask the database, /livez only the process (so a
  // database outage does not get the service restarted).
  const ready = async (req, res) => {
    try {
      await repositories.tasks.ping();
      res.json({ status: "ok" });
    } catch (err) {
      req.log.error({ err }, "health check failed");
      res.status(503).json({ status: "unavailable" });
    }
  };
  app.route("/healthz").get(ready).all(methodNotAllowed("GET, HEAD"));
  app.route("/readyz").get(ready).all(methodNotAllowed("GET, HEAD"));
  app
    .route("/livez")
    .get((_req, res) => {
      res.json({ status: "ok" });
    })
    .all(methodNotAllowed("GET, HEAD"));

  app
    .route("/openapi.yaml")
    .get((_req, res) => {
      res.type("application/yaml").send(openapi);
    })
    .all(methodNotAllowed("GET, HEAD"));
  // Swagger UI on /openapi.yaml: the page at /docs, its assets (swagger-ui-dist) below /docs/,
  // all served by this service.
  app.get("/docs", (_req, res) => {
    res.type("html").send(docsPage);
  });
  app.use("/docs", swaggerUi.serve);

  app.use("/api/v1", (_req, res, next) => {
    res.set("Cache-Control", "no-store");
    next();
  });
  app.use("/api/v1/tasks", tasksRouter(repositories.tasks));

  app.use(notFound);
  app.use(problemHandler);
  return app;
}
