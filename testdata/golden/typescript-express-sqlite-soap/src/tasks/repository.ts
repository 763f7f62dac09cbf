import { sql, type Kysely } from "kysely";
import type { Database } from "../db/database.js";
import { now, toRfc3339, type Task, type TaskInput, type TaskPage } from "./model.js";

/** Stores tasks in the SQLite database through Kysely's type-safe query builder. */
export class TaskRepository {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  async create(input: TaskInput): Promise<Task> {
    const { id } = await this.db
      .insertInto("tasks")
      .values({ title: input.title, done: input.done, created_at: toRfc3339(now()) })
      .returning("id")
      .executeTakeFirstOrThrow();
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

  async list(limit: number, offset: number): Promise<TaskPage> {
    const rows = await this.db
      .selectFrom("tasks")
      .selectAll()
      .orderBy("id")
      .limit(limit)
      .offset(offset)
      .execute();
    const { total } = await this.db
      .selectFrom("tasks")
      .select((eb) => eb.fn.countAll<number | string>().as("total"))
      .executeTakeFirstOrThrow();
    return { items: rows.map(toTask), total: Number(total) };
  }

  /** Replaces title and done; returns undefined when there is no such task. */
  async update(id: string, input: TaskInput): Promise<Task | undefined> {
    const key = parseId(id);
    if (key === undefined) return undefined;
    await this.db
      .updateTable("tasks")
      .set({ title: input.title, done: input.done })
      .where("id", "=", key)
      .execute();
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

function toTask(row: {
  id: number;
  title: string;
  done: boolean | number;
  created_at: string | Date;
}): Task {
  return {
    id: Number(row.id),
    title: row.title,
    done: Boolean(row.done),
    created_at: toRfc3339(row.created_at),
  };
}
