// The logger logs at the level it is given, info by default.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createLogger } from "../src/logger.js";

describe("createLogger", () => {
  it("logs at info unless told otherwise", () => {
    assert.equal(createLogger().level, "info");
    const quiet = createLogger("warn");
    assert.equal(quiet.level, "warn");
    assert.equal(quiet.isLevelEnabled("info"), false);
    assert.equal(quiet.isLevelEnabled("error"), true);
  });
});
