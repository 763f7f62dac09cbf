import { sql, type Kysely } from "kysely";

// Creates the tasks table. Never edit a migration that has run somewhere: add a new file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("tasks")
    .addColumn("id", "integer", (col) => col.primaryKey().autoIncrement())
    .addColumn("title", "varchar(200)", (col) => col.notNull())
    .addColumn("done", "boolean", (col) => col.notNull().defaultTo(false))
    .addColumn("created_at", "text", (col) =>
      col.notNull().defaultTo(sql`(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))`),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("tasks").execute();
}
