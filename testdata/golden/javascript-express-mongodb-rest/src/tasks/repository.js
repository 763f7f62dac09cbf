import { ObjectId } from "mongodb";
import { now, toRfc3339 } from "./model.js";

/** Stores tasks in the "tasks" collection of MongoDB. */
export class TaskRepository {
  db;
  collection;

  constructor(db) {
    this.db = db;
    this.collection = db.collection("tasks");
  }

  async create(input) {
    const doc = { _id: new ObjectId(), title: input.title, done: input.done, created_at: now() };
    await this.collection.insertOne(doc);
    return toTask(doc);
  }

  /** Returns undefined when there is no such task (or the id is not an ObjectId). */
  async get(id) {
    const key = parseId(id);
    if (!key) return undefined;
    const doc = await this.collection.findOne({ _id: key });
    return doc ? toTask(doc) : undefined;
  }

  async list(limit, offset) {
    const docs = await this.collection.find().sort({ _id: 1 }).skip(offset).limit(limit).toArray();
    const total = await this.collection.countDocuments();
    return { items: docs.map(toTask), total };
  }

  /** Replaces title and done; returns undefined when there is no such task. */
  async update(id, input) {
    const key = parseId(id);
    if (!key) return undefined;
    const result = await this.collection.updateOne(
      { _id: key },
      { $set: { title: input.title, done: input.done } },
    );
    if (result.matchedCount === 0) return undefined;
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

function toTask(doc) {
  return {
    id: doc._id.toHexString(),
    title: doc.title,
    done: doc.done,
    created_at: toRfc3339(doc.created_at),
  };
}
