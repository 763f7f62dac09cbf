import type { AddressInfo } from "node:net";
import express, { type NextFunction, type Request, type Response } from "express";
import { pinoHttp } from "pino-http";
import type { Logger } from "./logger.js";
import { HttpError, problem, PROBLEM_CONTENT_TYPE } from "./http/problem.js";
import type { TaskRepository } from "./tasks/repository.js";
import { handleSoap, SOAP_CONTENT_TYPE, wsdlFor } from "./soap/service.js";

export interface AppDeps {
  tasks: TaskRepository;
  logger: Logger;
}

/** Builds the Express application: routes, body parsing and error handling. */
export function createApp({ tasks, logger }: AppDeps): express.Express {
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

  // SOAP API, described by api/service.wsdl
  app.get("/soap", (req, res) => {
    res.type("text/xml").send(wsdlFor(`${req.protocol}://${req.get("host") ?? "localhost"}/soap`));
  });

  app.post("/soap", async (req, res) => {
    const xml = typeof req.body === "string" ? req.body : "";
    const result = await handleSoap(xml, tasks);
    res.status(result.status).type(SOAP_CONTENT_TYPE).send(result.body);
  });

  app.use((req, _res) => {
    throw new HttpError(404, `no route for ${req.method} ${req.path}`);
  });

  // Turns every error into an RFC 9457 problem details response.
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    let status = 500;
    let detail = "internal server error";
    if (err instanceof HttpError || isClientError(err)) {
      status = err.status;
      detail = err.message;
    } else {
      req.log.error({ err }, "request failed");
    }
    const body = JSON.stringify(problem(status, detail));
    res.status(status).type(PROBLEM_CONTENT_TYPE).send(body);
  });

  return app;
}

/** Errors raised by Express itself for bad requests (body too large, bad encoding, …). */
function isClientError(err: unknown): err is { status: number; message: string } {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === "number" && status >= 400 && status < 500;
}

/** A running server: the port it listens on and how to stop it gracefully. */
export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

/** Starts listening; resolves once the port is open. */
export function listen(app: express.Express, port: number, host: string): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (err?: Error) => {
      if (err) return reject(err);
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeIdleConnections();
          }),
      });
    });
  });
}
