// Unit tests of the SOAP service (src/soap/service) on a temporary SQLite file: every
// operation on tasks, and the fault of every malformed request. test/soap.test covers
// the HTTP endpoint around it.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { openDatabase } from "../src/db/database.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { HttpError } from "../src/http/problem.js";
import { createRepositories, type Repositories } from "../src/repositories.js";
import { faultFor, handleSoap, NAMESPACE, SoapFault, wsdlFor } from "../src/soap/service.js";
import { escapeXml, parseXml, type XmlElement } from "../src/soap/xml.js";
import { loadSamples } from "./samples.js";

const SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";
const samples = loadSamples("tasks");
const dir = mkdtempSync(join(tmpdir(), "demo-soap-"));

/** The operations on tasks, the element of one in an answer, and the fault of a missing one. */
const ops = {
  create: "CreateTask",
  get: "GetTask",
  list: "ListTasks",
  update: "UpdateTask",
  delete: "DeleteTask",
};
const ITEM = "task";
const NOT_FOUND = "task not found";

/** A SOAP 1.1 request holding body. */
function envelope(body: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${SOAP_ENV}" ` +
    `xmlns:t="${NAMESPACE}" xmlns:xsi="${XSI}"><soap:Body>${body}</soap:Body></soap:Envelope>`
  );
}

/** The request of operation op with the elements inner. */
function request(op: string, inner = ""): string {
  return envelope(`<t:${op}>${inner}</t:${op}>`);
}

/** The request elements of a sample (JSON text), as the WSDL spells them. */
function fieldsXml(json: string): string {
  return Object.entries(JSON.parse(json) as Record<string, unknown>)
    .map(([name, value]) =>
      value === null
        ? `<t:${name} xsi:nil="true"/>`
        : `<t:${name}>${escapeXml(String(value))}</t:${name}>`,
    )
    .join("");
}

/** A sample (JSON text) without its unique fields (it has none), so that it can be sent more than once. */
function withoutUnique(json: string): string {
  return json;
}

/** The value of each child of an element: its text, or null for xsi:nil. */
function values(item: XmlElement | undefined): Record<string, string | null> {
  assert.ok(item);
  const value = (c: XmlElement) => (c.attributes.get(`{${XSI}}nil`) === "true" ? null : c.text);
  return Object.fromEntries(item.children.map((c) => [c.name, value(c)]));
}

describe("SOAP service", () => {
  let repositories: Repositories;
  let destroy: () => Promise<void>;

  before(async () => {
    const db = openDatabase(join(dir, "soap.db"));
    await migrateToLatest(db);
    repositories = createRepositories(db);
    destroy = () => db.destroy();
  });

  after(async () => {
    await destroy?.();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The answer's HTTP status and its Body's only element (a response or a fault). */
  async function send(body: string | Buffer) {
    const answer = await handleSoap(Buffer.from(body), repositories);
    const root = parseXml(answer.body);
    assert.equal(root.ns, SOAP_ENV);
    const content = root.children[0]?.children[0];
    assert.ok(content, answer.body);
    return { status: answer.status, content };
  }

  /** The response to a request that must succeed, named after its operation. */
  async function answer(op: string, inner = "") {
    const { status, content } = await send(request(op, inner));
    assert.equal(status, 200);
    assert.equal(content.ns, NAMESPACE);
    assert.equal(content.name, `${op}Response`);
    return content;
  }

  /** Asserts that the answer to body is a fault with this code and message. */
  async function refused(body: string | Buffer, code: string, message: string) {
    const { status, content } = await send(body);
    assert.equal(status, 500);
    assert.equal(content.name, "Fault");
    const text = (name: string) => content.children.find((c) => c.name === name)?.text;
    assert.deepEqual([text("faultcode"), text("faultstring")], [`soap:${code}`, message]);
  }

  it("creates, gets, lists, updates and deletes", async () => {
    const created = await answer(ops.create, fieldsXml(samples.example));
    assert.equal(created.children[0]?.name, ITEM);
    const item = values(created.children[0]);
    const names = samples.fields.map((f) => f.name);
    assert.deepEqual(Object.keys(item), ["id", ...names, "created_at", "updated_at"]);
    const sent = JSON.parse(samples.example) as Record<string, unknown>;
    for (const [name, value] of Object.entries(sent)) {
      const got = item[name] ?? null;
      const same =
        value === null
          ? got === null
          : got === String(value) || Date.parse(got ?? "") === Date.parse(String(value));
      assert.ok(same, `${name}: sent ${JSON.stringify(value)}, got ${JSON.stringify(got)}`);
    }
    const id = `<t:id>${item.id}</t:id>`;

    const got = await answer(ops.get, `<t:id> ${item.id} </t:id>`);
    assert.deepEqual(values(got.children[0]), item);

    const list = await answer(ops.list, "<t:limit>100</t:limit>");
    assert.equal(values(list).total, String(list.children.length - 1));
    assert.ok(list.children.some((c) => c.name === ITEM && values(c).id === item.id));

    const replaced = await answer(ops.update, id + fieldsXml(samples.example2));
    const updated = values(replaced.children[0]);
    assert.equal(updated.id, item.id);
    assert.equal(updated.created_at, item.created_at);
    assert.notEqual(updated.updated_at, item.updated_at);

    assert.deepEqual((await answer(ops.delete, id)).children, []);
    await refused(request(ops.get, id), "Client", NOT_FOUND);
    await refused(request(ops.delete, id), "Client", NOT_FOUND);
    await refused(request(ops.update, id + fieldsXml(samples.example2)), "Client", NOT_FOUND);
    await refused(request(ops.get), "Client", "id is required");
    await refused(request(ops.get, `<t:id xsi:nil="1"/>`), "Client", "id is required");
  });

  it("pages a list with limit and offset, between their bounds", async () => {
    const minimal = fieldsXml(withoutUnique(samples.minimal));
    for (let i = 0; i < 3; i++) await answer(ops.create, minimal);
    const page = async (inner: string) =>
      (await answer(ops.list, inner)).children
        .filter((c) => c.name === ITEM)
        .map((c) => values(c).id);
    const all = await page("");
    assert.ok(all.length >= 3);
    assert.deepEqual(await page(`<t:limit xsi:nil="true"/>`), all);
    assert.deepEqual(await page("<t:limit>1</t:limit>"), all.slice(0, 1));
    assert.deepEqual(await page("<t:limit> +2 </t:limit><t:offset>1</t:offset>"), all.slice(1, 3));
    assert.deepEqual(await page("<t:offset>9223372036854775807</t:offset>"), []);
    assert.deepEqual(await page("<t:limit>100</t:limit>"), all);
    const limit = "limit must be a whole number between 1 and 100";
    for (const bad of ["0", "101", "-1", "1.5", "x", "12345678901234567890"]) {
      await refused(request(ops.list, `<t:limit>${bad}</t:limit>`), "Client", limit);
    }
    const offset = "offset must be a whole number between 0 and 9223372036854775807";
    const far = "<t:offset>9223372036854775808</t:offset>";
    await refused(request(ops.list, far), "Client", offset);
  });

  it("refuses unknown, repeated and invalid elements with a Client fault", async () => {
    const minimal = fieldsXml(samples.minimal);
    const create = (more: string) => request(ops.create, minimal + more);
    const unknown = `${ops.create} has no element no_such_field`;
    await refused(create("<t:no_such_field/>"), "Client", unknown);
    const first = samples.fields[0]!.name;
    const foreign = `<x:${first} xmlns:x="urn:x"/>`;
    await refused(create(foreign), "Client", `${ops.create} has no element ${first}`);
    const twice = `<t:${first}>a</t:${first}>`;
    await refused(create(twice), "Client", `${first} is given more than once`);
    for (const field of samples.fields.filter((f) => f.required && !f.nullable)) {
      const nil = JSON.stringify({ ...JSON.parse(samples.minimal), [field.name]: null });
      const message = `${field.name}: must not be null`;
      await refused(request(ops.create, fieldsXml(nil)), "Client", message);
    }
    await refused(request(`${ops.create}Now`), "Client", `unknown operation ${ops.create}Now`);
    const other = envelope(`<x:${ops.list} xmlns:x="urn:x"/>`);
    await refused(other, "Client", `unknown operation {urn:x}${ops.list}`);
  });

  it("refuses what is not one SOAP 1.1 operation in UTF-8", async () => {
    const list = request(ops.list);
    const v12 = list.replace(SOAP_ENV, "http://www.w3.org/2003/05/soap-envelope");
    await refused(v12, "VersionMismatch", "this endpoint speaks SOAP 1.1 only");
    const notSoap = "the request is not a SOAP 1.1 envelope";
    await refused(list.replace(SOAP_ENV, "urn:x"), "VersionMismatch", notSoap);
    await refused("<Envelope/>", "VersionMismatch", notSoap);
    await refused(`<soap:Body xmlns:soap="${SOAP_ENV}"/>`, "VersionMismatch", notSoap);

    const op = `<t:${ops.list}/>`;
    const bare = (inner: string) =>
      `<soap:Envelope xmlns:soap="${SOAP_ENV}" xmlns:t="${NAMESPACE}">${inner}</soap:Envelope>`;
    const header = (must: string) =>
      bare(
        `<soap:Header><h xmlns="urn:x" soap:mustUnderstand="${must}"/></soap:Header>` +
          `<soap:Body>${op}</soap:Body>`,
      );
    for (const must of ["1", "true"]) {
      await refused(header(must), "MustUnderstand", "header h is not understood");
    }
    assert.equal((await send(header("0"))).status, 200);
    await refused(bare(""), "Client", "the envelope must have one Body");
    const two = `<soap:Body>${op}</soap:Body><soap:Body>${op}</soap:Body>`;
    await refused(bare(two), "Client", "the envelope must have one Body");
    await refused(envelope(""), "Client", "the SOAP Body is empty");
    await refused(envelope(op + op), "Client", "the SOAP Body must hold one operation");

    const latin1 = list.replace("UTF-8", "ISO-8859-1");
    await refused(latin1, "Client", "the request must be encoded as UTF-8, not ISO-8859-1");
    for (const name of ["utf8", "utf-8"]) {
      assert.equal((await send(list.replace(`"UTF-8"`, `'${name}'`))).status, 200);
    }
    const [start, end] = [Buffer.from(list.slice(0, 60)), Buffer.from(list.slice(60))];
    const broken = Buffer.concat([start, Buffer.from([0xc3, 0x28]), end]);
    await refused(broken, "Client", "the request is not valid UTF-8");
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(list)]);
    assert.equal((await send(bom)).status, 200);
    const padded = (size: number) => envelope(" ".repeat(size - envelope(op).length) + op);
    assert.equal((await send(padded(1024 * 1024))).status, 200);
    await refused(padded(1024 * 1024 + 1), "Client", "the request is larger than 1 MiB");
  });

  it("answers an error of the server with a Server fault that hides it", () => {
    const body = (err: unknown) => {
      const { status, body } = faultFor(err);
      assert.equal(status, 500);
      return body;
    };
    const internal = /<faultcode>soap:Server<\/faultcode><faultstring>internal error</;
    assert.match(body(new Error("disk full")), internal);
    assert.match(body(new HttpError(503, "down")), internal);
    const client = /<faultcode>soap:Client<\/faultcode><faultstring>taken &amp; gone</;
    assert.match(body(new HttpError(409, "taken & gone")), client);
    assert.match(body(new SoapFault("Client", "bad")), /<faultstring>bad</);
  });

  it("serves the WSDL with the address it is asked for", () => {
    const wsdl = wsdlFor("http://example.com:8080/soap?a&b");
    assert.match(wsdl, /<soap:address\s+location="http:\/\/example\.com:8080\/soap\?a&amp;b"/);
    assert.ok(wsdl.includes(`targetNamespace="${NAMESPACE}"`));
    assert.ok(NAMESPACE.length > 0);
  });
});
