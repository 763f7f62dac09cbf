import { XMLParser, XMLValidator } from "fast-xml-parser";

/** An XML element with its namespace resolved: what the SOAP handler works with. */
export interface XmlElement {
  ns: string;
  name: string;
  text: string;
  children: XmlElement[];
}

export class XmlError extends Error {
  override name = "XmlError";
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  htmlEntities: false,
});

/**
 * Parses an XML document safely: documents with a DTD (<!DOCTYPE …>) are refused, so no
 * external or recursive entities are ever expanded. Returns the root element.
 */
export function parseXml(xml: string): XmlElement {
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) {
    throw new XmlError("DTDs and entity declarations are not allowed");
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new XmlError(`malformed XML: ${valid.err.msg}`);
  const nodes = parser.parse(xml) as OrderedNode[];
  const roots = elements(nodes, new Map());
  if (roots.length !== 1 || !roots[0])
    throw new XmlError("the document must have one root element");
  return roots[0];
}

type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, string> };

function elements(nodes: OrderedNode[], scope: Map<string, string>): XmlElement[] {
  const result: XmlElement[] = [];
  for (const node of nodes) {
    const tag = Object.keys(node).find((k) => k !== ":@");
    if (tag === undefined || tag === "#text" || tag.startsWith("?") || tag.startsWith("#"))
      continue;
    const attrs = node[":@"] ?? {};
    const inner = new Map(scope);
    for (const [key, value] of Object.entries(attrs)) {
      if (key === "xmlns") inner.set("", value);
      else if (key.startsWith("xmlns:")) inner.set(key.slice(6), value);
    }
    const colon = tag.indexOf(":");
    const prefix = colon >= 0 ? tag.slice(0, colon) : "";
    const name = colon >= 0 ? tag.slice(colon + 1) : tag;
    const ns = inner.get(prefix);
    if (ns === undefined && prefix !== "")
      throw new XmlError(`undeclared namespace prefix "${prefix}"`);
    const content = (node[tag] as OrderedNode[]) ?? [];
    const text = content
      .map((c) =>
        typeof c["#text"] === "string" || typeof c["#text"] === "number" ? String(c["#text"]) : "",
      )
      .join("");
    result.push({ ns: ns ?? "", name, text, children: elements(content, inner) });
  }
  return result;
}

/** Escapes text for use inside an XML element. */
export function escapeXml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
