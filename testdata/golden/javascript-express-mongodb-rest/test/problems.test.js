// The answers of the middleware every route shares: the problem details of each refused body,
// of unknown routes and methods, of errors no route expected, and which of them are logged.
import assert from "node:assert/strict";
import { STATUS_CODES } from "node:http";
import { Writable } from "node:stream";
import { after, before, describe, it } from "node:test";
import { pino } from "pino";
import request from "supertest";
import { createApp } from "../src/app.js";
import { MAX_BODY_BYTES, MAX_JSON_DEPTH } from "../src/http/handlers.js";
import { loadSamples } from "./samples.js";
import { skip, startApp } from "./app.js";

const samples = loadSamples("tasks");
const base = "/api/v1/tasks";

/** Asserts that res is the problem details response of status with detail. */
function assertProblem(res, status, detail) {
  assert.equal(res.status, status);
  assert.equal(res.headers["content-type"], "application/problem+json; charset=utf-8");
  assert.deepEqual(res.body, { type: "about:blank", title: STATUS_CODES[status], status, detail });
}

/** A JSON object whose key "x" holds arrays nested depth levels deep in all (the object is 1). */
function nested(depth) {
  return `{"x":${"[".repeat(depth - 1)}${"]".repeat(depth - 1)}}`;
}

describe("problem details", { skip }, () => {
  let test;

  before(async () => {
    test = await startApp();
  });

  after(async () => {
    await test?.close();
  });

  function post(body, type = "application/json") {
    return request(test.app).post(base).set("Content-Type", type).send(body);
  }

  it("refuses a body that is not JSON by its Content-Type with 415", async () => {
    const detail = "the request body must be JSON (Content-Type: application/json)";
    for (const type of [
      "text/plain",
      "application/jsonx",
      "xapplication/json",
      "application/+json",
    ]) {
      assertProblem(await post(samples.minimal, type), 415, detail);
    }
  });

  it("takes any JSON media type, in any case, with parameters", async () => {
    for (const type of ["Application/JSON; charset=UTF-8", "application/vnd.api+json"]) {
      const res = await post("[]", type);
      assertProblem(res, 400, "the request body must be a JSON object");
    }
  });

  it("refuses an empty, malformed, non-UTF-8 or encoded body with what is wrong", async () => {
    assertProblem(await post(""), 400, "the request body is empty");
    assertProblem(await post("{"), 400, "the request body is not valid JSON");
    assertProblem(await post(`${samples.minimal} []`), 400, "the request body is not valid JSON");
    assertProblem(
      await post(samples.minimal, "application/json; charset=latin1"),
      415,
      "the request body must be encoded as UTF-8",
    );
    const encoded = await request(test.app)
      .post(base)
      .set("Content-Type", "application/json")
      .set("Content-Encoding", "compress")
      .send(samples.minimal);
    assertProblem(encoded, 415, "the request body's Content-Encoding is not supported");
  });

  it(`counts nesting up to ${MAX_JSON_DEPTH} levels, not brackets inside strings`, async () => {
    const deep = `the request body nests deeper than ${MAX_JSON_DEPTH} levels`;
    assertProblem(await post(nested(MAX_JSON_DEPTH + 1)), 400, deep);
    assertProblem(await post(`[${nested(MAX_JSON_DEPTH)}]`), 400, deep);
    // At the limit, and with more brackets than that in strings or one after the other, the
    // body is read: the unknown key "x" is the 422.
    const known = (res) => {
      assert.equal(res.status, 422, res.text);
      assert.ok(
        res.body.errors.some((e) => e.field === "x" && e.message === "is not a known field"),
        res.text,
      );
    };
    known(await post(nested(MAX_JSON_DEPTH)));
    known(await post(`{"x":"${"[{".repeat(MAX_JSON_DEPTH)}"}`));
    known(await post(`{"x":["\\"${"[".repeat(MAX_JSON_DEPTH)}"]}`));
    const siblings = (pair) => Array(MAX_JSON_DEPTH + 1).fill(pair);
    known(await post(`{"x":[${siblings("[]").join(",")}]}`));
    known(await post(`{"x":[${siblings("{}").join(",")}]}`));
  });

  it("reads a body of exactly 1 MiB and refuses a larger one at once with 413", async () => {
    const padding = (size) => `{"x":"${"y".repeat(size - 8)}"}`;
    assert.equal(padding(MAX_BODY_BYTES).length, MAX_BODY_BYTES);
    const res = await post(padding(MAX_BODY_BYTES));
    assert.equal(res.status, 422, res.text);
    assertProblem(
      await post(padding(MAX_BODY_BYTES + 1)),
      413,
      "the request body is larger than 1 MiB",
    );
  });

  it("names the route or method that does not exist", async () => {
    assertProblem(
      await request(test.app).get("/no/such/route"),
      404,
      "no route for GET /no/such/route",
    );
    const res = await request(test.app).delete(base);
    assertProblem(res, 405, "DELETE is not allowed here; use GET, HEAD, POST");
    assert.equal(res.headers.allow, "GET, HEAD, POST");
    assertProblem(await request(test.app).get(`${base}/0`), 404, "task not found");
  });
});

describe("errors no route expected", { skip }, () => {
  let test;
  /** What the application logs, one object per line, at level info and above. */
  const logged = [];
  let app;

  before(async () => {
    test = await startApp();
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logged.push(JSON.parse(chunk.toString()));
        done();
      },
    });
    app = createApp({ repositories: test.repositories, logger: pino({ level: "info" }, stream) });
  });

  after(async () => {
    await test?.close();
  });

  /** The answer of GET base when the repository throws thrown, and what was logged with it. */
  async function whenListThrows(t, thrown) {
    t.mock.method(test.repositories.tasks, "list", async () => {
      throw thrown;
    });
    logged.length = 0;
    const res = await request(app).get(base);
    t.mock.restoreAll();
    return { res, errors: logged.filter((line) => line.msg === "request failed") };
  }

  it("answers 500 and logs the error once", async (t) => {
    for (const thrown of [
      new Error("disk full"),
      null,
      Object.assign(new Error("x"), { status: 399 }),
    ]) {
      const { res, errors } = await whenListThrows(t, thrown);
      assertProblem(res, 500, "internal server error");
      assert.equal(errors.length, 1);
    }
    const { errors } = await whenListThrows(t, new Error("disk full"));
    assert.equal(errors[0]?.err?.message, "disk full");
    assert.equal(errors[0]?.level, 50);
  });

  it("answers a client error of a library with its status, and does not log it", async (t) => {
    for (const [thrown, status, detail] of [
      [{ status: 418 }, 418, "I'm a Teapot"],
      [
        { status: 400, type: "request.aborted" },
        400,
        "the request body ended before its Content-Length",
      ],
      [
        { status: 400, type: "request.size.invalid" },
        400,
        "the request body does not match its Content-Length",
      ],
      [{ status: 413, type: "entity.too.large" }, 413, "the request body is larger than 1 MiB"],
      [{ status: 400, type: 7 }, 400, "Bad Request"],
      [{ status: 499 }, 499, "bad request"],
    ]) {
      const { res, errors } = await whenListThrows(t, Object.assign(new Error("x"), thrown));
      assert.equal(res.status, status);
      assert.equal(res.body.detail, detail);
      assert.deepEqual(errors, []);
    }
    const { res } = await whenListThrows(t, Object.assign(new Error("x"), { status: 500 }));
    assertProblem(res, 500, "internal server error");
  });

  it("logs a failed health check", async (t) => {
    t.mock.method(test.repositories.tasks, "ping", async () => {
      throw new Error("connection refused");
    });
    logged.length = 0;
    await request(app).get("/readyz").expect(503);
    const line = logged.find((l) => l.msg === "health check failed");
    assert.equal(line?.err?.message, "connection refused");
    assert.equal(line?.level, 50);
  });
});
