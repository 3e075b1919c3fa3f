/** Number formatting as published: amounts are integers in hundredths of 万元. */

/** 1478386 → "14783.86", 4300 → "43" (narrative style: trailing zeros dropped). */
export function wan(h: number): string {
  const neg = h < 0;
  const a = Math.abs(h);
  const int = Math.floor(a / 100);
  const frac = a % 100;
  const s = frac === 0 ? String(int) : `${int}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
  return neg ? `-${s}` : s;
}

function group(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Table cell: "14,783.86" (万元) or "147,838,600.00" (元); zero as '' or '0.00' depending on the layout. */
export function cell(h: number, unit: '万元' | '元', zero: '' | '0.00' = '', commas = true): string {
  if (h === 0) return zero;
  const a = unit === '元' ? Math.abs(h) * 100 * 100 : Math.abs(h);
  const int = String(Math.floor(a / 100));
  const frac = String(a % 100).padStart(2, '0');
  return `${h < 0 ? '-' : ''}${commas ? group(int) : int}.${frac}`;
}

export function pct(part: number, whole: number): string {
  return whole ? `${((100 * part) / whole).toFixed(2)}%` : '0%';
}

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 1 → 一, 12 → 十二, 26 → 二十六 */
export function cnNum(n: number): string {
  if (n <= 10) return CN[n];
  if (n < 20) return `十${CN[n - 10]}`;
  return `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ''}`;
}
