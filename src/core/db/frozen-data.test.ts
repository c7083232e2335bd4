/**
 * A shipped migration's rows are frozen in `NNNN_name.data.ts` beside it and must never change (see the header
 * of each file): this test holds a digest of each file's exported data, so an edit fails here instead of
 * silently changing what a fresh database gets. A new frozen file gets its digest added below; a changed one
 * means: undo the edit and write a new migration.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { importSource } from '../../testing/source-module.js';

const FROZEN: Record<string, string> = {
  'src/agreements/0300_agreements.data.ts': 'b482cfc6059a289d89fc870b42b4b433a212d47f19f4932941daf6c237267df1',
  'src/placements/0400_placements.data.ts': '1e36eba03d2dab7b86e43e5d1b6e6139d230c8260050001fb5a75573dd97019f',
  'src/placements/0401_public_first_reasons.data.ts': '4dfd2d05bf498c0644dcc5a4f2be80c1d807954cad6d7a9a444f067887836eef',
  'src/placements/0402_contracts.data.ts': '2fb99ed1a34b9eec575d07d1ecfecda711aeabb930594c3e6fd456c5e5adc207',
  'src/placements/0403_contract_terms.data.ts': 'e1d10a09772cd4799889ece5026c917297668e27f72081e32473522754a8b291',
  'src/reference/0001_reference.data.ts': '9a43a3562432ea34562d75140d4b458d531d3d64122a1cc40900c5e217a9c620',
  'src/settlement/0500_settlement.data.ts': '91b26a2e457c6f1913b5413a6f50f9e64438a243aeb49de724640e2e858c883b',
  'src/settlement/0510_followup.data.ts': 'fac7261e51714f61707dce5492db8de8166fb37faa9f9d59981fa2a8d6fbaefd',
  'src/tariffs/0200_tariffs.data.ts': '21f9729c7f3fd6d392020c5737b1db12d1f67c4ec1901c6fdc3f6a15017e2a92',
};

function frozenFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.posix.join(dir, e.name);
    if (e.isDirectory()) return frozenFiles(p);
    return /^\d{4}_[a-z0-9_]+\.data\.ts$/.test(e.name) ? [p] : [];
  });
}

async function digestOf(file: string): Promise<string> {
  const exports = (await importSource(file)) as Record<string, unknown>;
  const data = Object.fromEntries(
    Object.keys(exports)
      .sort()
      .map((k) => [k, exports[k]]),
  );
  return createHash('sha256').update(JSON.stringify(data)).digest('hex');
}

describe('frozen migration data', () => {
  it('knows every frozen data file, and none has changed since its migration shipped', async () => {
    const files = frozenFiles('src').sort();
    assert.deepEqual(files, Object.keys(FROZEN).sort(), 'every NNNN_*.data.ts has a recorded digest here');
    for (const file of files) assert.equal(await digestOf(file), FROZEN[file], `${file} has changed: undo the edit and add a new migration instead`);
  });
});
