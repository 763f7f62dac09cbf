// Every answer carries X-Content-Type-Options: nosniff, and every error is a problem details
// response (RFC 9457): an unknown route a 404, a failed validation a 400 or a 422 naming the
// fields, anything unexpected a 500 that is logged and tells nothing of its cause.
import type { FastifyError } from "fastify";
import fp from "fastify-plugin";
import { describe, drainRefusedBody, notFound, sendProblem } from "../http/errors.js";

export default fp(
  async (app) => {
    app.addHook("onRequest", async (_request, reply) => {
      reply.header("x-content-type-options", "nosniff");
    });

    app.setErrorHandler((err: FastifyError, request, reply) => {
      const answer = describe(err);
      if (answer.status >= 500) request.log.error({ err }, "request failed");
      drainRefusedBody(err, request, reply);
      return sendProblem(reply, answer);
    });

    app.setNotFoundHandler(notFound);
  },
  { name: "errors" },
);
