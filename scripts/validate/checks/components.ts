/**
 * Parts add up inside one statement: “三公”经费 = 因公出国(境) + 公务用车 + 公务接待 (and 公务用车 =
 * 购置 + 运行维护), for the budget and the actual column; 政府采购 total = 货物 + 工程 + 服务.
 */
import type { Finding, ThreePublic } from '../../model/schema.js';
import { mismatch, sum, type CheckDoc } from '../util.js';

export function checkThreePublic(doc: CheckDoc): Finding[] {
  const out: Finding[] = [];
  const item = (k: ThreePublic['item']) => doc.three_public.find((x) => x.item === k);
  const total = item('total');
  for (const col of ['budget', 'actual'] as const) {
    const label = col === 'budget' ? '预算数' : '决算数';
    const vt = item('vehicles_total');
    const vp = item('vehicle_purchase');
    const vo = item('vehicle_operation');
    if (vt && vt[col] !== null && (vp?.[col] != null || vo?.[col] != null)) {
      const f = mismatch('three_public_sum', 'error', `“三公”经费${label}中公务用车购置及运行维护费与购置费＋运行维护费之和不符（第 ${vt.source.line_start} 行）`, vt[col]!, sum([vp?.[col], vo?.[col]]), vt.source, 2);
      if (f) out.push(f);
    }
    if (!total || total[col] === null) continue;
    const vehicles = vt?.[col] ?? (vp?.[col] != null || vo?.[col] != null ? sum([vp?.[col], vo?.[col]]) : null);
    const parts = [item('overseas_travel')?.[col], vehicles, item('reception')?.[col]];
    if (parts.every((p) => p === null || p === undefined)) continue;
    const f = mismatch('three_public_sum', 'error', `“三公”经费${label}合计与因公出国（境）费、公务用车购置及运行维护费、公务接待费之和不符（第 ${total.source.line_start} 行）`, total[col]!, sum(parts), total.source, 3);
    if (f) out.push(f);
  }
  return out;
}

export function checkProcurement(doc: CheckDoc): Finding[] {
  const out: Finding[] = [];
  const total = doc.procurement.find((p) => p.category === 'total');
  if (!total) return out;
  const parts = doc.procurement.filter((p) => p.category === 'goods' || p.category === 'works' || p.category === 'services');
  if (parts.length >= 2) {
    const f = mismatch('procurement_sum', 'warning', `政府采购总额与货物、工程、服务三类之和不符（第 ${total.source.line_start} 行）`, total.amount, sum(parts.map((p) => p.amount)), total.source, parts.length);
    if (f) out.push(f);
  }
  const items = doc.procurement.filter((p) => p.category === 'item');
  if (items.length > 0) {
    const f = mismatch('procurement_sum', 'warning', `政府采购预算表 ${items.length} 个采购明细之和与政府采购总额（第 ${total.source.line_start} 行）不符`, total.amount, sum(items.map((p) => p.amount)), total.source, items.length);
    if (f) out.push(f);
  }
  return out;
}
