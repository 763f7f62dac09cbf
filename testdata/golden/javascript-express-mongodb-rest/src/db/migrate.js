// The migrations of the database, in the order they run, and what runs them.
import * as createTasks from "./migrations/0001_create_tasks.js";

/** Every migration, in order. Add new files to src/db/migrations/ and list them here. */
const migrations = {
  "0001_create_tasks": createTasks,
};

/**
 * Applies the migrations that have not run yet and records them in the "migrations"
 * collection; returns the names of those applied.
 */
export async function migrateToLatest(db) {
  const applied = db.collection("migrations");
  const names = [];
  for (const [name, migration] of Object.entries(migrations)) {
    if (await applied.findOne({ _id: name })) continue;
    await migration.up(db);
    await applied.updateOne({ _id: name }, { $set: { applied_at: new Date() } }, { upsert: true });
    names.push(name);
  }
  return names;
}
