/**
 * Department profile: responsibilities (numbered items under 部门主要职责/主要职能), budget units
 * (预算单位N个，包括：A、B / 纳入…汇编范围的单位共N个，包括：… / 由机关及下属N家单位组成…分别是A、B) and
 * staffing (编制 / 实有 / 在职 / 离退休 = 离休 + 退休, unless 离退休 is stated as one figure).
 */
import type { Staffing } from '../../model/schema.js';
import type { RecognizeContext } from '../context.js';
import { ITEM_START, paragraphs, type Paragraph } from '../narrative/paragraphs.js';
import { defineRecognizer } from '../registry.js';

export interface Profile {
  responsibilities: string[];
  budget_units: string[];
  staffing: Staffing;
}

const RESP_HEADING = /^(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]?\s*)?(?:部门|单位|机构)?(?:主要)?(?:职责|职能)(?:及机构设置|和机构设置)?[。：:]?$/;
/** A new top-level section: 二、… / 第二部分 / a short profile heading. */
const SECTION = /^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|第[一二三四五六七八九十\d]+部分)/;
const PROFILE_HEADING = /^.{0,6}(机构设置|人员|基本情况|预算单位|单位构成|部门构成|概况|收支|预算情况|决算情况)/;

type Marker = 'paren' | 'cn' | 'arabic' | 'circled';

function markerOf(text: string): Marker | null {
  if (/^[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]/.test(text)) return 'paren';
  if (/^[一二三四五六七八九十]{1,3}\s*[、.．]/.test(text)) return 'cn';
  if (/^\d{1,3}\s*(?:[、）)]|[.．](?!\d))/.test(text)) return 'arabic';
  if (/^[①-⑳]/.test(text)) return 'circled';
  return null;
}

function stripMarker(text: string): string {
  return text.replace(ITEM_START, '').trim();
}

function responsibilities(ctx: RecognizeContext, paras: Paragraph[]): string[] {
  for (let i = 0; i < paras.length; i++) {
    const head = paras[i].text.replace(/\s+/g, '');
    if (!RESP_HEADING.test(head)) continue;
    const items: Array<{ text: string; end: number }> = [];
    let style: Marker | null = null;
    let last = paras[i].line_end;
    for (let j = i + 1; j < paras.length && j < i + 80; j++) {
      const p = paras[j];
      const t = p.text.trim();
      const m = markerOf(t);
      const short = t.length <= 24;
      if (p.heading || /^第[一二三四五六七八九十\d]+部分/.test(t)) break;
      if (short && PROFILE_HEADING.test(stripMarker(t))) break;
      if (style === null && m !== null && !(m === 'cn' && SECTION.test(t) && short)) style = m;
      if (m !== null && m === style) {
        items.push({ text: stripMarker(t), end: p.line_end });
      } else if (m === 'cn' && style !== 'cn') {
        break; // 二、机构设置… ends the list
      } else if (items.length > 0) {
        // a line broken off the previous item
        items[items.length - 1].text += t;
        items[items.length - 1].end = p.line_end;
      }
      last = p.line_end;
      if (items.length === 0 && j > i + 4) break; // no list follows this heading (a table of contents)
    }
    if (items.length > 0) {
      ctx.claim(paras[i].line_start, Math.max(last, items[items.length - 1].end), 'profile');
      return items.map((x) => x.text).filter((x) => x.length > 0);
    }
  }
  return [];
}

const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

export function chineseCount(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 1) return CN_NUM[s] ?? null;
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? CN_NUM[m[1]] : 1) * 10 + (m[2] ? CN_NUM[m[2]] : 0);
  return null;
}

const UNIT_SENTENCE = /(预算单位|基层单位|下属单位|所属单位|二级单位|汇编范围的单位|纳入.{0,12}范围的单位|单位构成)/;
const LIST_INTRO = /(?:包括|分别是|分别为|具体是|具体为|含)[：:]?/;

function budgetUnits(ctx: RecognizeContext, paras: Paragraph[]): string[] {
  for (const p of paras) {
    if (p.heading || !UNIT_SENTENCE.test(p.text) || /^(目\s*录|[-•])/.test(p.text)) continue;
    const text = p.text.replace(/\s+/g, '');
    const countM = /(?:单位|预算单位)(?:共有|共|有)?(\d+|[一二两三四五六七八九十]{1,3})(?:个|家)/.exec(text) ??
      /(\d+|[一二两三四五六七八九十]{1,3})(?:个|家)(?:预算单位|基层单位|下属单位|二级单位|单位)/.exec(text);
    const count = countM ? chineseCount(countM[1]) : null;
    const withHead = /(?:由|包括|涵盖)(?:本)?(?:机关|本级)(?:及|和|与)/.test(text);
    const intro = LIST_INTRO.exec(text.slice(countM ? countM.index : 0));
    let units: string[] = [];
    if (intro) {
      const start = (countM ? countM.index : 0) + intro.index + intro[0].length;
      const rest = text.slice(start).split(/[。；;]/)[0];
      units = rest
        .split(/[、，,]|(?:以及|及|和)(?=[\u4e00-\u9fa5]{2,}(?:局|中心|委|办|院|所|站|队|处|会|馆|校|室))/)
        .map((s) => s.replace(/^(?:等|以及|及|和)/, '').replace(/(?:等(?:\d+个)?单位?)$/, '').trim())
        .filter((s) => s.length >= 2 && s.length <= 40 && /[局委办厅中心院所站队处会馆校室部司团社场]$/.test(s));
    }
    const listed = units.length;
    if (withHead && !units.includes(ctx.department)) units.unshift(ctx.department);
    if (units.length === 0 && count === 1) units = [ctx.department];
    if (units.length === 0) continue;
    // "由机关及下属二家单位组成" counts the subordinate units only
    if (count !== null && count !== units.length && !(withHead && count === listed)) {
      ctx.warn(p.line_start, `预算单位数量（${count}个）与列出的单位名称数（${units.length}个）不一致`);
    }
    ctx.claim(p.line_start, p.line_end, 'profile');
    return [...new Set(units)];
  }
  return [];
}

const QUALIFIED = /(行政|事业|补助|自收自支|工勤|参公|机关|聘用|其他|由养老保险基金发放养老金的)$/;

/** First `re` match whose text right before is not a sub-category qualifier (行政编制 …). */
function firstTotal(text: string, re: RegExp): { value: number; index: number } | null {
  for (const m of text.matchAll(re)) {
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    if (QUALIFIED.test(before)) continue;
    return { value: Number(m[1]), index: m.index };
  }
  return null;
}

function staffing(ctx: RecognizeContext, paras: Paragraph[]): Staffing {
  const empty: Staffing = { authorized: null, actual: null, in_service: null, retired: null, source: null };
  const KEY = /(编制|实有人数|在职人|离退休|退休人)/;
  const startIdx = paras.findIndex((p) => !p.heading && KEY.test(p.text) && /\d+\s*人/.test(p.text));
  if (startIdx < 0) return empty;
  const window = paras.slice(startIdx, startIdx + 3).filter((p) => !p.heading && KEY.test(p.text));
  const text = window.map((p) => p.text.replace(/\s+/g, '')).join('；');
  const N = '(?:人数|人员)?(?:小计|合计|总数|总计)?(?:实有数|实有)?(?:为|共|有)?(\\d+)(?:人|名)';
  const authorized = firstTotal(text, new RegExp(`编制${N}`, 'g'));
  const actual = firstTotal(text, new RegExp(`(?<!在职人员|在职|离退休人员|离退休)实有${N}`, 'g'));
  const inService = firstTotal(text, new RegExp(`在职${N}`, 'g'));
  let retired: number | null = firstTotal(text, new RegExp(`离退休${N}`, 'g'))?.value ?? null;
  if (retired === null) {
    const li = firstTotal(text, new RegExp(`离休${N}`, 'g'));
    const tui = firstTotal(text, new RegExp(`(?<!离)退休${N}`, 'g'));
    if (li || tui) retired = (li?.value ?? 0) + (tui?.value ?? 0);
  }
  if (!authorized && !actual && !inService && retired === null) return empty;
  const start = window[0].line_start;
  const end = window[window.length - 1].line_end;
  ctx.claim(start, end, 'profile');
  return {
    authorized: authorized?.value ?? null,
    actual: actual?.value ?? null,
    in_service: inService?.value ?? null,
    retired,
    source: ctx.ref(start, end),
  };
}

export function recognizeProfile(ctx: RecognizeContext): Profile {
  try {
    const paras = paragraphs(ctx.seg);
    return {
      responsibilities: responsibilities(ctx, paras),
      budget_units: budgetUnits(ctx, paras),
      staffing: staffing(ctx, paras),
    };
  } catch {
    ctx.warn(null, '部门概况（职责、预算单位、人员）识别失败，已跳过');
    return {
      responsibilities: [],
      budget_units: [],
      staffing: { authorized: null, actual: null, in_service: null, retired: null, source: null },
    };
  }
}

export const profileRecognizer = defineRecognizer({
  id: 'profile',
  label: '部门概况（预算单位、人员编制、职责）',
  deps: [],
  run: (ctx) => recognizeProfile(ctx),
  empty: () => ({ budget_units: [], staffing: { authorized: null, actual: null, in_service: null, retired: null, source: null }, responsibilities: [] }),
});
