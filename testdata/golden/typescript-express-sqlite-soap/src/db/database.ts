import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { Kysely, SqliteDialect, type Generated, type SqliteDatabase } from "kysely";
import sqlite from "node-sqlite3-wasm";

/** The tasks table, as Kysely sees it (values as the driver reads them). */
export interface TaskTable {
  id: Generated<number>;
  title: string;
  done: boolean | number;
  created_at: string;
  updated_at: string;
}

/** Every table of the database. */
export interface Database {
  tasks: TaskTable;
}

/**
 * Opens the SQLite database file named by DATABASE_URL (e.g. app.db).
 * SQLite runs inside Node.js as WebAssembly (node-sqlite3-wasm): nothing to compile or download.
 */
export function openDatabase(url: string): Kysely<Database> {
  const file = url.replace(/^(sqlite|file):(\/\/)?/, "");
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: async () => wasmDatabase(file) }),
  });
}

/** Adapts node-sqlite3-wasm to the small interface Kysely's SQLite dialect expects. */
function wasmDatabase(file: string): SqliteDatabase {
  const db = new sqlite.Database(file);
  db.exec("PRAGMA foreign_keys = ON");
  return {
    close: () => db.close(),
    prepare: (sql) => {
      const reader =
        /^\s*(select|with|pragma|values|explain)\b/i.test(sql) || /\breturning\b/i.test(sql);
      const values = (parameters: ReadonlyArray<unknown>) => parameters as never;
      return {
        reader,
        all: (parameters) => db.all(sql, values(parameters)),
        run: (parameters) => db.run(sql, values(parameters)),
        iterate: (parameters) => db.all(sql, values(parameters))[Symbol.iterator](),
      };
    },
  };
}
