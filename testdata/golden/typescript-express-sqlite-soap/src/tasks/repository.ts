import type { Kysely, Selectable, Updateable } from "kysely";
import { sql } from "kysely";
import type { TaskTable, Database } from "../db/database.js";
import { isRefusedValue, isUniqueViolation } from "../db/errors.js";
import { ConflictError, ValidationError } from "../http/problem.js";
import type { Task, TaskChanges, TaskFields, TaskPage, TaskQuery } from "./model.js";

type Row = Selectable<TaskTable>;
type Columns = Updateable<TaskTable>;

/** Stores tasks in the SQLite database through Kysely's type-safe query builder. */
export class TaskRepository {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  async create(fields: TaskFields): Promise<Task> {
    const now = timestamp(new Date());
    const values = { ...toColumns(fields), created_at: now, updated_at: now } as Required<Columns>;
    const insert = this.db.insertInto("tasks").values(values).returning("id");
    const { id } = await write(() => insert.executeTakeFirstOrThrow());
    const created = await this.get(String(id));
    if (!created) throw new Error("the new task could not be read back");
    return created;
  }

  /** Returns undefined when there is no such task (or the id is not a valid id). */
  async get(id: string): Promise<Task | undefined> {
    const key = parseId(id);
    if (key === undefined) return undefined;
    const row = await this.db
      .selectFrom("tasks")
      .selectAll()
      .where("id", "=", key)
      .executeTakeFirst();
    return row && toTask(row);
  }

  async list(query: TaskQuery): Promise<TaskPage> {
    let filtered = this.db.selectFrom("tasks");
    for (const [name, value] of Object.entries(query.filters)) {
      const column = name as keyof TaskFields;
      filtered = filtered.where(column, "=", toColumn(column, value) as never);
    }
    const { total } = await filtered
      .select((eb) => eb.fn.countAll<number>().as("total"))
      .executeTakeFirstOrThrow();
    if (query.offset >= BigInt(total)) return { items: [], total: Number(total) };
    let page = filtered.selectAll();
    for (const { key, descending } of query.sort) {
      page = page.orderBy(key, descending ? "desc" : "asc");
    }
    if (!query.sort.some((s) => s.key === "id")) page = page.orderBy("id"); // ties broken by id
    const rows = await page.limit(query.limit).offset(Number(query.offset)).execute();
    return { items: rows.map(toTask), total: Number(total) };
  }

  /** PUT: replaces every field; returns undefined when there is no such task. */
  async replace(id: string, fields: TaskFields): Promise<Task | undefined> {
    return this.change(id, fields);
  }

  /** PATCH: changes the fields given; returns undefined when there is no such task. */
  async update(id: string, changes: TaskChanges): Promise<Task | undefined> {
    return this.change(id, changes);
  }

  private async change(id: string, changes: TaskChanges): Promise<Task | undefined> {
    const current = await this.get(id);
    if (!current) return undefined;
    const updatedAt = timestamp(later(current.updated_at));
    await write(() =>
      this.db
        .updateTable("tasks")
        .set({ ...toColumns(changes), updated_at: updatedAt })
        .where("id", "=", current.id)
        .execute(),
    );
    return this.get(id);
  }

  /** Returns false when there was no such task. */
  async delete(id: string): Promise<boolean> {
    const key = parseId(id);
    if (key === undefined) return false;
    const result = await this.db.deleteFrom("tasks").where("id", "=", key).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Throws when the database does not answer (used by GET /healthz). */
  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }
}

/** Ids are positive integers; anything else cannot name a task. */
function parseId(id: string): number | undefined {
  return /^[1-9]\d{0,9}$/.test(id) && Number(id) <= 2147483647 ? Number(id) : undefined;
}

/** The columns of the fields present in changes. */
function toColumns(changes: TaskChanges): Columns {
  const columns: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(changes)) {
    if (value !== undefined) columns[name] = toColumn(name as keyof TaskFields, value);
  }
  return columns as Columns;
}

/** A field's value as the driver writes it. */
function toColumn(name: keyof TaskFields, value: unknown): unknown {
  if (value === null) return null;
  switch (name) {
    case "done":
      return value ? 1 : 0;
    default:
      return value;
  }
}

function toTask(row: Row): Task {
  return {
    id: Number(row.id),
    title: row.title,
    done: Boolean(row.done),
    created_at: toRfc3339(row.created_at),
    updated_at: toRfc3339(row.updated_at),
  };
}

/** A time as SQLite stores it: RFC 3339 text in UTC, which sorts in time order. */
function timestamp(time: Date): string {
  return time.toISOString();
}

/** A time read back: a Date, or text in UTC (2024-05-31 14:30:00.000000 or RFC 3339). */
function toRfc3339(value: Date | string): string {
  if (value instanceof Date) return value.toISOString();
  const zoned = /(Z|[+-]\d\d:?\d\d)$/i.test(value) ? value : `${value.replace(" ", "T")}Z`;
  return new Date(zoned).toISOString();
}

/**
 * updated_at for a change: now, but always later than the previous value, so that a client
 * sees a change even when two happen within the same millisecond.
 */
function later(previous: Date | string): Date {
  const now = Date.now();
  const before = new Date(previous).getTime();
  return new Date(Math.max(now, before + 1));
}

/** Runs a write; a unique clash becomes a 409, a value the database refuses a 422. */
async function write<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new ConflictError("this task clashes with another one");
    }
    if (isRefusedValue(err)) {
      throw new ValidationError([
        { field: "body", message: "the database refused one of the values" },
      ]);
    }
    throw err;
  }
}
