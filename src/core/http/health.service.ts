/**
 * @module The health check: is the database reachable? Anyone may ask (load balancers, monitoring).
 */
import { allow, requireAccess, type Policies } from '../access/access.js';
import type { Ctx } from '../capability.js';
import { ping } from '../db/maintenance.repository.js';

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
