// Entry point: reads the configuration, migrates the database, serves HTTP until SIGTERM/SIGINT.
import { createApp, listen } from "./app.js";
import { loadConfig } from "./config.js";
import { openDatabase } from "./db/database.js";
import { migrateToLatest } from "./db/migrate.js";
import { createLogger } from "./logger.js";
import { TaskRepository } from "./tasks/repository.js";

const config = loadConfig();
const logger = createLogger(config.logLevel);

const client = await openDatabase(config.databaseUrl);
const db = client.db();

const applied = await migrateToLatest(db);
if (applied.length) logger.info({ migrations: applied }, "database migrated");

const app = await createApp({ tasks: new TaskRepository(db), logger });
const server = await listen(app, config.port, config.host);
logger.info(`listening on http://${config.host}:${server.port}`);

// Graceful shutdown: stop accepting connections, finish open requests, close the database.
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, async () => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received, shutting down`);
    setTimeout(() => process.exit(1), 10_000).unref();
    await server.close();
    await client.close();
    logger.info("stopped");
    process.exit(0);
  });
}
