import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { escapeXml, parseXml, XmlError } from "../src/soap/xml.js";

describe("parseXml", () => {
  it("resolves namespace prefixes and default namespaces", () => {
    const root = parseXml(
      '<a:root xmlns:a="urn:a"><child xmlns="urn:b">hi &amp; bye</child></a:root>',
    );
    assert.equal(root.ns, "urn:a");
    assert.equal(root.name, "root");
    assert.deepEqual(root.children[0], {
      ns: "urn:b",
      name: "child",
      text: "hi & bye",
      children: [],
    });
  });

  it("refuses DTDs, so external entities are never loaded", () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>';
    assert.throws(() => parseXml(xml), XmlError);
  });

  it("refuses malformed documents", () => {
    assert.throws(() => parseXml("<a><b></a>"), XmlError);
  });
});

describe("escapeXml", () => {
  it("escapes markup characters", () => {
    assert.equal(escapeXml(`<a href="x">&</a>`), "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
  });
});
