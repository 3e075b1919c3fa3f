/**
 * Personal mobile numbers (11 digits starting with 1[3-9]) are masked as 135****5769 in every output.
 * Office numbers (area code + 7/8 digits, 12345 hotlines) do not match and stay.
 */
const MOBILE = /(?<![\d])(1[3-9]\d)(\d{4})(\d{4})(?![\d])/g;

export function maskMobiles(text: string): string {
  return text.replace(MOBILE, (_m, a: string, _b: string, c: string) => `${a}****${c}`);
}

/** Deep-copy a JSON-like value with every string masked. */
export function maskDeep<T>(value: T): T {
  if (typeof value === 'string') return maskMobiles(value) as T;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v);
    return out as T;
  }
  return value;
}
