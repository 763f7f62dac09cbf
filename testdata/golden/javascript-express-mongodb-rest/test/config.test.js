// Unit tests of the configuration read from the environment.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadConfig } from "../src/config.js";

describe("loadConfig", () => {
  it("has a default for every setting", () => {
    assert.deepEqual(loadConfig({}), {
      port: 8080,
      host: "127.0.0.1",
      corsOrigins: [],
      databaseUrl: "app.db",
      logLevel: "info",
    });
  });

  it("takes every setting from the environment", () => {
    const env = {
      PORT: "3000",
      HOST: "0.0.0.0",
      CORS_ORIGINS: "http://localhost:5173, ,https://app.example.com",
      DATABASE_URL: "data/x.db",
      LOG_LEVEL: "debug",
    };
    assert.deepEqual(loadConfig(env), {
      port: 3000,
      host: "0.0.0.0",
      corsOrigins: ["http://localhost:5173", "https://app.example.com"],
      databaseUrl: "data/x.db",
      logLevel: "debug",
    });
  });

  for (const port of ["0", "65535"]) {
    it(`takes PORT=${port}, the edge of the range`, () => {
      assert.equal(loadConfig({ PORT: port }).port, Number(port));
    });
  }

  for (const port of ["-1", "65536", "80.5", "http"]) {
    it(`refuses PORT=${JSON.stringify(port)}, naming the variable and the value`, () => {
      assert.throws(() => loadConfig({ PORT: port }), {
        message: `PORT must be a number between 0 and 65535, got "${port}"`,
      });
    });
  }
});
