// Unit tests of the list query parser: paging, sorting and filters, and the 400 of each mistake.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { HttpError } from "../src/http/problem.js";
import {
  DEFAULT_LIMIT,
  isDate,
  MAX_LIMIT,
  MAX_OFFSET,
  pageJson,
  parseListQuery,
} from "../src/http/query.js";

const rules = {
  sortKeys: ["label", "size"],
  filters: { name: "string", size: "int", open: "bool", due: "date", colour: ["red", "blue"] },
};

const parse = (query) => parseListQuery(query, rules);

/** Asserts that parsing query is a 400 whose message is exactly message. */
function refuses(query, message) {
  assert.throws(
    () => parse(query),
    (err) => {
      assert.ok(err instanceof HttpError, `expected an HttpError, got ${String(err)}`);
      assert.equal(err.status, 400);
      assert.equal(err.message, message);
      return true;
    },
  );
}

describe("parseListQuery", () => {
  it("defaults to the first page, unsorted and unfiltered; unknown parameters are ignored", () => {
    assert.deepEqual(parse({ other: "x" }), {
      limit: DEFAULT_LIMIT,
      offset: 0n,
      sort: [],
      filters: {},
    });
  });

  it("takes limit 1 and the largest limit and offset", () => {
    assert.equal(parse({ limit: "1" }).limit, 1);
    assert.equal(parse({ limit: String(MAX_LIMIT) }).limit, MAX_LIMIT);
    assert.equal(parse({ offset: "0" }).offset, 0n);
    assert.equal(parse({ offset: String(MAX_OFFSET) }).offset, MAX_OFFSET);
  });

  const limitMessage = `limit must be a whole number between 1 and ${MAX_LIMIT}`;
  for (const limit of ["0", String(MAX_LIMIT + 1), "-1", "1.5", "x", "", " 5", "0001"]) {
    it(`refuses limit=${JSON.stringify(limit)}`, () => refuses({ limit }, limitMessage));
  }

  const offsetMessage = `offset must be a whole number between 0 and ${MAX_OFFSET}`;
  for (const offset of [String(MAX_OFFSET + 1n), "-1", "1.5", "x", "", "99999999999999999999"]) {
    it(`refuses offset=${JSON.stringify(offset)}`, () => refuses({ offset }, offsetMessage));
  }

  it("refuses a parameter given twice", () => {
    refuses({ limit: ["1", "2"] }, "limit must be given at most once");
    refuses({ name: ["a", "b"] }, "name must be given at most once");
  });

  it("sorts by a list of keys, each ascending or descending", () => {
    assert.deepEqual(parse({ sort: "label,-size" }).sort, [
      { key: "label", descending: false },
      { key: "size", descending: true },
    ]);
    assert.deepEqual(parse({ sort: "-label" }).sort, [{ key: "label", descending: true }]);
  });

  const sortMessage = 'sort must be a comma list of label, size, each with an optional "-"';
  for (const sort of ["colour", "label,", "--label", "+label", "Label"]) {
    it(`refuses sort=${JSON.stringify(sort)}`, () => refuses({ sort }, sortMessage));
  }

  it("refuses a sort key given twice, in either direction", () => {
    refuses({ sort: "label,-label" }, "sort names label twice");
  });

  it("turns each filter into a value of its field's type", () => {
    const query = { name: "a b", size: "-42", open: "true", due: "2024-02-29", colour: "blue" };
    assert.deepEqual(parse(query).filters, {
      name: "a b",
      size: -42,
      open: true,
      due: "2024-02-29",
      colour: "blue",
    });
    assert.deepEqual(parse({ open: "false" }).filters, { open: false });
  });

  const refused = [
    ["size", "1.5", "size must be a whole number"],
    ["size", "x", "size must be a whole number"],
    ["size", "99999999999999999", "size must be a whole number"],
    ["size", "9007199254740993", "size must be a whole number"],
    ["open", "yes", "open must be true or false"],
    ["open", "True", "open must be true or false"],
    ["due", "2023-02-29", "due must be a date like 2024-05-31"],
    ["due", "2024-5-31", "due must be a date like 2024-05-31"],
    ["colour", "green", "colour must be one of: red, blue"],
    ["name", "a\u0000b", "name must not contain U+0000 or a lone surrogate"],
    ["name", "a\ud800b", "name must not contain U+0000 or a lone surrogate"],
  ];
  for (const [name, value, message] of refused) {
    it(`refuses ${name}=${JSON.stringify(value)}`, () => refuses({ [name]: value }, message));
  }
});

describe("isDate", () => {
  const cases = [
    ["2024-05-31", true],
    ["2024-02-29", true],
    ["2023-02-29", false],
    ["2024-13-01", false],
    ["2024-05-31T00:00:00Z", false],
    ["x2024-05-31", false],
    ["24-05-31", false],
  ];
  for (const [text, want] of cases) {
    it(`${text} is ${want ? "" : "not "}a date`, () => assert.equal(isDate(text), want));
  }
});

describe("pageJson", () => {
  it("writes the envelope, with an offset past 2^53 exactly", () => {
    assert.equal(
      pageJson([{ id: 1 }], 7, 20, 9007199254740993n),
      '{"items":[{"id":1}],"total":7,"limit":20,"offset":9007199254740993}',
    );
  });
});
