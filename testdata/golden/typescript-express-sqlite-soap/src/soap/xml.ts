import { XMLParser, XMLValidator } from "fast-xml-parser";

/** An XML element with its namespace resolved: what the SOAP handler works with. */
export interface XmlElement {
  ns: string;
  name: string;
  /** Attributes by "{namespace}name" (or plain "name" without a prefix). */
  attributes: Map<string, string>;
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
  // Entities and character references are decoded here (decodeText), once, so that
  // "&amp;#65;" stays the text "&#65;" and a reference to a forbidden character is refused.
  processEntities: false,
  htmlEntities: false,
});

/** Characters XML 1.0 allows (https://www.w3.org/TR/xml/#charsets). */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Decodes the five XML entities and character references; refuses forbidden characters. */
function decodeText(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (match, ref: string) => {
    if (!ref.startsWith("#")) {
      const named = NAMED[ref];
      if (named === undefined) throw new XmlError(`unknown entity ${match}`);
      return named;
    }
    const cp = ref.startsWith("#x") ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    if (!isXmlChar(cp)) throw new XmlError(`${match} is a character XML does not allow`);
    return String.fromCodePoint(cp);
  });
}

/**
 * Parses an XML document safely: documents with a DTD (<!DOCTYPE …>) are refused, so no
 * external or recursive entities are ever expanded, and so are characters XML forbids
 * (U+0000, written raw or as &#0;). Returns the root element.
 */
export function parseXml(xml: string): XmlElement {
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) {
    throw new XmlError("DTDs and entity declarations are not allowed");
  }
  for (const ch of xml) {
    if (!isXmlChar(ch.codePointAt(0) ?? 0)) {
      throw new XmlError("the document holds a character XML does not allow");
    }
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new XmlError(`malformed XML: ${valid.err.msg}`);
  const nodes = parser.parse(xml) as OrderedNode[];
  const roots = elements(nodes, new Map());
  if (roots.length !== 1 || !roots[0]) {
    throw new XmlError("the document must have one root element");
  }
  return roots[0];
}

type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, string> };

function elements(nodes: OrderedNode[], scope: Map<string, string>): XmlElement[] {
  const result: XmlElement[] = [];
  for (const node of nodes) {
    const tag = Object.keys(node).find((k) => k !== ":@");
    if (tag === undefined || tag.startsWith("?") || tag.startsWith("#")) continue;
    const attrs = node[":@"] ?? {};
    const inner = new Map(scope);
    for (const [key, value] of Object.entries(attrs)) {
      if (key === "xmlns") inner.set("", decodeText(value));
      else if (key.startsWith("xmlns:")) inner.set(key.slice(6), decodeText(value));
    }
    const [ns, name] = resolve(tag, inner, true);
    const attributes = new Map<string, string>();
    for (const [key, value] of Object.entries(attrs)) {
      if (key === "xmlns" || key.startsWith("xmlns:")) continue;
      const [attrNs, attrName] = resolve(key, inner, false);
      attributes.set(attrNs ? `{${attrNs}}${attrName}` : attrName, decodeText(value));
    }
    const content = (node[tag] as OrderedNode[]) ?? [];
    const text = content
      .map((c) =>
        typeof c["#text"] === "string" || typeof c["#text"] === "number" ? String(c["#text"]) : "",
      )
      .join("");
    result.push({
      ns,
      name,
      attributes,
      text: decodeText(text),
      children: elements(content, inner),
    });
  }
  return result;
}

/** Splits prefix:name and finds the prefix's namespace (unprefixed attributes have none). */
function resolve(qname: string, scope: Map<string, string>, element: boolean): [string, string] {
  const colon = qname.indexOf(":");
  if (colon < 0) return [element ? (scope.get("") ?? "") : "", qname];
  const prefix = qname.slice(0, colon);
  const ns = scope.get(prefix);
  if (ns === undefined) throw new XmlError(`undeclared namespace prefix "${prefix}"`);
  return [ns, qname.slice(colon + 1)];
}

/** Escapes text for use inside an XML element or attribute. */
export function escapeXml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
