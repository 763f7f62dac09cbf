// POST /soap (the endpoint) and GET /soap?wsdl (its description). Every answer of the
// endpoint is a SOAP envelope, errors of the body reader included.
import type { FastifyError, FastifyInstance } from "fastify";
import { allowOnly, drainRefusedBody } from "../http/errors.js";
import {
  faultFor,
  handleSoap,
  SOAP_CONTENT_TYPE,
  SOAP_MAX_BYTES,
  SoapFault,
  wsdlFor,
} from "../soap/service.js";

export default async function soap(app: FastifyInstance) {
  // The endpoint reads any Content-Type as bytes: the envelope says what it is.
  app.removeAllContentTypeParsers();
  const readBytes = async (_request: unknown, bytes: Buffer | string) => bytes;
  app.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: SOAP_MAX_BYTES }, readBytes);

  app.get("/", async (request, reply) => {
    const endpoint = `${request.protocol}://${request.host}${app.prefix}`;
    return reply.type("text/xml").send(wsdlFor(endpoint));
  });

  app.post("/", async (request, reply) => {
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const result = await handleSoap(body, app.repositories);
    return reply.code(result.status).type(SOAP_CONTENT_TYPE).send(result.body);
  });
  allowOnly(app, "/", ["GET", "HEAD", "POST"]);

  // A body over 1 MiB (refused from its Content-Length) or cut short is a Client fault; the
  // other errors (a 405) go on to the problem details handler.
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (request.method !== "POST") throw err;
    const status = err.statusCode;
    const clientError = typeof status === "number" && status < 500;
    const fault = clientError ? new SoapFault("Client", clientMessage(err)) : err;
    if (!clientError) request.log.error({ err }, "SOAP request failed");
    drainRefusedBody(err, request, reply);
    const result = faultFor(fault);
    return reply.code(result.status).type(SOAP_CONTENT_TYPE).send(result.body);
  });
}

function clientMessage(err: FastifyError): string {
  return err.code === "FST_ERR_CTP_BODY_TOO_LARGE"
    ? "the request is larger than 1 MiB"
    : "the request could not be read";
}
