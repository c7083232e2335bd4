/**
 * @module The health checks: live (the process and its database answer) and ready (the database answers and
 * every migration this code has is applied, so a load balancer sends no traffic to a process on an old schema
 * or one still waiting for another's migration). Anyone may ask (load balancers, monitoring).
 */
import { allow, requireAccess, type Policies } from '../access/access.js';
import type { Ctx } from '../capability.js';
import { ping } from '../db/maintenance.repository.js';
import { pendingMigrations } from '../db/migrate.js';

declare module '../access/access.js' {
  interface Permissions {
    /** The health check: anyone. */
    'platform.health': Record<string, never>;
  }
}

export const healthPermissions: Policies = { 'platform.health': () => allow };

/** True when the database answers. */
export async function isHealthy(ctx: Ctx): Promise<boolean> {
  requireAccess(ctx, 'platform.health', {});
  try {
    await ping(ctx.db);
    return true;
  } catch {
    return false;
  }
}

export type Readiness = { isReady: true } | { isReady: false; reason: string };

/** Ready when the database answers and no migration is pending. */
export async function readiness(ctx: Ctx): Promise<Readiness> {
  requireAccess(ctx, 'platform.health', {});
  try {
    await ping(ctx.db);
  } catch {
    return { isReady: false, reason: 'Databasen kan ikke nås.' };
  }
  const pending = await pendingMigrations(ctx.db, ctx.capabilities).catch(() => null);
  if (pending === null) return { isReady: false, reason: 'Databasens migrationer kan ikke læses.' };
  if (pending.length) return { isReady: false, reason: `Databasen mangler ${pending.length} migrationer (${pending.slice(0, 3).join(', ')}).` };
  return { isReady: true };
}
