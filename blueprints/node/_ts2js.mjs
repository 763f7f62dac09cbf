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
  code = blank(code, (node) => {
    throw new Error(`${file}: cannot erase ${node.getText()}`);
  });
  code = await prettier.format(code, { parser: "babel", printWidth: 100, quoteProps: "preserve", filepath: "x.js" });
  code = code
    .split("\n")
    .filter((line) => !/^import\s*\{\s*\}\s*from/.test(line))
    .join("\n")
    // erased type-only imports leave gaps between the remaining imports
    .replace(/(from "[^"]+";\n)\n+(?=import )/g, "$1")
    .replace(/^\s*\/\/@@LINE(\d+)@@$/gm, (_, i) => actions[Number(i)])
    .replace(/(\{?)__T(\d+)__/g, (_, brace, i) => {
      const a = actions[Number(i)];
      // "$" + "{" + action must not read as a triple brace: trim the space with a "-".
      const open = "\x7b\x7b";
      return brace ? `{ ${a.startsWith(open + "-") ? a : a.replace(open, open + "- ")}` : a;
    });
  return code;
}
