// One repository per resource, all on the same database connection.
import { TaskRepository } from "./tasks/repository.js";

export function createRepositories(db) {
  return {
    tasks: new TaskRepository(db),
  };
}
