// Configuration comes from the environment only (see .env.example).

export function loadConfig(env = process.env) {
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
