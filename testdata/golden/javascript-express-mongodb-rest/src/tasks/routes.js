// The REST routes of tasks, mounted on /api/v1/tasks. Express 5 passes a rejected
// promise to the error handler, so the handlers throw instead of catching.
import { Router } from "express";
import { jsonBody, methodNotAllowed } from "../http/handlers.js";
import { HttpError } from "../http/problem.js";
import { pageJson, parseListQuery } from "../http/query.js";
import { validate } from "../validation.js";
import { TASK_LIST_RULES } from "./model.js";
import { taskPatchSchema, taskSchema } from "./schema.js";

export function tasksRouter(repository) {
  const router = Router();

  router
    .route("/")
    .get(async (req, res) => {
      const query = parseListQuery(req.query, TASK_LIST_RULES);
      const { items, total } = await repository.list(query);
      res.type("application/json").send(pageJson(items, total, query.limit, query.offset));
    })
    .post(jsonBody, async (req, res) => {
      const created = await repository.create(validate(taskSchema, req.body));
      res.status(201).location(`${req.baseUrl}/${created.id}`).json(created);
    })
    .all(methodNotAllowed("GET, HEAD, POST"));

  router
    .route("/:id")
    .get(async (req, res) => {
      res.json(found(await repository.get(req.params.id)));
    })
    .put(jsonBody, async (req, res) => {
      const fields = validate(taskSchema, req.body);
      res.json(found(await repository.replace(req.params.id, fields)));
    })
    .patch(jsonBody, async (req, res) => {
      const changes = validate(taskPatchSchema, req.body);
      res.json(found(await repository.update(req.params.id, changes)));
    })
    .delete(async (req, res) => {
      if (!(await repository.delete(req.params.id))) throw notFound();
      res.status(204).end();
    })
    .all(methodNotAllowed("GET, HEAD, PUT, PATCH, DELETE"));

  return router;
}

function found(value) {
  if (value === undefined) throw notFound();
  return value;
}

function notFound() {
  return new HttpError(404, "task not found");
}
