// Integration test: the real application against the real database named by DATABASE_URL
// (a temporary SQLite file when DATABASE_URL is not set).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { createApp, listen, type RunningServer } from "../src/app.js";
import { openDatabase } from "../src/db/database.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { createLogger } from "../src/logger.js";
import { TaskRepository } from "../src/tasks/repository.js";

const tempDir = mkdtempSync(join(tmpdir(), "tasks-test-"));
const databaseUrl = process.env.DATABASE_URL || join(tempDir, "test.db");
const skip = false;
type Db = ReturnType<typeof openDatabase>;

describe("tasks API against SQLite", { skip }, () => {
  let db: Db;
  let server: RunningServer;
  let baseUrl: string;

  before(async () => {
    db = openDatabase(databaseUrl);
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
    await db?.destroy();
    rmSync(tempDir, { recursive: true, force: true });
  });

  it("answers the health check", async () => {
    const res = await fetch(`${baseUrl}/healthz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: "ok" });
  });

  it("creates, reads, lists, updates and deletes a task over SOAP", async () => {
    const created = await soap(
      `<CreateTask xmlns="${NS}"><title>Learn &amp; teach</title></CreateTask>`,
    );
    assert.equal(created.status, 200);
    const id = /<tns:id>([^<]+)<\/tns:id>/.exec(created.body)?.[1];
    assert.ok(id, created.body);
    assert.match(created.body, /<tns:title>Learn &amp; teach<\/tns:title>/);
    assert.match(created.body, /<tns:done>false<\/tns:done>/);

    const got = await soap(`<GetTask xmlns="${NS}"><id>${id}</id></GetTask>`);
    assert.match(got.body, new RegExp(`<tns:id>${id}</tns:id>`));

    const list = await soap(`<ListTasks xmlns="${NS}"><limit>100</limit></ListTasks>`);
    assert.match(list.body, /<tns:total>\d+<\/tns:total>/);

    const updated = await soap(
      `<UpdateTask xmlns="${NS}"><id>${id}</id><title>Done</title><done>true</done></UpdateTask>`,
    );
    assert.match(updated.body, /<tns:done>true<\/tns:done>/);

    const deleted = await soap(`<DeleteTask xmlns="${NS}"><id>${id}</id></DeleteTask>`);
    assert.equal(deleted.status, 200);
    const gone = await soap(`<GetTask xmlns="${NS}"><id>${id}</id></GetTask>`);
    assert.equal(gone.status, 500);
    assert.match(gone.body, /<faultcode>soap:Client<\/faultcode>/);
  });

  it("answers bad input with soap:Client faults", async () => {
    const empty = await soap(`<CreateTask xmlns="${NS}"><title></title></CreateTask>`);
    assert.equal(empty.status, 500);
    assert.match(empty.body, /soap:Client/);
    const res = await fetch(`${baseUrl}/soap`, { method: "POST", body: "<not xml" });
    assert.equal(res.status, 500);
    assert.match(await res.text(), /soap:Client/);
  });

  it("serves the WSDL", async () => {
    const res = await fetch(`${baseUrl}/soap?wsdl`);
    assert.equal(res.status, 200);
    const wsdl = await res.text();
    assert.match(wsdl, /definitions/);
    // Generated clients call the soap:address: it must be where this server really is.
    assert.ok(
      wsdl.includes(`location="${baseUrl}/soap"`),
      `soap:address should be ${baseUrl}/soap: ${/<soap:address[^>]*>/.exec(wsdl)?.[0]}`,
    );
  });

  async function soap(body: string): Promise<{ status: number; body: string }> {
    const res = await fetch(`${baseUrl}/soap`, {
      method: "POST",
      headers: { "content-type": "text/xml; charset=utf-8" },
      body: `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${body}</soap:Body></soap:Envelope>`,
    });
    return { status: res.status, body: await res.text() };
  }
});

const NS = "https://github.com/octocat/demo/soap";
