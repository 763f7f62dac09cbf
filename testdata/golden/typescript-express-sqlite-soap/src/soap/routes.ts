// POST /soap (the endpoint) and GET /soap?wsdl (its description). Every answer of the
// endpoint is a SOAP envelope, errors of the body reader included.
import express, { Router, type ErrorRequestHandler } from "express";
import { limitBody, methodNotAllowed } from "../http/handlers.js";
import type { Repositories } from "../repositories.js";
import {
  faultFor,
  handleSoap,
  SOAP_CONTENT_TYPE,
  SOAP_MAX_BYTES,
  SoapFault,
  wsdlFor,
} from "./service.js";

export function soapRouter(repositories: Repositories): Router {
  const router = Router();

  router
    .route("/")
    .get((req, res) => {
      const endpoint = `${req.protocol}://${req.get("host") ?? "localhost"}${req.baseUrl}`;
      res.type("text/xml").send(wsdlFor(endpoint));
    })
    .post(limitBody, express.raw({ type: () => true, limit: SOAP_MAX_BYTES }), async (req, res) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const result = await handleSoap(body, repositories);
      res.status(result.status).type(SOAP_CONTENT_TYPE).send(result.body);
    })
    .all(methodNotAllowed("GET, HEAD, POST"));

  // A body over 1 MiB (refused from its Content-Length) or cut short is a Client fault.
  const faults: ErrorRequestHandler = (err, req, res, next) => {
    if (res.headersSent || req.method !== "POST") return next(err);
    const status = (err as { status?: unknown } | null)?.status;
    const clientError = typeof status === "number" && status < 500;
    const result = faultFor(clientError ? new SoapFault("Client", clientMessage(status)) : err);
    if (!clientError) req.log.error({ err }, "SOAP request failed");
    res.status(result.status).type(SOAP_CONTENT_TYPE).send(result.body);
  };
  router.use(faults);

  return router;
}

function clientMessage(status: number): string {
  return status === 413 ? "the request is larger than 1 MiB" : "the request could not be read";
}
