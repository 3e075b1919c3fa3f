/**
 * Merge drafts (one per mention) into one Project per project.
 *
 * Two drafts are the same project when
 *  1. their normalized names are equal (quotes, spaces, trailing 项目, doubled phrases ignored), or
 *  2. they state the same budget AND their names are similar (one contained in the other, or nearly
 *     equal) — the budget is the evidence that "外包人员经费" and "外包工作人员经费" are one project.
 * Distinct projects that merely share words ("一网通办工作经费" 381.22 vs "江汉区政务服务“一网通办”项目"
 * 55.62) differ in budget and are never merged; two drafts with different codes are not merged by
 * similarity either. A shared code alone is not evidence (documents reuse codes).
 */
import type { Indicator, Project, SourceRef } from '../../model/schema.js';
import { shortHash, slugify } from '../../normalize/slug.js';
import { type ProjectDraft, ORIGIN_RANK } from './draft.js';
import { displayName, lcsLength, nameKey, similarNames } from './names.js';
import { parseTarget, targetKey } from '../indicators/target.js';

/** Target fields copied from `from`, or parsed from a bare target text. */
function targetFields(from: Indicator | null, raw: string): Pick<Indicator, 'target_raw' | 'operator' | 'value' | 'value_max' | 'unit'> {
  if (from) return { target_raw: from.target_raw, operator: from.operator, value: from.value, value_max: from.value_max, unit: from.unit };
  const t = parseTarget(raw);
  return { target_raw: raw, operator: t.operator, value: t.value, value_max: t.value_max, unit: t.unit };
}

function sameBudget(a: ProjectDraft, b: ProjectDraft): boolean {
  const va = a.budget ?? null;
  const vb = b.budget ?? null;
  return va !== null && vb !== null && va === vb;
}

/** Both units named and different; a unit name cut by a wrapped cell (one a prefix or suffix of the other) is the same. */
function differentUnits(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const x = a.replace(/\s+/g, '');
  const y = b.replace(/\s+/g, '');
  if (x.length < 2 || y.length < 2) return false;
  if (x === y) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  // "杭州市公安局" and "杭州市公安局交通管理支队" are two units; "杭州市公安局交通治安分局（水上" is a cut of
  // "杭州市公安局交通治安分局（水上治安分局）": a cut leaves its brackets unbalanced.
  const open = (short.match(/[(（]/g) ?? []).length;
  const close = (short.match(/[)）]/g) ?? []).length;
  if (open === close) return true;
  return !(long.startsWith(short) || long.endsWith(short));
}

function unitConflict(a: ProjectDraft, b: ProjectDraft): boolean {
  return a.origin === 'table' && b.origin === 'table' && differentUnits(a.implementing_unit, b.implementing_unit);
}

/**
 * Two table rows told apart by a bracketed qualifier and their budgets ("…经费（越秀区）" 238,
 * "…经费（海珠区）" 619.5): the same project for several districts, each a project of its own.
 */
function qualifierConflict(a: ProjectDraft, b: ProjectDraft): boolean {
  if (a.origin !== 'table' || b.origin !== 'table' || !differentKnown(a.budget, b.budget)) return false;
  const tail = (d: ProjectDraft) => /[(（]([^()（）]+)[)）]$/.exec(d.name.replace(/\s+/g, ''))?.[1] ?? null;
  const ta = tail(a);
  const tb = tail(b);
  return ta !== null && tb !== null && ta !== tb;
}

/** Both budgets stated, and different. */
function differentKnown(a: number | null | undefined, b: number | null | undefined): boolean {
  return a != null && b != null && a !== b;
}

function mayMerge(a: ProjectDraft, b: ProjectDraft): boolean {
  const ka = nameKey(a.name);
  const kb = nameKey(b.name);
  if (!ka || !kb) return false;
  if (qualifierConflict(a, b)) return false;
  // Two table rows of different units ("日常保障运行" of each unit) are different projects.
  if (unitConflict(a, b)) return false;
  if (ka === kb) return true;
  if (a.code && b.code && a.code !== b.code) return false;
  return sameBudget(a, b) && similarNames(ka, kb);
}

export function mergeDrafts(drafts: ProjectDraft[], document_id: string): Project[] {
  // Table rows naming their unit go before rows that lost it, so that the latter join the right unit.
  const unitless = (d: ProjectDraft) => (d.origin === 'table' && !d.implementing_unit ? 1 : 0);
  const ordered = [...drafts].sort((x, y) => ORIGIN_RANK[x.origin] - ORIGIN_RANK[y.origin] || unitless(x) - unitless(y));
  // Greedy clustering in source-priority order: a draft joins the first cluster with a member it may merge with.
  const clusters: ProjectDraft[][] = [];
  for (const d of ordered) {
    if (!nameKey(d.name)) continue;
    // A function classification ("科学技术支出（类）应用研究（款）…（项）") is never a project.
    if (/[(（]类[)）].*[(（]款[)）]/.test(d.name)) continue;
    // A row without its unit must not chain the same name of two units into one project.
    const candidates = clusters.filter((cl) => cl.some((m) => mayMerge(m, d)) && !cl.some((m) => unitConflict(m, d) || qualifierConflict(m, d)));
    // Several units have a project of this name: the one with the same budget.
    const c = (unitless(d) && candidates.find((cl) => cl.some((m) => sameBudget(m, d)))) || candidates[0];
    if (c) c.push(d);
    else clusters.push([d]);
  }
  // Keep the document's order of first mention for output.
  const firstLine = (cl: ProjectDraft[]) => Math.min(...cl.flatMap((d) => d.sources.map((s) => s.line_start)));
  clusters.sort((a, b) => firstLine(a) - firstLine(b));

  return withStableIds(clusters.map((cl) => toProject(cl, document_id)));
}

/**
 * Ids that survive a rebuild and a reordering: projects sharing a name within a document (often one
 * per budget unit) all get a suffix from what tells them apart — the project code, else the
 * implementing unit, else a hash of their figures — never from their position in the document.
 */
function withStableIds(projects: Project[]): Project[] {
  const byBase = new Map<string, Project[]>();
  for (const p of projects) byBase.set(p.id, [...(byBase.get(p.id) ?? []), p]);
  for (const [base, group] of byBase) {
    if (group.length === 1) continue;
    for (const p of group) {
      const code = p.code ? p.code.toLowerCase().replace(/[^a-z0-9]+/g, '') : '';
      const unit = p.implementing_unit ? slugify(p.implementing_unit, 40) : '';
      const twins = (key: (q: Project) => string) => group.filter((q) => key(q) === key(p)).length > 1;
      const suffix =
        code && !twins((q) => q.code ?? '')
          ? code
          : unit && !twins((q) => q.implementing_unit ?? '')
            ? unit
            : shortHash(JSON.stringify([p.implementing_unit, p.budget, p.code, p.category, p.overview, p.indicators.length]), 6);
      p.id = `${base}-${suffix}`;
    }
  }
  // identical twins (same name, unit and figures) are told apart by their order, the only difference left
  const seen = new Set<string>();
  for (const p of projects) {
    const id = p.id;
    for (let n = 2; seen.has(p.id); n++) p.id = `${id}-${n}`;
    seen.add(p.id);
  }
  return projects;
}

function pickName(cl: ProjectDraft[]): { name: string; aliases: string[] } {
  // The most complete spelling: the longest normalized name; ties go to the more structured source.
  const names = cl.map((d) => displayName(d.name)).filter((n) => n);
  let best = names[0];
  for (const n of names) if (nameKey(n).length > nameKey(best).length) best = n;
  const aliases: string[] = [];
  for (const d of cl) {
    const raw = displayName(d.name);
    if (raw && raw !== best && !aliases.includes(raw)) aliases.push(raw);
  }
  return { name: best, aliases };
}

function first<T>(cl: ProjectDraft[], get: (d: ProjectDraft) => T | null | undefined): T | null {
  for (const d of cl) {
    const v = get(d);
    if (v !== null && v !== undefined && v !== '') return v;
  }
  return null;
}

function toProject(cl: ProjectDraft[], document_id: string): Project {
  const { name, aliases } = pickName(cl);
  return {
    id: `${document_id}--${slugify(name)}`,
    document_id,
    name,
    aliases,
    code: first(cl, (d) => d.code),
    budget: first(cl, (d) => d.budget),
    initial_budget: first(cl, (d) => d.initial_budget),
    executed: first(cl, (d) => d.executed),
    total_budget: first(cl, (d) => d.total_budget),
    category: first(cl, (d) => d.category),
    frequency: first(cl, (d) => d.frequency),
    period: first(cl, (d) => d.period),
    start_date: first(cl, (d) => d.start_date),
    end_date: first(cl, (d) => d.end_date),
    implementing_unit: first(cl, (d) => d.implementing_unit),
    overview: first(cl, (d) => d.overview),
    basis: first(cl, (d) => d.basis),
    plan: first(cl, (d) => d.plan),
    annual_goal: first(cl, (d) => d.annual_goal),
    self_evaluation_score: first(cl, (d) => d.self_evaluation_score),
    indicators: mergeIndicators(cl.map((d) => d.indicators)),
    sources: mergeSources(cl.flatMap((d) => d.sources)),
  };
}

function indicatorNameKey(s: string): string {
  return s.replace(/[\s"'“”‘’「」]/g, '').replace(/[(（]%[)）]/g, '').replace(/[。，,.;；：:]/g, '');
}

/**
 * Same indicator in two sources: same name and same target (or one without a target), or — with the
 * same non-empty target — names differing by one character or by a short tail ("占比"/"占比率",
 * "真实支付"/"其实支付": typos between the table and the narrative).
 */
function sameIndicator(a: Indicator, b: Indicator): boolean {
  const na = indicatorNameKey(a.level3);
  const nb = indicatorNameKey(b.level3);
  const ta = targetKey(a.target_raw);
  const tb = targetKey(b.target_raw);
  if (na === nb) return ta === tb || !ta || !tb;
  if (!ta || ta !== tb) return false;
  const [s, l] = na.length <= nb.length ? [na, nb] : [nb, na];
  if (s.length < 4) return false;
  if (l.startsWith(s) && l.length - s.length <= 2) return true;
  return l.length - s.length <= 1 && l.length >= 6 && lcsLength(s, l) >= l.length - 1;
}

/**
 * A narrative line with no separator ("长效机制建设逐步完善") is the name of an indicator from another
 * source followed by its target. When `long` has no target and its name is `short`'s name plus a
 * tail that equals `short`'s target (or `short` states none), return that tail as the target.
 */
function splitByKnownName(long: Indicator, short: Indicator): string | null {
  if (long.target_raw) return null;
  const nl = indicatorNameKey(long.level3);
  const ns = indicatorNameKey(short.level3);
  if (ns.length < 2 || nl.length <= ns.length || !nl.startsWith(ns)) return null;
  const tail = nl.slice(ns.length);
  if (/\d/.test(tail)) return null; // a numeric tail would have been split by splitNameTarget
  const ts = targetKey(short.target_raw);
  if (ts && ts !== targetKey(tail)) return null;
  return tail;
}

/**
 * Indicators from several sources: the same indicator stated twice (table and narrative) is kept once.
 * Same name and same target (or one of them without a target) = duplicate; the kept one is completed
 * from the other. Within one source nothing is dropped (a table may list the same name twice with
 * different targets under different 二级).
 */
export function mergeIndicators(lists: Indicator[][]): Indicator[] {
  const out: Indicator[] = [];
  const ownerOf = new Map<Indicator, number>();
  lists.forEach((list, li) => {
    for (const ind of list) {
      let dup = out.find(
        (o) =>
          ownerOf.get(o) !== li &&
          sameIndicator(o, ind),
      );
      if (!dup) {
        // Name + target run together in one source: split at the other source's name.
        for (const o of out) {
          if (ownerOf.get(o) === li) continue;
          const tailO = splitByKnownName(o, ind);
          if (tailO !== null) {
            Object.assign(o, { level3: ind.level3, ...targetFields(ind.target_raw ? ind : null, tailO) });
            dup = o;
            break;
          }
          const tailI = splitByKnownName(ind, o);
          if (tailI !== null) {
            if (!o.target_raw) Object.assign(o, targetFields(null, tailI));
            dup = o;
            break;
          }
        }
      }
      if (!dup) {
        const copy = { ...ind };
        out.push(copy);
        ownerOf.set(copy, li);
        continue;
      }
      if (!dup.target_raw && ind.target_raw) {
        Object.assign(dup, {
          target_raw: ind.target_raw,
          operator: ind.operator,
          value: ind.value,
          value_max: ind.value_max,
          unit: ind.unit,
        });
      }
      dup.level1 ??= ind.level1;
      dup.level2 ??= ind.level2;
      dup.actual_raw ??= ind.actual_raw;
      dup.weight ??= ind.weight;
      dup.score ??= ind.score;
      dup.note ??= ind.note;
    }
  });
  return out;
}

function mergeSources(sources: SourceRef[]): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const s of sources) seen.set(`${s.file}:${s.line_start}:${s.line_end}`, s);
  return [...seen.values()].sort((a, b) => a.line_start - b.line_start || a.line_end - b.line_end);
}
