// Unit tests of the task schemas, with every sample of test/fixtures/tasks.json.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { taskPatchSchema, taskSchema } from "../src/tasks/schema.js";
import { ValidationError } from "../src/http/problem.js";
import { validate } from "../src/validation.js";
import { loadSamples, withField } from "./samples.js";

const samples = loadSamples("tasks");

/** Asserts that parsing fails with a 422 that names the field. */
function refuses(parse, field) {
  assert.throws(parse, (err) => {
    assert.ok(err instanceof ValidationError, `expected a ValidationError, got ${String(err)}`);
    assert.ok(
      err.errors.some((e) => e.field === field),
      `the errors do not name ${field}: ${JSON.stringify(err.errors)}`,
    );
    return true;
  });
}

describe("task schema", () => {
  it("takes the minimal example and gives every field a value", () => {
    const parsed = validate(taskSchema, JSON.parse(samples.minimal));
    for (const field of samples.fields) {
      assert.ok(field.name in parsed, `${field.name} is missing`);
      if (field.nullable && !(field.name in JSON.parse(samples.minimal))) {
        assert.equal(parsed[field.name], null);
      }
    }
  });

  it("takes the full example", () => {
    validate(taskSchema, JSON.parse(samples.example));
  });

  it("refuses an unknown key, naming it", () => {
    const body = JSON.parse(withField(samples.minimal, "no_such_field", "1"));
    refuses(() => validate(taskSchema, body), "no_such_field");
  });

  it("takes an empty patch", () => {
    assert.deepEqual(validate(taskPatchSchema, {}), {});
  });

  for (const field of samples.fields) {
    for (const sample of field.valid) {
      it(`${field.name}: takes ${sample.rule}`, () => {
        const body = JSON.parse(withField(samples.minimal, field.name, sample.json));
        validate(taskSchema, body);
        const patch = JSON.parse(`{${JSON.stringify(field.name)}:${sample.json}}`);
        validate(taskPatchSchema, patch);
      });
    }
    for (const sample of field.invalid) {
      it(`${field.name}: refuses ${sample.rule}`, () => {
        const body = JSON.parse(withField(samples.minimal, field.name, sample.json));
        refuses(() => validate(taskSchema, body), field.name);
        const patch = JSON.parse(`{${JSON.stringify(field.name)}:${sample.json}}`);
        refuses(() => validate(taskPatchSchema, patch), field.name);
      });
    }
  }
});
