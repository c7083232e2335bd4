/**
 * @module Builds the app context from the capability list, and call contexts from it.
 */
import { mergePolicies } from './access/access.js';
import type { Actor } from './auth/actor.js';
import type { ActorAreas, AppContext, AuditEntity, Capability, Ctx, RequestInfo } from './capability.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import type { Db } from './db/types.js';
import type { IndicatorComputation } from './indicators.js';

export function createAppContext(options: { db: Db; config: Config; capabilities: readonly Capability[]; clock?: Clock }): AppContext {
  const { capabilities } = options;
  const indicators = new Map<string, IndicatorComputation>();
  const auditEntities: Record<string, AuditEntity> = {};
  let actorAreas: ActorAreas | undefined;
  for (const c of capabilities) {
    if (c.actorAreas) {
      if (actorAreas) throw new Error(`To kapabiliteter giver aktørens områder (actorAreas); ${c.name} er den anden.`);
      actorAreas = c.actorAreas;
    }
    for (const i of c.indicators ?? []) {
      if (indicators.has(i.code)) throw new Error(`Indikatoren ${i.code} findes to gange.`);
      indicators.set(i.code, i);
    }
    for (const [type, entity] of Object.entries(c.auditEntities ?? {})) {
      if (auditEntities[type]) throw new Error(`Ændringslogtypen ${type} er defineret to gange.`);
      auditEntities[type] = entity;
    }
  }
  return {
    db: options.db,
    config: options.config,
    clock: options.clock ?? systemClock,
    capabilities,
    policies: mergePolicies(capabilities.map((c) => c.permissions)),
    indicators,
    auditEntities,
    actorAreas: actorAreas ?? (async () => []),
  };
}

/** A call context for an actor (null: anonymous, or the system itself in commands and seeds). */
export const callContext = (app: AppContext, actor: Actor | null, request: RequestInfo | null = null): Ctx => ({ ...app, actor, request });
