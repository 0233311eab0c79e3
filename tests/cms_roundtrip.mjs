// Opens and saves data files as the browser editor does, with its own formats (site/admin/formats.js)
// and the YAML library it loads: for each file named on standard input as "collection<TAB>path",
// writes what a save without changes would write to OUT/<path>.
//
//   node tests/cms_roundtrip.mjs SITE/admin OUT < list
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [admin, out] = process.argv.slice(2);
const { makeFormat } = await import(pathToFileURL(resolve(admin, 'formats.js')).href);
const config = JSON.parse(readFileSync(join(admin, 'config.json'), 'utf8'));
const formats = Object.fromEntries(config.collections.map(c => [c.name, makeFormat(c)]));
const lines = readFileSync(0, 'utf8').split('\n').filter(Boolean);
for (const line of lines) {
  const [collection, path] = line.split('\t');
  const format = formats[collection];
  const saved = format.toFile(format.fromFile(readFileSync(path, 'utf8')));
  const target = join(out, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, saved);
}
console.log(`saved ${lines.length} files`);
