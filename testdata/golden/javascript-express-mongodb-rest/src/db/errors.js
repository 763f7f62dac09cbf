// What a database error means for the client: a unique value already taken (409) or a value
// the database refuses (422). Anything else is the server's problem and is logged.
import { MongoServerError } from "mongodb";

export function isUniqueViolation(err) {
  return err instanceof MongoServerError && err.code === 11000;
}

export function isRefusedValue(err) {
  // 121: document failed validation; 2: bad value.
  return err instanceof MongoServerError && (err.code === 121 || err.code === 2);
}
