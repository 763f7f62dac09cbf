// Maintainer tool, never written into a project (its name starts with "_").
//
// The TypeScript sources in node/_ts are the single source of truth; the JavaScript
// sources in node/_js are made from them by erasing the types (ts-blank-space) and
// formatting (Prettier), with the template actions kept intact. After changing a file
// in node/_ts (or typescript-express/src, typescript-express/test), run from the repository root:
//
//   npm install --prefix /tmp/ts2js ts-blank-space@0.9.0 prettier@3.10.1
//   NODE_PATH=/tmp/ts2js/node_modules node blueprints/node/_ts2js.mjs
//
// (or `go test ./blueprints -run TestNodeJSFromTS -update`, which does both) and review
// the diff. `--out DIR` writes the JavaScript under DIR instead of in place; that test
// uses it to fail when node/_js no longer matches node/_ts. Files that differ by nature
// (package.json, eslint.config.js) are written by hand in node/_js and are not touched.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(process.env.NODE_PATH + "/");
const blank = require("ts-blank-space").default ?? require("ts-blank-space");
const prettier = require("prettier");

const root = dirname(dirname(fileURLToPath(import.meta.url))); // the blueprints folder
const outFlag = process.argv.indexOf("--out");
const outRoot = outFlag > 0 ? process.argv[outFlag + 1] : root;
if (!outRoot) throw new Error("--out needs a folder");
const jobs = [
  ["node/_ts/src", "node/_js/src"],
  ["node/_ts/test", "node/_js/test"],
  ["typescript-express/src", "javascript-express/src"],
  ["typescript-express/test", "javascript-express/test"],
];
const ACTION = new RegExp("\\{\\{[\\s\\S]*?\\}\\}", "g");

for (const [from, to] of jobs) {
  for (const file of walk(join(root, from))) {
    if (!/\.ts(\.tmpl)?$/.test(file)) continue;
    const out = join(outRoot, to, relative(join(root, from), file)).replace(/\.ts(\.tmpl)?$/, ".js$1");
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, await convert(readFileSync(file, "utf8"), file));
    console.log(`${relative(root, file)} -> ${out}`);
  }
}

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

async function convert(source, file) {
  const actions = [];
  // Lines that hold only template actions become comments; other actions become identifiers.
  let code = source
    .split("\n")
    .map((line) => {
      if (line.trim() !== "" && line.replace(ACTION, "").trim() === "") {
        actions.push(line.trim());
        return `${line.match(/^\s*/)[0]}//@@LINE${actions.length - 1}@@`;
      }
      return line.replace(ACTION, (a) => {
        actions.push(a);
        return `__T${actions.length - 1}__`;
      });
    })
    .join("\n");
  const typed = code;
  code = blank(code, (node) => {
    throw new Error(`${file}: cannot erase ${node.getText()}`);
  });
  code = keepFitGroups(typed, code, actions);
  code = await prettier.format(code, { parser: "babel", printWidth: 100, quoteProps: "preserve", filepath: "x.js" });
  code = code
    .split("\n")
    .filter((line) => !/^import\s*\{\s*\}\s*from/.test(line))
    .join("\n")
    // erased type-only imports leave gaps between the remaining imports
    .replace(/(from "[^"]+";\n)\n+(?=import )/g, "$1")
    .replace(/^\s*\/\/ prettier-ignore\n/gm, "")
    .replace(/^\s*\/\/@@LINE(\d+)@@$/gm, (m, i) => {
      // blank lines before an action line go, except before a Prettier group
      const a = actions[Number(i)];
      return a === "{{ $.FitStart }}" ? m.replace(/[^\n]*$/, "") + a : a;
    })
    // a Prettier group ({{ $.FitStart }} … {{ $.FitEnd }}) whose TypeScript was erased, or
    // that erasing the types left on one line
    .replace(/^\{\{ \$\.FitStart \}\}\n\{\{ \$\.FitEnd \}\}\n/gm, "")
    .replace(/^\{\{ \$\.FitStart \}\}\n(.*\n)\{\{ \$\.FitEnd \}\}\n/gm, "$1")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/(\{?)__T(\d+)__/g, (_, brace, i) => {
      const a = actions[Number(i)];
      // "$" + "{" + action must not read as a triple brace: trim the space with a "-".
      const open = "\x7b\x7b";
      return brace ? `{ ${a.startsWith(open + "-") ? a : a.replace(open, open + "- ")}` : a;
    });
  return code;
}

/**
 * A Prettier group ({{ $.FitStart }} … {{ $.FitEnd }}, see generator/data_node.go) holds a
 * statement as Prettier breaks it when its names are long. Where erasing the types left it
 * as it was, Prettier must not join it here, with the short placeholders of the names:
 * it is marked prettier-ignore, and the generator joins it when the real names fit.
 */
function keepFitGroups(typed, erased, actions) {
  const before = typed.split("\n");
  const after = erased.split("\n");
  const marker = (line, action) => {
    const m = line.trim().match(/^\/\/@@LINE(\d+)@@$/);
    return m !== null && actions[Number(m[1])] === action;
  };
  const out = [];
  for (let i = 0; i < after.length; i++) {
    out.push(after[i]);
    if (!marker(after[i], "{{ $.FitStart }}")) continue;
    let end = i + 1;
    while (end < after.length && !marker(after[end], "{{ $.FitEnd }}")) end++;
    const same = after.slice(i + 1, end).join("\n") === before.slice(i + 1, end).join("\n");
    if (same && end > i + 1) out.push(`${after[i].match(/^\s*/)[0]}// prettier-ignore`);
  }
  return out.join("\n");
}
