// Entry point: reads the configuration, migrates the database, serves HTTP until SIGTERM/SIGINT.
import { createApp } from "./app.js";
import { loadConfig } from "./config.js";
import { openDatabase } from "./db/database.js";
import { migrateToLatest } from "./db/migrate.js";
import { clientErrorAnswer } from "./http/client-error.js";
import { createLogger } from "./logger.js";
import { createRepositories } from "./repositories.js";

const config = loadConfig();
const logger = createLogger(config.logLevel);

const client = await openDatabase(config.databaseUrl);
const db = client.db();

const applied = await migrateToLatest(db);
if (applied.length) logger.info({ migrations: applied }, "database migrated");

const app = createApp({
  repositories: createRepositories(db),
  logger,
  corsOrigins: config.corsOrigins,
});
const server = app.listen(config.port, config.host, (err) => {
  if (err) {
    logger.fatal({ err }, "cannot listen");
    process.exit(1);
  }
  logger.info(`listening on http://${config.host}:${config.port}`);
});

// A request Node's HTTP parser cannot finish (a body shorter than its Content-Length, a broken
// request line) never reaches Express: answer it here, in the API's own format.
server.on("clientError", (err, socket) => {
  if (!socket.writable) return socket.destroy();
  socket.end(clientErrorAnswer(err));
});

// Graceful shutdown: stop accepting connections, finish open requests, close the database.
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received, shutting down`);
    setTimeout(() => process.exit(1), 10_000).unref();
    server.close(async () => {
      await client.close();
      logger.info("stopped");
      process.exit(0);
    });
    server.closeIdleConnections();
  });
}
