// Integration tests of the SOAP endpoint on the real database, through supertest.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import request from "supertest";
import { NAMESPACE } from "../src/soap/service.js";
import { skip, startApp, type TestApp } from "./app.js";

const SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";

function envelope(body: string, env = SOAP_ENV): string {
  return `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${env}" xmlns:t="${NAMESPACE}"><soap:Body>${body}</soap:Body></soap:Envelope>`;
}

describe("SOAP endpoint", { skip }, () => {
  let test: TestApp;

  before(async () => {
    test = await startApp();
  });

  after(async () => {
    await test?.close();
  });

  function call(xml: string) {
    return request(test.app).post("/soap").set("Content-Type", "text/xml").send(xml);
  }

  it("serves the WSDL with its own address", async () => {
    const res = await request(test.app).get("/soap?wsdl").expect(200);
    assert.match(res.text, /<soap:address location="http:\/\/127\.0\.0\.1:\d+\/soap"/);
  });

  it("lists tasks", async () => {
    const res = await call(envelope("<t:ListTasks><t:limit>5</t:limit></t:ListTasks>"));
    assert.equal(res.status, 200);
    assert.match(res.text, /<tns:total>\d+<\/tns:total>/);
  });

  it("answers a missing task with a Client fault", async () => {
    const res = await call(envelope("<t:GetTask><t:id>999999</t:id></t:GetTask>"));
    assert.equal(res.status, 500);
    assert.match(res.text, /<faultcode>soap:Client<\/faultcode>/);
  });

  it("refuses SOAP 1.2, mustUnderstand headers, several operations and &#0;", async () => {
    const v12 = await call(envelope("", "http://www.w3.org/2003/05/soap-envelope"));
    assert.match(v12.text, /soap:VersionMismatch/);
    const header = `<soap:Envelope xmlns:soap="${SOAP_ENV}"><soap:Header><h xmlns="urn:x" soap:mustUnderstand="1"/></soap:Header><soap:Body/></soap:Envelope>`;
    assert.match((await call(header)).text, /soap:MustUnderstand/);
    const two = "<t:ListTasks/><t:ListTasks/>";
    assert.match((await call(envelope(two))).text, /soap:Client/);
    const nul = "<t:GetTask><t:id>1&#0;</t:id></t:GetTask>";
    assert.match((await call(envelope(nul))).text, /soap:Client/);
  });

  it("answers a body over 1 MiB with a fault, not a problem", async () => {
    const res = await call(envelope(" ".repeat(1024 * 1024)));
    assert.equal(res.status, 500);
    assert.match(res.headers["content-type"] ?? "", /^text\/xml/);
    assert.match(res.text, /soap:Client/);
  });
});
