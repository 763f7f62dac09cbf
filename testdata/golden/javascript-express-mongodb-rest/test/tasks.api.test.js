// Integration tests of /api/v1/tasks on the real database, through supertest.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import request from "supertest";
import { loadSamples, withField } from "./samples.js";
import { skip, startApp } from "./app.js";
import { TASK_FILTERS, TASK_SORT_KEYS } from "../src/tasks/model.js";

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

  /** A task as the API returns it (an ObjectId string id). */

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

  /** body without the fields that must be unique (there are none), so that it can be posted again. */
  function withoutUnique(body) {
    return body;
  }

  it("pages, sorts and filters a list", async () => {
    // Three of one example (ties on every field) and two of the other.
    const ids = [];
    for (const body of [
      samples.example,
      samples.example2,
      samples.example,
      samples.example2,
      samples.example,
    ]) {
      const res = await post(withoutUnique(body)).expect(201);
      created.push(`${base}/${res.body.id}`);
      ids.push(res.body.id);
    }
    const list = async (query) => {
      const res = await request(test.app).get(`${base}?limit=100&${query}`).expect(200);
      assert.ok(res.body.total <= 100, "the test database holds more than one page");
      assert.equal(res.body.items.length, res.body.total);
      return res.body.items;
    };
    const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

    const idsOf = (items) => items.map((item) => item.id);
    const byId = idsOf(await list("sort=id"));
    const ascending = [...byId].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    assert.deepEqual(byId, ascending);
    assert.deepEqual(idsOf(await list("sort=-id")), [...byId].reverse());
    assert.deepEqual(idsOf(await list("")), byId);
    for (const key of TASK_SORT_KEYS) {
      const up = await list(`sort=${key}`);
      const down = await list(`sort=-${key}`);
      for (const items of [up, down]) {
        // ties are broken by id, ascending either way
        for (let i = 1; i < items.length; i++) {
          if (same(items[i - 1][key], items[i][key])) assert.ok(items[i - 1].id < items[i].id);
        }
      }
      const [first, last] = [up[0][key], up.at(-1)[key]];
      if (!same(first, last)) {
        assert.ok(same(down[0][key], last), `sort=-${key} does not start with the largest`);
        assert.ok(same(down.at(-1)[key], first), `sort=-${key} does not end with the smallest`);
      }
    }

    const one = await request(test.app).get(`${base}?sort=id&limit=1&offset=1`).expect(200);
    assert.deepEqual(
      one.body.items.map((item) => item.id),
      [byId[1]],
    );
    assert.equal(one.body.total, byId.length);
    const past = await request(test.app).get(`${base}?offset=${byId.length}`).expect(200);
    assert.deepEqual(past.body, { items: [], total: byId.length, limit: 20, offset: byId.length });

    const example = (await request(test.app).get(`${base}/${ids[0]}`).expect(200)).body;
    for (const name of Object.keys(TASK_FILTERS)) {
      const value = example[name];
      if (value === null) continue;
      const items = await list(`${name}=${encodeURIComponent(String(value))}`);
      assert.ok(
        items.some((item) => item.id === example.id),
        `?${name}= misses a match`,
      );
      for (const item of items) assert.ok(same(item[name], value), `?${name}= lets others through`);
    }
  });

  it("moves updated_at forward on every change, even within one millisecond", async (t) => {
    const now = Date.UTC(2024, 4, 31, 14, 30);
    t.mock.timers.enable({ apis: ["Date"], now });
    const res = await post(withoutUnique(samples.example)).expect(201);
    const path = `${base}/${res.body.id}`;
    created.push(path);
    assert.equal(res.body.created_at, "2024-05-31T14:30:00.000Z");
    assert.equal(res.body.updated_at, res.body.created_at);
    const merge = "application/merge-patch+json";
    const first = await request(test.app).patch(path).set("Content-Type", merge).send("{}");
    assert.equal(first.body.updated_at, "2024-05-31T14:30:00.001Z");
    const second = await request(test.app).patch(path).set("Content-Type", merge).send("{}");
    assert.equal(second.body.updated_at, "2024-05-31T14:30:00.002Z");
    assert.equal(second.body.created_at, res.body.created_at);
  });

  it("serves its OpenAPI document and Swagger UI, with no-store only on the API", async () => {
    const doc = await request(test.app).get("/openapi.yaml").expect(200);
    assert.equal(doc.headers["content-type"], "application/yaml; charset=utf-8");
    assert.match(doc.text, /^openapi: 3/m);
    const wrong = await request(test.app).post("/openapi.yaml").expect(405);
    assert.equal(wrong.headers.allow, "GET, HEAD");
    const page = await request(test.app).get("/docs").expect(200);
    assert.match(page.headers["content-type"] ?? "", /^text\/html/);
    assert.match(page.text, /"\/docs\/swagger-ui\.css"/);
    await request(test.app).get("/docs/swagger-ui.css").expect(200);
    const init = await request(test.app).get("/docs/swagger-ui-init.js").expect(200);
    assert.match(init.text, /"url": ?"\/openapi\.yaml"/);
    assert.match(init.text, /"validatorUrl": ?null/);
    assert.equal(doc.headers["cache-control"], undefined);
    assert.equal(doc.headers["x-powered-by"], undefined);
    assert.equal(doc.headers["x-content-type-options"], "nosniff");
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
