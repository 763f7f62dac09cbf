// CORS: off unless CORS_ORIGINS lists origins; then only those origins get
// Access-Control-Allow-Origin, their preflight included.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import request from "supertest";
import { loadConfig } from "../src/config.js";
import { skip, startApp } from "./app.js";

const allowed = "https://app.example.com";
const refused = "https://elsewhere.example.com";
const apiPath = "/api/v1/tasks";
const requestHeaders = "content-type";

describe("CORS_ORIGINS", () => {
  it("is a comma-separated list of origins; spaces and empty items are ignored", () => {
    const config = loadConfig({ CORS_ORIGINS: ` ${allowed} , ,http://localhost:5173,` });
    assert.deepEqual(config.corsOrigins, [allowed, "http://localhost:5173"]);
    assert.deepEqual(loadConfig({}).corsOrigins, []);
    assert.deepEqual(loadConfig({ CORS_ORIGINS: " " }).corsOrigins, []);
  });
});

describe("CORS off (CORS_ORIGINS unset)", { skip }, () => {
  let test;

  before(async () => {
    test = await startApp();
  });

  after(async () => {
    await test?.close();
  });

  it("a request with an Origin gets no Access-Control-* header", async () => {
    const res = await request(test.app).get("/livez").set("Origin", allowed).expect(200);
    assert.deepEqual(corsHeaders(res.headers), {});
  });

  it("a preflight is the usual 405 with Allow", async () => {
    const res = await request(test.app)
      .options(apiPath)
      .set("Origin", allowed)
      .set("Access-Control-Request-Method", "POST")
      .expect(405);
    assert.match(res.headers.allow ?? "", /POST/);
    assert.deepEqual(corsHeaders(res.headers), {});
  });
});

describe("CORS on (CORS_ORIGINS set)", { skip }, () => {
  let test;

  before(async () => {
    test = await startApp([allowed, "http://localhost:5173"]);
  });

  after(async () => {
    await test?.close();
  });

  it("an allowed origin's preflight is answered with the methods and headers", async () => {
    const res = await request(test.app)
      .options(apiPath)
      .set("Origin", allowed)
      .set("Access-Control-Request-Method", "POST")
      .set("Access-Control-Request-Headers", requestHeaders)
      .expect(204);
    assert.equal(res.headers["access-control-allow-origin"], allowed);
    assert.match(res.headers["access-control-allow-methods"] ?? "", /\bPOST\b/);
    for (const header of requestHeaders.split(", ")) {
      assert.match(res.headers["access-control-allow-headers"] ?? "", new RegExp(header, "i"));
    }
    assert.match(res.headers.vary ?? "", /Origin/);
    assert.equal(res.headers["access-control-allow-credentials"], undefined);
    assert.equal(res.headers["x-content-type-options"], "nosniff");
  });

  it("an allowed origin's simple request gets that origin back", async () => {
    const res = await request(test.app).get("/livez").set("Origin", allowed).expect(200);
    assert.equal(res.headers["access-control-allow-origin"], allowed);
    assert.match(res.headers.vary ?? "", /Origin/);
    assert.equal(res.headers["x-content-type-options"], "nosniff");
  });

  it("a refused origin gets no Access-Control-Allow-Origin, simple or preflight", async () => {
    const simple = await request(test.app).get("/livez").set("Origin", refused).expect(200);
    assert.equal(simple.headers["access-control-allow-origin"], undefined);
    const preflight = await request(test.app)
      .options(apiPath)
      .set("Origin", refused)
      .set("Access-Control-Request-Method", "POST");
    assert.ok(preflight.status < 500, `preflight answered ${preflight.status}`);
    assert.equal(preflight.headers["access-control-allow-origin"], undefined);
  });
});

/** The Access-Control-* headers of an answer. */
function corsHeaders(headers) {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => name.startsWith("access-control-")),
  );
}
