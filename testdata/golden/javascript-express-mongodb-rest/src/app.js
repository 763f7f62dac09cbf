import { readFileSync } from "node:fs";
import express from "express";
import { pinoHttp } from "pino-http";
import { HttpError, parseJson, problem, PROBLEM_CONTENT_TYPE } from "./http/problem.js";
import { parsePaging, parseTaskInput, ValidationError } from "./tasks/model.js";

const openapi = readFileSync(new URL("../api/openapi.yaml", import.meta.url), "utf8");

/** Builds the Express application: routes, body parsing and error handling. */
export function createApp({ tasks, logger }) {
  const app = express();
  app.disable("x-powered-by");
  app.use(pinoHttp({ logger }));
  // Bodies are read as text and parsed by the handlers, so every mistake gets a clear answer.
  app.use(express.text({ type: () => true, limit: "1mb" }));

  app.get("/healthz", async (_req, res) => {
    try {
      await tasks.ping();
      res.json({ status: "ok" });
    } catch (err) {
      logger.error({ err }, "health check failed");
      res.status(503).json({ status: "unavailable" });
    }
  });

  // REST API, described by api/openapi.yaml
  app.get("/openapi.yaml", (_req, res) => {
    res.type("application/yaml").send(openapi);
  });

  const base = "/api/v1/tasks";

  app.post(base, async (req, res) => {
    const input = parseTaskInput(parseJson(req.body));
    const task = await tasks.create(input);
    res.status(201).location(`${base}/${task.id}`).json(task);
  });

  app.get(base, async (req, res) => {
    const paging = parsePaging(req.query.limit, req.query.offset);
    if ("error" in paging) throw new HttpError(400, paging.error);
    const page = await tasks.list(paging.limit, paging.offset);
    res.json({ ...page, ...paging });
  });

  app.get(`${base}/:id`, async (req, res) => {
    const task = await tasks.get(req.params.id);
    if (!task) throw notFound();
    res.json(task);
  });

  app.put(`${base}/:id`, async (req, res) => {
    const input = parseTaskInput(parseJson(req.body));
    const task = await tasks.update(req.params.id, input);
    if (!task) throw notFound();
    res.json(task);
  });

  app.delete(`${base}/:id`, async (req, res) => {
    if (!(await tasks.delete(req.params.id))) throw notFound();
    res.status(204).end();
  });

  app.use((req, _res) => {
    throw new HttpError(404, `no route for ${req.method} ${req.path}`);
  });

  // Turns every error into an RFC 9457 problem details response.
  app.use((err, req, res, _next) => {
    let status = 500;
    let detail = "internal server error";
    if (err instanceof HttpError || isClientError(err)) {
      status = err.status;
      detail = err.message;
    } else if (err instanceof ValidationError) {
      status = 422;
      detail = err.message;
    } else {
      req.log.error({ err }, "request failed");
    }
    const body = JSON.stringify(problem(status, detail));
    res.status(status).type(PROBLEM_CONTENT_TYPE).send(body);
  });

  return app;
}

function notFound() {
  return new HttpError(404, "task not found");
}

/** Errors raised by Express itself for bad requests (body too large, bad encoding, …). */
function isClientError(err) {
  const status = err?.status;
  return typeof status === "number" && status >= 400 && status < 500;
}

/** A running server: the port it listens on and how to stop it gracefully. */
/** Starts listening; resolves once the port is open. */
export function listen(app, port, host) {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (err) => {
      if (err) return reject(err);
      resolve({
        port: server.address().port,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeIdleConnections();
          }),
      });
    });
  });
}
