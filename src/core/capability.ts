/**
 * @module What a capability (offerings, tariffs, agreements, …) plugs into the platform. The list of
 * capabilities lives in src/capabilities.ts; nothing else needs editing to add one.
 */
import type { FastifyInstance } from 'fastify';
import type { Migration } from 'kysely';
import type { Actor } from './auth/actor.js';
import type { Config } from './config.js';
import type { Db } from './db/types.js';
import type { IndicatorComputation } from './indicators.js';

export type AppContext = { db: Db; config: Config };

export type NavItem = { href: string; label: string; description?: string; isVisible?: (actor: Actor | null) => boolean; order: number };

export type SeedContext = {
  db: Db;
  scope: 'sjaelland' | 'national';
  /** Deterministic random numbers in [0, 1) from the seed. */
  random: () => number;
  log: (message: string) => void;
};

export type Capability = {
  name: string;
  /** Migration names sort globally: 0001-0099 platform, then 0100 per capability (0100, 0200, …). */
  migrations?: Record<string, Migration>;
  routes?: (app: FastifyInstance, ctx: AppContext) => void | Promise<void>;
  nav?: NavItem[];
  /** Demo data, run in list order after the platform's own demo data. */
  seed?: (ctx: SeedContext) => Promise<void>;
  /** Computed indicators this capability offers to the agreement cycle. */
  indicators?: IndicatorComputation[];
};
