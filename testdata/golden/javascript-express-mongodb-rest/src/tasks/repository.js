import { ObjectId } from "mongodb";
import { isRefusedValue, isUniqueViolation } from "../db/errors.js";
import { ConflictError, ValidationError } from "../http/problem.js";
import { TASK_FIELDS } from "./model.js";

/** A task as stored: a field without a value (null) is left out of the document. */

/** Stores tasks in the "tasks" collection of MongoDB. */
export class TaskRepository {
  db;
  collection;

  constructor(db) {
    this.db = db;
    this.collection = db.collection("tasks");
  }

  async create(fields) {
    const now = new Date();
    const doc = {
      _id: new ObjectId(),
      ...toDocument(fields).set,
      created_at: now,
      updated_at: now,
    };
    await write(() => this.collection.insertOne(doc));
    return toTask(doc);
  }

  /** Returns undefined when there is no such task (or the id is not an ObjectId). */
  async get(id) {
    const key = parseId(id);
    if (!key) return undefined;
    const doc = await this.collection.findOne({ _id: key });
    return doc ? toTask(doc) : undefined;
  }

  async list(query) {
    const filter = { ...query.filters };
    const total = await this.collection.countDocuments(filter);
    if (query.offset >= BigInt(total)) return { items: [], total };
    const sort = {};
    for (const { key, descending } of query.sort) {
      sort[key === "id" ? "_id" : key] = descending ? -1 : 1;
    }
    if (!("_id" in sort)) sort._id = 1; // ties broken by id
    const docs = await this.collection
      .find(filter)
      .sort(sort)
      .skip(Number(query.offset))
      .limit(query.limit)
      .toArray();
    return { items: docs.map(toTask), total };
  }

  /** PUT: replaces every field; returns undefined when there is no such task. */
  async replace(id, fields) {
    return this.change(id, fields, true);
  }

  /** PATCH: changes the fields given; returns undefined when there is no such task. */
  async update(id, changes) {
    return this.change(id, changes, false);
  }

  async change(id, changes, whole) {
    const key = parseId(id);
    const current = key && (await this.collection.findOne({ _id: key }));
    if (!key || !current) return undefined;
    const { set, unset } = toDocument(changes);
    if (whole) {
      for (const name of TASK_FIELDS) if (!(name in set)) unset[name] = "";
    }
    const update = { $set: { ...set, updated_at: later(current.updated_at) }, $unset: unset };
    await write(() => this.collection.updateOne({ _id: key }, update));
    return this.get(id);
  }

  /** Returns false when there was no such task. */
  async delete(id) {
    const key = parseId(id);
    if (!key) return false;
    const result = await this.collection.deleteOne({ _id: key });
    return result.deletedCount > 0;
  }

  /** Throws when the database does not answer (used by GET /healthz). */
  async ping() {
    await this.db.command({ ping: 1 });
  }
}

/** Ids are ObjectIds written as 24 hexadecimal characters; anything else names nothing. */
function parseId(id) {
  return /^[0-9a-f]{24}$/i.test(id) ? new ObjectId(id) : undefined;
}

/** Fields stored as BSON dates (the API speaks RFC 3339 text). */
const DATETIME_FIELDS = new Set([
  // datetime fields
]);

/** A change as MongoDB takes it: the fields to set, and those to remove because they are null. */

function toDocument(changes) {
  const update = { set: {}, unset: {} };
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) update.unset[name] = "";
    else if (value !== undefined) {
      update.set[name] = DATETIME_FIELDS.has(name) ? new Date(value) : value;
    }
  }
  return update;
}

function toTask(doc) {
  return {
    id: doc._id.toHexString(),
    title: doc.title,
    done: doc.done,
    created_at: doc.created_at.toISOString(),
    updated_at: doc.updated_at.toISOString(),
  };
}

/**
 * updated_at for a change: now, but always later than the previous value, so that a client
 * sees a change even when two happen within the same millisecond.
 */
function later(previous) {
  const now = Date.now();
  const before = new Date(previous).getTime();
  return new Date(Math.max(now, before + 1));
}

/** Runs a write; a unique clash becomes a 409, a value the database refuses a 422. */
async function write(action) {
  try {
    return await action();
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new ConflictError("this task clashes with another one");
    }
    if (isRefusedValue(err)) {
      throw new ValidationError([
        { field: "body", message: "the database refused one of the values" },
      ]);
    }
    throw err;
  }
}
