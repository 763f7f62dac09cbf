// The SOAP 1.1 endpoint (document/literal wrapped) described by api/service.wsdl. The
// operation is chosen by the Body's child element, not by the SOAPAction header. Values are
// checked with the same zod schemas as the rest of the application.
import { readFileSync } from "node:fs";
import { HttpError } from "../http/problem.js";
import { DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET } from "../http/query.js";
import type { Repositories } from "../repositories.js";
import { validate } from "../validation.js";
import type { Task } from "../tasks/model.js";
import { taskSchema } from "../tasks/schema.js";
import { escapeXml, parseXml, XmlError, type XmlElement } from "./xml.js";

const SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
const SOAP12_ENV = "http://www.w3.org/2003/05/soap-envelope";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

export const SOAP_CONTENT_TYPE = "text/xml; charset=utf-8";

/** The largest request the endpoint reads: 1 MiB. */
export const SOAP_MAX_BYTES = 1024 * 1024;

const WSDL = readFileSync(new URL("../../api/service.wsdl", import.meta.url), "utf8");

/** The target namespace of api/service.wsdl: every element of a message lives in it. */
export const NAMESPACE = targetNamespace(WSDL);

function targetNamespace(wsdl: string): string {
  const found = /targetNamespace="([^"]+)"/.exec(wsdl)?.[1];
  if (!found) throw new Error("api/service.wsdl declares no targetNamespace");
  return found;
}

/**
 * api/service.wsdl with its soap:address set to `endpoint`, the /soap URL the request came
 * in on, so that a client generated from the WSDL calls this service wherever it runs
 * (not the localhost address written in the file).
 */
export function wsdlFor(endpoint: string): string {
  return WSDL.replace(
    /(<soap:address\s+location=")[^"]*(")/,
    (_match, open: string, close: string) => open + escapeXml(endpoint) + close,
  );
}

export interface SoapResponse {
  status: number;
  body: string;
}

type FaultCode = "Client" | "Server" | "VersionMismatch" | "MustUnderstand";

/** A fault to answer: the request was wrong (Client) or could not be processed. */
export class SoapFault extends Error {
  readonly code: FaultCode;

  constructor(code: FaultCode, message: string) {
    super(message);
    this.code = code;
  }
}

/**
 * Handles one SOAP 1.1 request, given as the bytes received. Every answer is an envelope;
 * faults come with HTTP 500, as SOAP 1.1 says.
 */
export async function handleSoap(body: Buffer, repositories: Repositories): Promise<SoapResponse> {
  try {
    const operation = bodyElement(decode(body));
    return { status: 200, body: envelope(await dispatch(operation, repositories)) };
  } catch (err) {
    return faultFor(err);
  }
}

/** The fault answering an error: bad input is the client's, anything else the server's. */
export function faultFor(err: unknown): SoapResponse {
  if (err instanceof SoapFault) return fault(err.code, err.message);
  if (err instanceof XmlError) return fault("Client", err.message);
  if (err instanceof HttpError && err.status < 500) return fault("Client", err.message);
  return fault("Server", "internal error");
}

/** The request as text: UTF-8 only (what the WSDL's clients send), checked strictly. */
function decode(body: Buffer): string {
  if (body.length > SOAP_MAX_BYTES) {
    throw new SoapFault("Client", "the request is larger than 1 MiB");
  }
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(body.toString("latin1"));
  if (declared?.[1] && !/^utf-?8$/i.test(declared[1])) {
    throw new SoapFault("Client", `the request must be encoded as UTF-8, not ${declared[1]}`);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(body);
  } catch {
    throw new SoapFault("Client", "the request is not valid UTF-8");
  }
}

function bodyElement(xml: string): XmlElement {
  const root = parseXml(xml);
  if (root.name === "Envelope" && root.ns === SOAP12_ENV) {
    throw new SoapFault("VersionMismatch", "this endpoint speaks SOAP 1.1 only");
  }
  if (root.ns !== SOAP_ENV || root.name !== "Envelope") {
    throw new SoapFault("VersionMismatch", "the request is not a SOAP 1.1 envelope");
  }
  const header = root.children.find((c) => c.ns === SOAP_ENV && c.name === "Header");
  for (const block of header?.children ?? []) {
    const must = block.attributes.get(`{${SOAP_ENV}}mustUnderstand`);
    if (must === "1" || must === "true") {
      throw new SoapFault("MustUnderstand", `header ${block.name} is not understood`);
    }
  }
  const bodies = root.children.filter((c) => c.ns === SOAP_ENV && c.name === "Body");
  if (bodies.length !== 1) throw new SoapFault("Client", "the envelope must have one Body");
  const [operation, ...more] = bodies[0]?.children ?? [];
  if (!operation) throw new SoapFault("Client", "the SOAP Body is empty");
  if (more.length > 0) throw new SoapFault("Client", "the SOAP Body must hold one operation");
  return operation;
}

async function dispatch(op: XmlElement, repositories: Repositories): Promise<string> {
  if (op.ns !== NAMESPACE) throw new SoapFault("Client", `unknown operation {${op.ns}}${op.name}`);
  switch (op.name) {
    case "CreateTask": {
      const fields = validate(taskSchema, taskInput(op));
      const created = await repositories.tasks.create(fields);
      return response(op.name, taskXml(created));
    }
    case "GetTask": {
      const found = await repositories.tasks.get(requiredText(op, "id"));
      if (!found) throw new SoapFault("Client", "task not found");
      return response(op.name, taskXml(found));
    }
    case "ListTasks": {
      const limit = count(op, "limit", BigInt(DEFAULT_LIMIT), 1n, BigInt(MAX_LIMIT));
      const offset = count(op, "offset", 0n, 0n, MAX_OFFSET);
      const query = { limit: Number(limit), offset, sort: [], filters: {} };
      const page = await repositories.tasks.list(query);
      const items = page.items.map(taskXml).join("");
      return response(op.name, `${items}<tns:total>${page.total}</tns:total>`);
    }
    case "UpdateTask": {
      const id = requiredText(op, "id");
      const fields = validate(taskSchema, taskInput(op));
      const replaced = await repositories.tasks.replace(id, fields);
      if (!replaced) throw new SoapFault("Client", "task not found");
      return response(op.name, taskXml(replaced));
    }
    case "DeleteTask": {
      if (!(await repositories.tasks.delete(requiredText(op, "id")))) {
        throw new SoapFault("Client", "task not found");
      }
      return response(op.name, "");
    }
    default:
      throw new SoapFault("Client", `unknown operation ${op.name}`);
  }
}

/** The fields of a task request as JSON-like values, for taskSchema to check. */
function taskInput(op: XmlElement): Record<string, unknown> {
  known(op, ["id", "title", "done"]);
  return {
    title: text(child(op, "title")),
    done: boolean(child(op, "done")),
  };
}

function taskXml(item: Task): string {
  return (
    `<tns:task>` +
    element("id", String(item.id)) +
    element("title", item.title) +
    element("done", item.done) +
    element("created_at", item.created_at) +
    element("updated_at", item.updated_at) +
    `</tns:task>`
  );
}

/** Refuses child elements the operation does not have. */
function known(op: XmlElement, names: string[]): void {
  for (const c of op.children) {
    if (c.ns !== NAMESPACE || !names.includes(c.name)) {
      throw new SoapFault("Client", `${op.name} has no element ${c.name}`);
    }
  }
}

function child(op: XmlElement, name: string): XmlElement | undefined {
  const found = op.children.filter((c) => c.name === name && c.ns === NAMESPACE);
  if (found.length > 1) throw new SoapFault("Client", `${name} is given more than once`);
  return found[0];
}

function isNil(el: XmlElement): boolean {
  const nil = el.attributes.get(`{${XSI}}nil`);
  return nil === "true" || nil === "1";
}

/** xs:string: absent is undefined, xsi:nil is null, else the text as it is. */
function text(el: XmlElement | undefined): string | null | undefined {
  if (!el) return undefined;
  return isNil(el) ? null : el.text;
}

/** xs:boolean: true, false, 1 or 0. */
function boolean(el: XmlElement | undefined): boolean | string | null | undefined {
  const value = text(el);
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  if (trimmed === "true" || trimmed === "1") return true;
  if (trimmed === "false" || trimmed === "0") return false;
  return value;
}

function requiredText(op: XmlElement, name: string): string {
  const value = text(child(op, name));
  if (typeof value !== "string") throw new SoapFault("Client", `${name} is required`);
  return value.trim();
}

/** An xs:long count, as a bigint: offsets go up to 2^63 - 1. */
function count(op: XmlElement, name: string, fallback: bigint, min: bigint, max: bigint): bigint {
  const value = text(child(op, name));
  if (value === undefined || value === null) return fallback;
  const n = /^\s*\+?\d{1,19}\s*$/.test(value) ? BigInt(value.trim().replace("+", "")) : -1n;
  if (n < min || n > max) {
    throw new SoapFault("Client", `${name} must be a whole number between ${min} and ${max}`);
  }
  return n;
}

function element(name: string, value: string | number | boolean | null): string {
  if (value === null) return `<tns:${name} xsi:nil="true"/>`;
  return `<tns:${name}>${escapeXml(String(value))}</tns:${name}>`;
}

function response(operation: string, content: string): string {
  const name = `${operation}Response`;
  return `<tns:${name} xmlns:tns="${NAMESPACE}" xmlns:xsi="${XSI}">${content}</tns:${name}>`;
}

function envelope(body: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<soap:Envelope xmlns:soap="${SOAP_ENV}"><soap:Body>${body}</soap:Body></soap:Envelope>`
  );
}

function fault(code: FaultCode, message: string): SoapResponse {
  return {
    status: 500,
    body: envelope(
      `<soap:Fault><faultcode>soap:${code}</faultcode>` +
        `<faultstring>${escapeXml(message)}</faultstring></soap:Fault>`,
    ),
  };
}
