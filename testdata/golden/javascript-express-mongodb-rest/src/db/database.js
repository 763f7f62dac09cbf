import { MongoClient } from "mongodb";

/**
 * Connects to the MongoDB server named by DATABASE_URL (mongodb://host:27017/dbname).
 * The database is the one in the URL; call client.db() to use it.
 */
export async function openDatabase(url) {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 5000 });
  await client.connect();
  return client;
}
