// Unit tests of the problem details body and the errors that become one.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConflictError, HttpError, problem, ValidationError } from "../src/http/problem.js";

describe("problem", () => {
  it("is an RFC 9457 body titled by the status, with errors only when given", () => {
    assert.deepEqual(problem(404, "no such thing"), {
      type: "about:blank",
      title: "Not Found",
      status: 404,
      detail: "no such thing",
    });
    assert.equal("errors" in problem(400, "bad"), false);
    const errors = [{ field: "name", message: "is required" }];
    assert.deepEqual(problem(422, "name: is required", errors).errors, errors);
  });

  it("is titled Error for a status without a name", () => {
    assert.equal(problem(599, "odd").title, "Error");
  });
});

describe("the errors of a request", () => {
  it("carry their status and message", () => {
    const err = new HttpError(418, "short and stout");
    assert.equal(err.status, 418);
    assert.equal(err.message, "short and stout");
    const conflict = new ConflictError("taken");
    assert.ok(conflict instanceof HttpError);
    assert.equal(conflict.status, 409);
    assert.equal(conflict.message, "taken");
  });

  it("a ValidationError is a 422 whose message names every field", () => {
    const errors = [
      { field: "name", message: "is required" },
      { field: "age", message: "must be a whole number" },
    ];
    const err = new ValidationError(errors);
    assert.equal(err.status, 422);
    assert.equal(err.message, "name: is required; age: must be a whole number");
    assert.deepEqual(err.errors, errors);
  });
});
