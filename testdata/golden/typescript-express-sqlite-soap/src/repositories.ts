// One repository per resource, all on the same database connection.
import type { Kysely } from "kysely";
import type { Database } from "./db/database.js";
import { TaskRepository } from "./tasks/repository.js";

type Connection = Kysely<Database>;

export interface Repositories {
  tasks: TaskRepository;
}

export function createRepositories(db: Connection): Repositories {
  return {
    tasks: new TaskRepository(db),
  };
}
