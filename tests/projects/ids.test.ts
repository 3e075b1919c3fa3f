/** Project ids are permalinks: the same project keeps its id whatever the order of the document. */
import { describe, expect, it } from 'vitest';
import { mergeDrafts } from '../../scripts/recognize/projects/merge.js';
import { newDraft, setIfEmpty, type ProjectDraft } from '../../scripts/recognize/projects/draft.js';

function draft(name: string, line: number, fields: Partial<Pick<ProjectDraft, 'code' | 'implementing_unit' | 'budget'>>): ProjectDraft {
  const d = newDraft(name, 'table', { file: 'a.txt', line_start: line, line_end: line });
  for (const [k, v] of Object.entries(fields)) setIfEmpty(d, k as 'code', v as string);
  return d;
}

describe('project ids', () => {
  const a = draft('车辆购置经费', 10, { implementing_unit: '某市公路事务中心', budget: 120 });
  const b = draft('车辆购置经费', 20, { implementing_unit: '某市港航事务中心', budget: 80 });
  const c = draft('车辆购置经费', 30, { code: '44010021000000123456', implementing_unit: '某市航道事务中心', budget: 15 });
  const only = draft('智慧交通平台运维', 40, { budget: 300 });

  it('a unique name gives the plain id; shared names are told apart by code, else implementing unit', () => {
    const ids = mergeDrafts([a, b, c, only], 'doc').map((p) => p.id);
    expect(ids).toContain('doc--zhi-hui-jiao-tong-ping-tai-yun-wei');
    expect(ids).toContain('doc--che-liang-gou-zhi-jing-fei-mou-shi-gong-lu-shi-wu-zhong-xin');
    expect(ids).toContain('doc--che-liang-gou-zhi-jing-fei-44010021000000123456');
    expect(ids).toContain('doc--che-liang-gou-zhi-jing-fei-mou-shi-gang-hang-shi-wu-zhong-xin');
    expect(new Set(ids).size).toBe(4);
  });

  it('does not depend on the order the projects appear in', () => {
    const byName = (ps: ReturnType<typeof mergeDrafts>) => Object.fromEntries(ps.map((p) => [`${p.implementing_unit}|${p.budget}`, p.id]));
    const clone = (d: ProjectDraft) => structuredClone(d);
    const forward = byName(mergeDrafts([a, b, c, only].map(clone), 'doc'));
    const reversed = byName(mergeDrafts([only, c, b, a].map(clone), 'doc'));
    expect(reversed).toEqual(forward);
  });
});
