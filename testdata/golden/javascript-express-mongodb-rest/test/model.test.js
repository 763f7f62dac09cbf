import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parsePaging, parseTaskInput, toRfc3339, ValidationError } from "../src/tasks/model.js";

describe("parseTaskInput", () => {
  it("accepts a title and defaults done to false", () => {
    assert.deepEqual(parseTaskInput({ title: "Write tests" }), {
      title: "Write tests",
      done: false,
    });
  });

  it("accepts 200 characters but not 201", () => {
    assert.equal(parseTaskInput({ title: "x".repeat(200) }).title.length, 200);
    assert.throws(() => parseTaskInput({ title: "x".repeat(201) }), ValidationError);
  });

  for (const [name, body] of Object.entries({
    "an empty title": { title: "" },
    "a missing title": { done: true },
    "a title that is not a string": { title: 42 },
    "done that is not a boolean": { title: "ok", done: "yes" },
    "a body that is not an object": ["title"],
  })) {
    it(`rejects ${name}`, () => {
      assert.throws(() => parseTaskInput(body), ValidationError);
    });
  }
});

describe("parsePaging", () => {
  it("uses limit 20 and offset 0 by default", () => {
    assert.deepEqual(parsePaging(undefined, undefined), { limit: 20, offset: 0 });
  });

  it("accepts limits from 1 to 100", () => {
    assert.deepEqual(parsePaging("100", "5"), { limit: 100, offset: 5 });
  });

  for (const [limit, offset] of [
    ["0", "0"],
    ["101", "0"],
    ["abc", "0"],
    ["10", "-1"],
    ["1.5", "0"],
  ]) {
    it(`rejects limit=${limit} offset=${offset}`, () => {
      assert.ok("error" in parsePaging(limit, offset));
    });
  }
});

describe("toRfc3339", () => {
  it("formats UTC timestamps without milliseconds", () => {
    assert.equal(toRfc3339(new Date(Date.UTC(2024, 4, 1, 12, 0, 0))), "2024-05-01T12:00:00Z");
  });
});
