// Creates the tasks collection and its index. Never edit a migration that has run
// somewhere: add a new file instead.
export async function up(db) {
  await db.collection("tasks").createIndex({ created_at: 1 });
}
