import { Migrator, type Kysely, type Migration } from "kysely";
import * as createTasks from "./migrations/0001_create_tasks.js";

/** Every migration, in order. Add new files to src/db/migrations/ and list them here. */
const migrations: Record<string, Migration> = {
  "0001_create_tasks": createTasks,
};

/** Applies the migrations that have not run yet (Kysely's Migrator); returns their names. */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) throw error;
  return results.filter((r) => r.status === "Success").map((r) => r.migrationName);
}
