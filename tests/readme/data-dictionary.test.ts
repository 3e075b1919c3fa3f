/** The README's data dictionary is the one generated from the datapackage.json the pipeline writes. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPipeline } from '../../scripts/pipeline/run.js';
import { outputPaths, writeOutputs } from '../../scripts/emit/index.js';
import { renderDictionary, replaceSection } from '../../scripts/cli/data-dictionary.js';

describe('README data dictionary', () => {
  it('matches the datapackage.json built from the embedded corpus', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dict-'));
    try {
      const r = await runPipeline('content/sources', { log: () => {}, cache: false });
      await writeOutputs({ documents: r.documents, errors: r.errors }, out);
      const pkg = JSON.parse(readFileSync(join(outputPaths(out).data, 'datapackage.json'), 'utf8'));
      const readme = readFileSync('README.md', 'utf8');
      // If this fails: npm run build && npx tsx scripts/cli/data-dictionary.ts --write
      expect(readme).toBe(replaceSection(readme, renderDictionary(pkg)));
      for (const f of ['documents.csv', 'projects.csv', 'indicators.csv', 'findings.csv', 'disclosure.csv']) expect(readme).toContain(`\`${f}\``);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
