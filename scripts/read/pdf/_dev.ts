import { readFileSync } from 'node:fs';
import { readPdf } from './index.js';
const [file, from, to] = process.argv.slice(2);
const t0 = Date.now();
const r = await readPdf(new Uint8Array(readFileSync(file)));
if (!r.ok) { console.log('FAIL', r.reason); process.exit(0); }
console.error('ms', Date.now() - t0, 'lines', r.lines.length, 'note', r.note);
for (const l of r.lines) if (!from || (l.page! >= Number(from) && l.page! <= Number(to ?? from))) console.log(`${l.page}:${l.no}: ${l.text.replace(/\t/g, ' ⇥ ')}`);
