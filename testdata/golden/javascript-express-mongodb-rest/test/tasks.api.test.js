// Integration tests of /api/v1/tasks on the real database, through supertest.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import request from "supertest";
import { loadSamples, withField } from "./samples.js";
import { skip, startApp } from "./app.js";

const samples = loadSamples("tasks");
const base = "/api/v1/tasks";

describe("tasks API", { skip }, () => {
  let test;
  const created = [];

  before(async () => {
    test = await startApp();
  });

  after(async () => {
    for (const path of created) await request(test.app).delete(path);
    await test?.close();
  });

  /** POSTs a body given as JSON text. */
  function post(body, type = "application/json") {
    return request(test.app).post(base).set("Content-Type", type).send(body);
  }

  it("creates, reads, lists, patches, replaces and deletes", async () => {
    const res = await post(samples.example).expect(201);
    const path = `${base}/${res.body.id}`;
    created.push(path);
    assert.equal(res.headers.location, path);
    assert.equal(res.headers["x-content-type-options"], "nosniff");
    assert.equal(res.headers["cache-control"], "no-store");
    assert.deepEqual(Object.keys(res.body), [
      "id",
      ...samples.fields.map((f) => f.name),
      "created_at",
      "updated_at",
    ]);

    const got = await request(test.app).get(path).expect(200);
    assert.deepEqual(got.body, res.body);

    const list = await request(test.app).get(`${base}?limit=100&sort=-id`).expect(200);
    assert.equal(list.body.limit, 100);
    assert.equal(list.body.offset, 0);
    assert.ok(list.body.items.some((item) => item.id === res.body.id));

    const patched = await request(test.app)
      .patch(path)
      .set("Content-Type", "application/merge-patch+json")
      .send("{}")
      .expect(200);
    assert.equal(patched.body.created_at, res.body.created_at);
    assert.notEqual(patched.body.updated_at, res.body.updated_at);

    await request(test.app)
      .put(path)
      .set("Content-Type", "application/json")
      .send(samples.example2)
      .expect(200);

    await request(test.app).delete(path).expect(204);
    await request(test.app).get(path).expect(404);
    await request(test.app).delete(path).expect(404);
  });

  for (const field of samples.fields) {
    for (const sample of field.invalid) {
      it(`refuses ${field.name}: ${sample.rule} (422 naming it)`, async () => {
        const res = await post(withField(samples.minimal, field.name, sample.json)).expect(422);
        assert.equal(res.headers["content-type"], "application/problem+json; charset=utf-8");
        assert.ok(res.body.errors.some((e) => e.field === field.name));
      });
    }
  }

  it("refuses what is not a JSON object", async () => {
    await post(samples.minimal, "text/plain").expect(415);
    await post("{").expect(400);
    await post(`${samples.minimal} []`).expect(400);
    await post("[]").expect(400);
    await post(`${"[".repeat(65)}${"]".repeat(65)}`).expect(400);
    await post(withField(samples.minimal, "no_such_field", "1")).expect(422);
  });

  it("checks the query string", async () => {
    await request(test.app).get(`${base}?limit=0`).expect(400);
    await request(test.app).get(`${base}?limit=1&limit=2`).expect(400);
    await request(test.app).get(`${base}?sort=no_such_field`).expect(400);
    const far = await request(test.app).get(`${base}?offset=9223372036854775807`).expect(200);
    assert.equal(far.text.endsWith(`"offset":9223372036854775807}`), true);
  });

  it("answers unknown routes and methods with problems", async () => {
    await request(test.app).get("/no/such/route").expect(404);
    const res = await request(test.app).delete(base).expect(405);
    assert.equal(res.headers.allow, "GET, HEAD, POST");
    for (const method of ["options", "trace"]) {
      const item = await request(test.app)[method](`${base}/1`).expect(405);
      assert.equal(item.headers.allow, "GET, HEAD, PUT, PATCH, DELETE");
    }
  });

  it("refuses a body over 1 MiB with 413 and stores nothing", async () => {
    const before = await request(test.app).get(base).expect(200);
    await post(JSON.stringify({ padding: "x".repeat(1024 * 1024) })).expect(413);
    const after = await request(test.app).get(base).expect(200);
    assert.equal(after.body.total, before.body.total);
  });
});
