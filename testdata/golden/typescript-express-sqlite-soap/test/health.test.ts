// The health probes: /healthz and /readyz ask the database, /livez only the process.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import request from "supertest";
import { skip, startApp, type TestApp } from "./app.js";

describe("health probes", { skip }, () => {
  let test: TestApp;

  before(async () => {
    test = await startApp();
  });

  after(async () => {
    await test?.close();
  });

  for (const probe of ["/healthz", "/livez", "/readyz"]) {
    it(`GET ${probe} is 200 {"status":"ok"}; POST is a 405 allowing GET`, async () => {
      const res = await request(test.app).get(probe).expect(200);
      assert.deepEqual(res.body, { status: "ok" });
      const post = await request(test.app).post(probe).expect(405);
      assert.match(post.headers.allow ?? "", /GET/);
    });
  }

  it("only /livez is 200 while the database is down", async (t) => {
    const repository = test.repositories.tasks;
    t.mock.method(repository, "ping", async () => {
      throw new Error("connection refused");
    });
    await request(test.app).get("/livez").expect(200);
    for (const probe of ["/healthz", "/readyz"]) {
      const res = await request(test.app).get(probe).expect(503);
      assert.deepEqual(res.body, { status: "unavailable" });
    }
  });
});
