/**
 * @module Runs every capability's demo-data step in order, in one transaction-free pass (each step batches).
 */
import type { Capability, SeedContext } from '../capability.js';
import { systemClock, type Clock } from '../clock.js';
import { countDemoUsers } from '../auth/auth.repository.js';
import { analyze } from '../db/maintenance.repository.js';
import type { Db } from '../db/types.js';
import { seededRandom } from './random.js';

export async function hasDemoData(db: Db): Promise<boolean> {
  return (await countDemoUsers(db)) > 0;
}

export async function seedDemo(
  db: Db,
  capabilities: readonly Capability[],
  options: { scope: SeedContext['scope']; seed: number; log?: (m: string) => void; clock?: Clock },
): Promise<void> {
  const log = options.log ?? (() => {});
  const clock = options.clock ?? systemClock;
  for (const capability of capabilities) {
    if (!capability.seed) continue;
    const started = Date.now();
    // Each capability gets its own stream, so adding data in one does not change another's.
    const random = seededRandom(options.seed * 7919 + [...capability.name].reduce((s, c) => s + c.charCodeAt(0), 0));
    await capability.seed({ db, clock, scope: options.scope, random, log: (m) => log(`  ${capability.name}: ${m}`) });
    log(`${capability.name}: demodata på ${Date.now() - started} ms (proces-RSS ${Math.round(process.memoryUsage().rss / 1048576)} MB)`);
  }
  // PGlite has no autovacuum, so the planner has no statistics until someone runs ANALYZE.
  await analyze(db);
}
