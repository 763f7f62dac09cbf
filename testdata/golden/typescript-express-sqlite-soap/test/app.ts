// The application on the real database named by DATABASE_URL, for the integration tests
// (a temporary SQLite file when DATABASE_URL is not set).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Express } from "express";
import { createApp } from "../src/app.js";
import { openDatabase } from "../src/db/database.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { createLogger } from "../src/logger.js";
import { createRepositories, type Repositories } from "../src/repositories.js";

const tempPrefix = "demo-test-";
const tempDir = mkdtempSync(join(tmpdir(), tempPrefix));
const databaseUrl = process.env.DATABASE_URL || join(tempDir, "test.db");

/** Why the integration tests cannot run, or false. */
export const skip = false;

export interface TestApp {
  app: Express;
  repositories: Repositories;
  close(): Promise<void>;
}

/** Migrates the test database and builds the application on it (it does not listen), with CORS
 * for the given origins (none: CORS off, the default). */
export async function startApp(corsOrigins: string[] = []): Promise<TestApp> {
  const db = openDatabase(databaseUrl);
  await migrateToLatest(db);
  const repositories = createRepositories(db);
  const app = createApp({ repositories, logger: createLogger("silent"), corsOrigins });
  return {
    app,
    repositories,
    close: async () => {
      await db.destroy();
      rmSync(tempDir, { recursive: true, force: true });
    },
  };
}
