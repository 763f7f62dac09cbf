// Unit tests of the task repository on a temporary SQLite file: ids, paging, sorting,
// filtering, timestamps and what becomes of the database's errors.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { sql } from "kysely";
import { openDatabase } from "../src/db/database.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { HttpError, ValidationError } from "../src/http/problem.js";
import { parseListQuery } from "../src/http/query.js";
import { createRepositories, type Repositories } from "../src/repositories.js";
import { validate } from "../src/validation.js";
import { TASK_FILTERS, TASK_LIST_RULES } from "../src/tasks/model.js";
import { taskSchema } from "../src/tasks/schema.js";
import { loadSamples } from "./samples.js";

const samples = loadSamples("tasks");
const TABLE = "tasks";
const RULES = TASK_LIST_RULES;
const FILTERS: Record<string, unknown> = TASK_FILTERS;
const dir = mkdtempSync(join(tmpdir(), "demo-repo-"));

/** A sample (JSON text) as checked fields, without its unique fields (it has none). */
function fields(json: string) {
  const values = JSON.parse(json) as Record<string, unknown>;
  return validate(taskSchema, values);
}

describe("task repository", () => {
  const db = openDatabase(join(dir, "repository.db"));
  let repo: Repositories["tasks"];

  before(async () => {
    await migrateToLatest(db);
    repo = createRepositories(db).tasks;
  });

  after(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Every task of a list query given as its query string parameters, as plain objects. */
  async function list(params: Record<string, string>): Promise<Record<string, unknown>[]> {
    const { items, total } = await repo.list(parseListQuery({ limit: "100", ...params }, RULES));
    assert.equal(items.length, total);
    return items as unknown as Record<string, unknown>[];
  }

  it("reads a task by its id, and no other text", async () => {
    const created = await repo.create(fields(samples.example));
    assert.deepEqual(await repo.get(String(created.id)), created);
    const id = String(created.id);
    for (const other of ["0", `0${id}`, ` ${id}`, `${id} `, `${id}.0`, "2147483648", "x"]) {
      assert.equal(await repo.get(other), undefined, JSON.stringify(other));
      assert.equal(await repo.delete(other), false, JSON.stringify(other));
    }
    // The largest id there is, 2^31 - 1, has ten digits.
    await sql`update ${sql.table(TABLE)} set id = 2147483647 where id = ${created.id}`.execute(db);
    assert.equal((await repo.get("2147483647"))?.id, 2147483647);
    assert.equal(await repo.delete("2147483647"), true);
    assert.equal(await repo.delete("2147483647"), false);
    assert.equal(await repo.get("2147483647"), undefined);
  });

  it("pages, sorts and filters, ties broken by id", async () => {
    const made = [];
    for (const json of [samples.example, samples.example2, samples.example, samples.example2]) {
      made.push(await repo.create(fields(json)));
    }
    const ids = made.map((item) => item.id);
    const all = await list({ sort: "id" });
    const idsOf = (items: Record<string, unknown>[]) => items.map((item) => Number(item.id));
    const ascending = [...idsOf(all)].sort((a, b) => a - b);
    assert.deepEqual(idsOf(all), ascending);
    assert.deepEqual(idsOf(await list({ sort: "-id" })), [...ascending].reverse());
    assert.deepEqual(idsOf(await list({})), ascending);
    const page = await repo.list(parseListQuery({ sort: "id", limit: "2", offset: "1" }, RULES));
    assert.deepEqual(page.items, all.slice(1, 3));
    assert.equal(page.total, all.length);
    const past = await repo.list(parseListQuery({ offset: String(all.length) }, RULES));
    assert.deepEqual(past, { items: [], total: all.length });

    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    for (const key of RULES.sortKeys) {
      const up = await list({ sort: key });
      const down = await list({ sort: `-${key}` });
      for (const items of [up, down]) {
        for (let i = 1; i < items.length; i++) {
          const [a, b] = [items[i - 1]!, items[i]!];
          if (same(a[key], b[key])) assert.ok(Number(a.id) < Number(b.id), key);
        }
      }
      const [first, last] = [up[0]![key], up.at(-1)![key]];
      if (!same(first, last)) assert.ok(same(down[0]![key], last), `-${key}`);
    }

    const example = made[0] as unknown as Record<string, unknown>;
    for (const name of Object.keys(FILTERS)) {
      const value = example[name];
      if (value === null) continue;
      const items = await list({ [name]: String(value) });
      const match = items.some((item) => item.id === example.id);
      assert.ok(match, `${name}= misses a match`);
      for (const item of items) assert.ok(same(item[name], value), `${name}= lets others in`);
    }
    for (const id of ids) assert.equal(await repo.delete(String(id)), true);
  });

  it("moves updated_at forward on every change, even within one millisecond", async (t) => {
    t.mock.timers.enable({ apis: ["Date"], now: Date.UTC(2024, 4, 31, 14, 30) });
    const created = await repo.create(fields(samples.example));
    assert.equal(created.created_at, "2024-05-31T14:30:00.000Z");
    assert.equal(created.updated_at, created.created_at);
    const id = String(created.id);
    const replaced = await repo.replace(id, fields(samples.example2));
    assert.equal(replaced?.updated_at, "2024-05-31T14:30:00.001Z");
    const updated = await repo.update(id, {});
    assert.equal(updated?.updated_at, "2024-05-31T14:30:00.002Z");
    assert.equal(updated?.created_at, created.created_at);
    assert.equal(await repo.update("0", {}), undefined);
    assert.equal(await repo.replace("0", fields(samples.example)), undefined);
  });

  it("reads timestamps written without a zone or with an offset as UTC", async () => {
    const created = await repo.create(fields(samples.example));
    const read = async (text: string) => {
      const at = sql`update ${sql.table(TABLE)} set created_at = ${text} where id = ${created.id}`;
      await at.execute(db);
      return (await repo.get(String(created.id)))?.created_at;
    };
    assert.equal(await read("2024-05-31 14:30:00"), "2024-05-31T14:30:00.000Z");
    assert.equal(await read("2024-05-31T16:30:00+02:00"), "2024-05-31T14:30:00.000Z");
    assert.equal(await read("2024-05-31T12:30:00-0200"), "2024-05-31T14:30:00.000Z");
    assert.equal(await read("2024-05-31T14:30:00z"), "2024-05-31T14:30:00.000Z");
  });

  it("answers a value the database refuses with a 422, and other errors as they are", async () => {
    const first = samples.fields.find((f) => f.required && !f.nullable)!.name;
    const broken = { ...fields(samples.example), [first]: null } as never;
    await assert.rejects(repo.create(broken), (err) => {
      assert.ok(err instanceof ValidationError);
      assert.deepEqual(err.errors, [
        { field: "body", message: "the database refused one of the values" },
      ]);
      return true;
    });
    const empty = openDatabase(join(dir, "empty.db"));
    try {
      const other = createRepositories(empty).tasks;
      await assert.rejects(other.create(fields(samples.example)), (err) => {
        assert.ok(err instanceof Error && !(err instanceof HttpError), String(err));
        return true;
      });
      await other.ping();
    } finally {
      await empty.destroy();
    }
    const closed = createRepositories(empty).tasks;
    await assert.rejects(closed.ping());
  });
});
