// Configuration comes from the environment only (see .env.example).
export interface Config {
  /** TCP port the HTTP server listens on. */
  port: number;
  /** Address to listen on: 127.0.0.1 locally, 0.0.0.0 inside a container. */
  host: string;
  /** The browser origins (scheme://host[:port]) allowed to call the API; none: CORS is off. */
  corsOrigins: string[];
  /** Where the data lives: a file path for SQLite, a URL for the other databases. */
  databaseUrl: string;
  /** pino log level: trace, debug, info, warn, error, fatal or silent. */
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? "8080");
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a number between 0 and 65535, got "${env.PORT}"`);
  }
  return {
    port,
    host: env.HOST ?? "127.0.0.1",
    corsOrigins: (env.CORS_ORIGINS ?? "")
      .split(",")
      .map((origin) => origin.trim())
      .filter(Boolean),
    databaseUrl: env.DATABASE_URL ?? "app.db",
    logLevel: env.LOG_LEVEL ?? "info",
  };
}
