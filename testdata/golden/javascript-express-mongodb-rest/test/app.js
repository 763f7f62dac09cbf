// The application on the real database named by DATABASE_URL, for the integration tests
// (skipped with a message when DATABASE_URL is not set, except on CI where that is an error).

import { createApp } from "../src/app.js";
import { openDatabase } from "../src/db/database.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { createLogger } from "../src/logger.js";
import { createRepositories } from "../src/repositories.js";

const databaseUrl = process.env.DATABASE_URL ?? "";
if (!databaseUrl && process.env.CI) {
  throw new Error("DATABASE_URL must be set on CI: the integration tests need MongoDB");
}

/** Why the integration tests cannot run, or false. */
export const skip = databaseUrl
  ? false
  : "set DATABASE_URL (e.g. mongodb://localhost:27017/app) to run the integration tests against MongoDB";

/** Migrates the test database and builds the application on it (it does not listen), with CORS
 * for the given origins (none: CORS off, the default). */
export async function startApp(corsOrigins = []) {
  const client = await openDatabase(databaseUrl);
  const db = client.db();
  await migrateToLatest(db);
  const repositories = createRepositories(db);
  const app = createApp({ repositories, logger: createLogger("silent"), corsOrigins });
  return {
    app,
    repositories,
    close: async () => {
      await client.close();
    },
  };
}
