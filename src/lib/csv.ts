/** Minimal CSV reader for our own downloads (RFC 4180 quoting, BOM stripped). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * Non-empty records in a CSV, counted on the bytes without building strings: the downloads can be
 * hundreds of MB at scale, where parsing them only to count rows dominated the data page. Lines
 * without a quote are skipped with native indexOf; a record holding quotes is walked byte by byte.
 * A record counts when some cell is non-empty (as `parseCsv(...).filter(r => r.some(c => c !== ''))`).
 */
export function csvRecordCount(buf: Uint8Array): number {
  const QUOTE = 0x22;
  const LF = 0x0a;
  const CR = 0x0d;
  const COMMA = 0x2c;
  const len = buf.length;
  let i = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  let n = 0;
  let q = -2; // position of the next quote at or after i (-1: none left); found once, reused
  while (i < len) {
    let lf = buf.indexOf(LF, i);
    if (lf < 0) lf = len;
    if (q !== -1 && q < i) q = buf.indexOf(QUOTE, i);
    if (q < 0 || q >= lf) {
      for (let k = i; k < lf; k++) {
        if (buf[k] !== COMMA && buf[k] !== CR) {
          n++;
          break;
        }
      }
      i = lf + 1;
      continue;
    }
    let quoted = false;
    let content = false;
    let j = i;
    for (; j < len; j++) {
      const c = buf[j];
      if (quoted) {
        if (c !== QUOTE) content = true;
        else if (buf[j + 1] === QUOTE) {
          content = true;
          j++;
        } else quoted = false;
      } else if (c === QUOTE) quoted = true;
      else if (c === LF) break;
      else if (c !== COMMA && c !== CR) content = true;
    }
    if (content) n++;
    i = j + 1;
  }
  return n;
}
