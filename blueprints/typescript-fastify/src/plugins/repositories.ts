// The repositories of every resource, on the database connection: app.repositories.
import fp from "fastify-plugin";
import { createRepositories, type Repositories } from "../repositories.js";

declare module "fastify" {
  interface FastifyInstance {
    repositories: Repositories;
  }
}

export default fp(
  async (app) => {
    app.decorate("repositories", createRepositories(app.db));
  },
  { name: "repositories", dependencies: ["database"] },
);
