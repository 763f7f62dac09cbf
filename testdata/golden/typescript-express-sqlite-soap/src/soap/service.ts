import { readFileSync } from "node:fs";
import type { TaskRepository } from "../tasks/repository.js";
import {
  parsePaging,
  parseTaskInput,
  ValidationError,
  type Task,
  type TaskInput,
} from "../tasks/model.js";
import { escapeXml, parseXml, XmlError, type XmlElement } from "./xml.js";

/** The target namespace of api/service.wsdl: every element of a message lives in it. */
export const NAMESPACE = "https://github.com/octocat/demo/soap";
const SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";

export const SOAP_CONTENT_TYPE = "text/xml; charset=utf-8";

const WSDL = readFileSync(new URL("../../api/service.wsdl", import.meta.url), "utf8");

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

/** A soap:Client fault: the request was wrong (bad input, unknown operation, not found). */
class ClientFault extends Error {}

/**
 * Handles one SOAP 1.1 request (document/literal wrapped). The operation is chosen by the
 * body's root element, not by the SOAPAction header. Faults are answered with HTTP 500.
 */
export async function handleSoap(xml: string, tasks: TaskRepository): Promise<SoapResponse> {
  let operation: XmlElement;
  try {
    operation = bodyElement(xml);
  } catch (err) {
    if (err instanceof XmlError || err instanceof ClientFault) return fault("Client", err.message);
    throw err;
  }
  try {
    const result = await dispatch(operation, tasks);
    return { status: 200, body: envelope(result) };
  } catch (err) {
    if (err instanceof ClientFault || err instanceof ValidationError) {
      return fault("Client", err.message);
    }
    return fault("Server", "internal error");
  }
}

function bodyElement(xml: string): XmlElement {
  const root = parseXml(xml);
  if (root.ns !== SOAP_ENV || root.name !== "Envelope") {
    throw new ClientFault("the request is not a SOAP 1.1 envelope");
  }
  const body = root.children.find((c) => c.ns === SOAP_ENV && c.name === "Body");
  const operation = body?.children[0];
  if (!operation) throw new ClientFault("the SOAP body is empty");
  return operation;
}

async function dispatch(op: XmlElement, tasks: TaskRepository): Promise<string> {
  if (op.ns !== NAMESPACE) {
    throw new ClientFault(`unknown operation {${op.ns}}${op.name}`);
  }
  switch (op.name) {
    case "CreateTask": {
      const task = await tasks.create(taskInput(op));
      return response("CreateTaskResponse", taskXml(task));
    }
    case "GetTask": {
      const task = await tasks.get(required(op, "id"));
      if (!task) throw notFound();
      return response("GetTaskResponse", taskXml(task));
    }
    case "ListTasks": {
      const paging = parsePaging(optional(op, "limit"), optional(op, "offset"));
      if ("error" in paging) throw new ClientFault(paging.error);
      const page = await tasks.list(paging.limit, paging.offset);
      return response(
        "ListTasksResponse",
        page.items.map(taskXml).join("") + `<tns:total>${page.total}</tns:total>`,
      );
    }
    case "UpdateTask": {
      const id = required(op, "id");
      const task = await tasks.update(id, taskInput(op));
      if (!task) throw notFound();
      return response("UpdateTaskResponse", taskXml(task));
    }
    case "DeleteTask": {
      if (!(await tasks.delete(required(op, "id")))) throw notFound();
      return response("DeleteTaskResponse", "");
    }
    default:
      throw new ClientFault(`unknown operation ${op.name}`);
  }
}

function child(op: XmlElement, name: string): XmlElement | undefined {
  return op.children.find((c) => c.name === name && c.ns === NAMESPACE);
}

function optional(op: XmlElement, name: string): string | undefined {
  return child(op, name)?.text.trim();
}

function required(op: XmlElement, name: string): string {
  const value = optional(op, name);
  if (value === undefined) throw new ClientFault(`${name} is required`);
  return value;
}

function taskInput(op: XmlElement): TaskInput {
  const title = child(op, "title")?.text;
  const done = optional(op, "done");
  let doneValue: boolean | undefined;
  if (done === "true" || done === "1") doneValue = true;
  else if (done === "false" || done === "0") doneValue = false;
  else if (done !== undefined) throw new ClientFault("done must be true or false");
  if (title === undefined) throw new ClientFault("title is required");
  return parseTaskInput({ title, done: doneValue });
}

function notFound(): ClientFault {
  return new ClientFault("task not found");
}

function taskXml(task: Task): string {
  return (
    `<tns:task><tns:id>${escapeXml(String(task.id))}</tns:id>` +
    `<tns:title>${escapeXml(task.title)}</tns:title>` +
    `<tns:done>${task.done}</tns:done>` +
    `<tns:created_at>${task.created_at}</tns:created_at></tns:task>`
  );
}

function response(name: string, content: string): string {
  return `<tns:${name} xmlns:tns="${NAMESPACE}">${content}</tns:${name}>`;
}

function envelope(body: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<soap:Envelope xmlns:soap="${SOAP_ENV}"><soap:Body>${body}</soap:Body></soap:Envelope>`
  );
}

function fault(code: "Client" | "Server", message: string): SoapResponse {
  return {
    status: 500,
    body: envelope(
      `<soap:Fault><faultcode>soap:${code}</faultcode>` +
        `<faultstring>${escapeXml(message)}</faultstring></soap:Fault>`,
    ),
  };
}
