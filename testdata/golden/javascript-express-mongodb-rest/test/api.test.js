// Integration test: the real application against the real database named by DATABASE_URL
// (skipped with a message when DATABASE_URL is not set, except on CI where that is an error).
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createApp, listen } from "../src/app.js";
import { openDatabase } from "../src/db/database.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { createLogger } from "../src/logger.js";
import { TaskRepository } from "../src/tasks/repository.js";

const databaseUrl = process.env.DATABASE_URL ?? "";
if (!databaseUrl && process.env.CI) {
  throw new Error("DATABASE_URL must be set on CI: the integration test needs MongoDB");
}
const skip = databaseUrl
  ? false
  : "set DATABASE_URL (e.g. mongodb://localhost:27017/app) to run the integration test against MongoDB";

describe("tasks API against MongoDB", { skip }, () => {
  let client;
  let server;
  let baseUrl;

  before(async () => {
    client = await openDatabase(databaseUrl);
    const db = client.db();
    await migrateToLatest(db);
    const app = await createApp({
      tasks: new TaskRepository(db),
      logger: createLogger("silent"),
    });
    server = await listen(app, 0, "127.0.0.1");
    baseUrl = `http://127.0.0.1:${server.port}`;
  });

  after(async () => {
    await server?.close();
    await client?.close();
  });

  it("answers the health check", async () => {
    const res = await fetch(`${baseUrl}/healthz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: "ok" });
  });

  it("creates, reads, lists, replaces and deletes a task", async () => {
    const created = await call("POST", "/api/v1/tasks", { title: "Learn Node.js" });
    assert.equal(created.status, 201);
    const task = await created.json();

    assert.equal(task.title, "Learn Node.js");
    assert.equal(task.done, false);
    assert.match(task.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const path = `/api/v1/tasks/${task.id}`;
    assert.equal(created.headers.get("location"), path);

    assert.deepEqual(await (await call("GET", path)).json(), task);

    const list = await call("GET", "/api/v1/tasks?limit=100");
    const page = await list.json();

    assert.equal(page.limit, 100);
    assert.equal(page.offset, 0);
    assert.ok(page.total >= 1);

    const replaced = await call("PUT", path, { title: "Teach Node.js", done: true });
    assert.equal(replaced.status, 200);
    assert.deepEqual(await replaced.json(), { ...task, title: "Teach Node.js", done: true });

    assert.equal((await call("DELETE", path)).status, 204);
    assert.equal((await call("GET", path)).status, 404);
  });

  it("answers bad input with problem details", async () => {
    const malformed = await fetch(`${baseUrl}/api/v1/tasks`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    assert.equal(malformed.status, 400);
    assert.match(malformed.headers.get("content-type") ?? "", /^application\/problem\+json/);

    assert.equal((await call("POST", "/api/v1/tasks", { title: "" })).status, 422);
    assert.equal((await call("GET", "/api/v1/tasks?limit=1000")).status, 400);
    assert.equal((await call("GET", "/api/v1/tasks/not-an-id")).status, 404);
  });

  async function call(method, path, body) {
    return fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }
});
