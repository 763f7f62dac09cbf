// Unit tests of the field-type building blocks of the schemas and of validate.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { z } from "zod";
import { HttpError, ValidationError } from "../src/http/problem.js";
import { bool, chars, date, dateTime, float, int, oneOf, validate } from "../src/validation.js";

/** The field errors validate gives for { value } with the field's schema, [] if it is taken. */
function errorsFor(field, value) {
  try {
    validate(z.strictObject({ value: field }), value === undefined ? {} : { value });
    return [];
  } catch (err) {
    assert.ok(err instanceof ValidationError, `expected a ValidationError, got ${String(err)}`);
    return err.errors.map((e) => `${e.field}: ${e.message}`);
  }
}

describe("field types", () => {
  const cases = [
    ["int takes its bounds", int(1, 3), 3, []],
    ["int under its minimum", int(1, 3), 0, ["value: must be at least 1"]],
    ["int over its maximum", int(1, 3), 4, ["value: must be at most 3"]],
    ["int, a fraction", int(1, 3), 1.5, ["value: must be a whole number between 1 and 3"]],
    ["int, a string", int(), "1", ["value: must be a whole number"]],
    ["int, absent", int(), undefined, ["value: is required"]],
    ["int, null", int(), null, ["value: must not be null"]],
    [
      "int past 2^53",
      int(),
      2 ** 53,
      [
        `value: must be a whole number between ${-Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}`,
        `value: must be at most ${Number.MAX_SAFE_INTEGER}`,
      ],
    ],
    ["float takes its bounds", float(0, 1), 1, []],
    ["float under its minimum", float(0, 1), -0.5, ["value: must be at least 0"]],
    ["float over its maximum", float(0, 1), 1.5, ["value: must be at most 1"]],
    ["float without bounds", float(), -1e300, []],
    ["float, a string", float(), "1", ["value: must be a number"]],
    ["bool", bool(), false, []],
    ["bool, a string", bool(), "true", ["value: must be true or false"]],
    ["date", date(), "2024-02-29", []],
    ["date, not a day", date(), "2023-02-29", ["value: must be a date like 2024-05-31"]],
    [
      "date-time, without a zone",
      dateTime(),
      "2024-05-31T14:30:00",
      ["value: must be a date and time with a zone, like 2024-05-31T14:30:00Z"],
    ],
    ["one of", oneOf(["red", "blue"]), "blue", []],
    ["one of, another", oneOf(["red", "blue"]), "green", ["value: must be one of: red, blue"]],
    ["chars", chars({ required: true, min: 2, max: 3 }), "🙂🙂🙂", []],
    ["chars, a number", chars({ required: false }), 1, ["value: must be a string"]],
    [
      "chars, too short",
      chars({ required: false, min: 2 }),
      "a",
      ["value: must be at least 2 characters long"],
    ],
    [
      "chars, too long",
      chars({ required: false, max: 3 }),
      "abcd",
      ["value: must be at most 3 characters long"],
    ],
    [
      "chars, blank and required",
      chars({ required: true }),
      " \u200b\t",
      ["value: must not be blank"],
    ],
    ["chars, blank but optional", chars({ required: false }), " ", []],
    [
      "chars, U+0000",
      chars({ required: false }),
      "a\u0000",
      ["value: must not contain the character U+0000"],
    ],
    [
      "chars, a lone surrogate",
      chars({ required: false }),
      "a\ud800",
      ["value: must not contain a lone surrogate (broken UTF-16)"],
    ],
  ];
  for (const [name, field, value, want] of cases) {
    it(name, () => assert.deepEqual(errorsFor(field, value), want));
  }

  it("date-time is returned in UTC", () => {
    const parsed = validate(z.object({ at: dateTime() }), { at: "2024-05-31T16:30:00+02:00" });
    assert.equal(parsed.at, "2024-05-31T14:30:00.000Z");
  });
});

describe("validate", () => {
  for (const body of [null, [], "text", 1]) {
    it(`refuses ${JSON.stringify(body)} with a 400: the body must be an object`, () => {
      assert.throws(
        () => validate(z.object({}), body),
        (err) =>
          err instanceof HttpError &&
          !(err instanceof ValidationError) &&
          err.status === 400 &&
          err.message === "the request body must be a JSON object",
      );
    });
  }

  it("names each unknown key and the path of a nested field", () => {
    const schema = z.strictObject({ a: z.strictObject({ b: int() }) });
    assert.throws(
      () => validate(schema, { a: { b: "x" }, c: 1, d: 2 }),
      (err) => {
        assert.ok(err instanceof ValidationError);
        assert.deepEqual(
          err.errors.map((e) => e.field),
          ["a.b", "c", "d"],
        );
        assert.equal(err.errors[1]?.message, "is not a known field");
        return true;
      },
    );
  });
});
