// The Express application: middleware, one router per resource, the JSON 404 and the problem
// details error handler. It does not listen: server.ts does, and the tests use it as it is.
import cors from "cors";
import express from "express";
import { pinoHttp } from "pino-http";
import { methodNotAllowed, notFound, problemHandler } from "./http/handlers.js";
import type { Logger } from "./logger.js";
import type { Repositories } from "./repositories.js";
import { soapRouter } from "./soap/routes.js";

export interface AppDeps {
  repositories: Repositories;
  logger: Logger;
  /** The browser origins allowed to call the API (CORS_ORIGINS); none: CORS is off. */
  corsOrigins?: string[];
}

export function createApp({ repositories, logger, corsOrigins = [] }: AppDeps): express.Express {
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
        methods: ["POST"],
        allowedHeaders: ["Content-Type", "SOAPAction"],
      }),
    );
  }

  // The health probes: /healthz and /readyz ask the database, /livez only the process (so a
  // database outage does not get the service restarted).
  const ready: express.RequestHandler = async (req, res) => {
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

  app.use("/soap", soapRouter(repositories));

  app.use(notFound);
  app.use(problemHandler);
  return app;
}
