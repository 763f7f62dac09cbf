import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { escapeXml, parseXml, XmlError } from "../src/soap/xml.js";

describe("parseXml", () => {
  it("resolves namespace prefixes, default namespaces and attributes", () => {
    const root = parseXml(
      '<a:root xmlns:a="urn:a" xmlns:i="urn:i"><child xmlns="urn:b" i:nil="true">hi</child></a:root>',
    );
    assert.equal(root.ns, "urn:a");
    assert.equal(root.name, "root");
    const [child] = root.children;
    assert.equal(child?.ns, "urn:b");
    assert.equal(child?.name, "child");
    assert.equal(child?.attributes.get("{urn:i}nil"), "true");
  });

  it("decodes entities and character references once", () => {
    const root = parseXml("<r>a &amp; b &lt; &#233;&#x41; &amp;#65;</r>");
    assert.equal(root.text, "a & b < éA &#65;");
  });

  it("refuses characters XML forbids, raw or as references", () => {
    assert.throws(() => parseXml("<r>&#0;</r>"), XmlError);
    assert.throws(() => parseXml("<r>&#x1;</r>"), XmlError);
    assert.throws(() => parseXml("<r>\u0000</r>"), XmlError);
  });

  it("refuses DTDs, so external entities are never loaded", () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>';
    assert.throws(() => parseXml(xml), XmlError);
  });

  it("refuses malformed documents and unknown entities", () => {
    assert.throws(() => parseXml("<a><b></a>"), XmlError);
    assert.throws(() => parseXml("<a>&nbsp;</a>"), XmlError);
  });
});

describe("escapeXml", () => {
  it("escapes markup characters", () => {
    assert.equal(escapeXml(`<a href="x">&</a>`), "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
  });
});
