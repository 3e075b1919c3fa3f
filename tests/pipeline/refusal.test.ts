/**
 * A file that is not a disclosure at all (a notice, an application form) is refused with a message
 * saying so; a disclosure whose department the recognizer cannot find gets the sidecar hint instead.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../scripts/pipeline/ingest-file';

const dir = mkdtempSync(join(tmpdir(), 'refusal-'));
async function refuse(name: string, text: string) {
  const p = join(dir, name);
  writeFileSync(p, text);
  const r = await ingestFile(p, name);
  expect(r.document).toBeNull();
  return r.errors.find((e) => e.action === 'skipped')!;
}

describe('refusing files that are not disclosures', () => {
  it('says a notice is not a budget disclosure', async () => {
    const e = await refuse('notice.txt', '关于开展巡察工作的通告\n\n根据工作安排，巡察组将进驻开展为期两个月的常规巡察。\n联系电话：0791-12345678\n');
    expect(e.message).toContain('看起来不是部门预算/决算公开文件');
    expect(e.message).toContain('.meta.yaml');
  });

  it('keeps the department hint for a disclosure without a recognizable title', async () => {
    const e = await refuse('untitled.txt', '部门预算公开说明\n\n一、收支总表\n收入\t金额\t支出\t金额\n一般公共预算拨款\t10.00\t一般公共服务支出\t10.00\n\n二、“三公”经费\n本年度“三公”经费预算 0 万元。\n');
    expect(e.message).toContain('无法识别部门名称');
  });
});
