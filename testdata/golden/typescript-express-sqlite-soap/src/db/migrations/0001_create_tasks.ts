import { sql, type Kysely } from "kysely";

// Creates the tasks table. Never edit a migration that has run somewhere: add a new file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE tasks (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      title TEXT NOT NULL CHECK (length(title) <= 200 AND length(title) >= 1),
      done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("tasks").execute();
}
