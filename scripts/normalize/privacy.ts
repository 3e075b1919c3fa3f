/**
 * Personal mobile numbers (11 digits starting with 1[3-9]) are masked as 135****5769 in every output.
 * Office numbers (area code + 7/8 digits, 12345 hotlines) do not match and stay.
 */
const MOBILE = /(?<![\d])(1[3-9]\d)(\d{4})(\d{4})(?![\d])/g;

export function maskMobiles(text: string): string {
  return text.replace(MOBILE, (_m, a: string, _b: string, c: string) => `${a}****${c}`);
}

/** A JSON-like value with every string masked (only the parts that change are copied). */
export function maskDeep<T>(value: T): T {
  if (typeof value === 'string') return maskMobiles(value) as T;
  // Parts with nothing to mask are returned as they are (not copied): a run holds every record, and a
  // full copy of each doubled the memory of the largest runs.
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const v = maskDeep(value[i]);
      if (v !== value[i] && !out) out = value.slice(0, i);
      if (out) out.push(v);
    }
    return (out ?? value) as T;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    let changed = false;
    const masked = entries.map(([k, v]) => {
      const m = maskDeep(v);
      if (m !== v) changed = true;
      return [k, m] as const;
    });
    if (!changed) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of masked) out[k] = v;
    return out as T;
  }
  return value;
}
