// Creates the tasks collection.
// Never edit a migration that has run somewhere: add a new file instead.
export async function up(db) {
  await db.createCollection("tasks");
}
