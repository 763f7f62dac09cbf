// The SQLite database: where DATABASE_URL puts the file, the migrations, and what its errors
// mean for a client.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { sql, type Kysely } from "kysely";
import { openDatabase } from "../src/db/database.js";
import { isRefusedValue, isUniqueViolation } from "../src/db/errors.js";
import { migrateToLatest } from "../src/db/migrate.js";
import * as createTasks from "../src/db/migrations/0001_create_tasks.js";

const dir = mkdtempSync(join(tmpdir(), "demo-db-"));

describe("the SQLite database", () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const prefix of ["sqlite://", "file:", ""]) {
    it(`opens ${prefix || "a plain path"}<file>, creating its folder`, async () => {
      const file = join(dir, `${prefix.replace(/\W/g, "") || "plain"}`, "nested", "app.db");
      const db = openDatabase(`${prefix}${file}`);
      try {
        const rows = await sql<{ one: number }>`  select 1 as one`.execute(db);
        assert.deepEqual(rows.rows, [{ one: 1 }]);
        assert.ok(existsSync(file), `${file} was not created`);
      } finally {
        await db.destroy();
      }
    });
  }

  it("migrates once, and a migration's down undoes its up", async () => {
    const db = openDatabase(join(dir, "migrated.db"));
    try {
      assert.deepEqual(await migrateToLatest(db), ["0001_create_tasks"]);
      assert.deepEqual(await migrateToLatest(db), []);
      const tables = async () => {
        const { rows } = await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table'`.execute(db);
        return rows.map((row) => row.name);
      };
      assert.ok((await tables()).includes("tasks"));
      await createTasks.down(db as Kysely<unknown>);
      assert.equal((await tables()).includes("tasks"), false);
    } finally {
      await db.destroy();
    }
  });

  it("tells a clash and a refused value from other errors", () => {
    assert.equal(isUniqueViolation(new Error("UNIQUE constraint failed: things.name")), true);
    assert.equal(isUniqueViolation(new Error("CHECK constraint failed: name")), false);
    assert.equal(isUniqueViolation("UNIQUE constraint failed: things.name"), false);
    for (const message of [
      "CHECK constraint failed: x",
      "NOT NULL constraint failed: things.x",
      "datatype mismatch",
    ]) {
      assert.equal(isRefusedValue(new Error(message)), true, message);
    }
    assert.equal(isRefusedValue(new Error("UNIQUE constraint failed: things.name")), false);
    assert.equal(isRefusedValue(new Error("database is locked")), false);
    assert.equal(isRefusedValue({ message: "datatype mismatch" }), false);
  });
});
