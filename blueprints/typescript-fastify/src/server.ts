// Entry point: reads the configuration, builds the application (which migrates the database)
// and serves HTTP until SIGTERM/SIGINT.
import { buildApp } from "./app.js";
import { loadConfig } from "./config.js";
import { createLogger } from "./logger.js";

const config = loadConfig();
const logger = createLogger(config.logLevel);

const app = await buildApp({
  databaseUrl: config.databaseUrl,
  logger,
  corsOrigins: config.corsOrigins,
});
try {
  await app.listen({ port: config.port, host: config.host });
} catch (err) {
  logger.fatal({ err }, "cannot listen");
  process.exit(1);
}

// Graceful shutdown: stop accepting connections, finish open requests, close the database.
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received, shutting down`);
    setTimeout(() => process.exit(1), 10_000).unref();
    app.close().then(
      () => {
        logger.info("stopped");
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  });
}
