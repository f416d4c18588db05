// `npm run bench`: runs every benchmark in this folder in turn and prints its numbers.
// Speed is measured here, never in timed unit tests.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv[2];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()) {
  if (only && !file.includes(only)) continue;
  console.log(`\n== ${file}`);
  await import(new URL(file, import.meta.url).href);
}
