/**
 * @module What a capability (offerings, tariffs, agreements, …) plugs into the platform, and the contexts
 * every route and service works in. The list of capabilities lives in src/capabilities.ts and is passed in
 * (core never imports it).
 */
import type { FastifyInstance } from 'fastify';
import type { Migration } from 'kysely';
import type { Policies } from './access/access.js';
import type { Actor } from './auth/actor.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Db, Queryable } from './db/types.js';
import type { IndicatorComputation } from './indicators.js';

export type NavItem = { href: string; label: string; description?: string; isVisible?: (actor: Actor | null) => boolean; order: number };

export type SeedContext = {
  db: Db;
  clock: Clock;
  scope: 'sjaelland' | 'national';
  /** Deterministic random numbers in [0, 1) from the seed. */
  random: () => number;
  log: (message: string) => void;
};

/** How the audit log names and links one kind of entity (e.g. 'offering'). */
export type AuditEntity = {
  /** Danish name of the kind, e.g. 'Tilbud'. */
  label: string;
  /** Page of one entity, or null when it has none (deleted, or no page). */
  href?: (entityId: string) => string | null;
  /** Danish labels of the fields that appear in before/after, by camelCase key. */
  fieldLabels?: Record<string, string>;
};

/**
 * The agreement areas an organisation belongs to (members) or administers (secretariat) on a date: what an
 * actor's `areaIds` are. Core cannot import the capability that owns the areas, so that capability provides it.
 */
export type ActorAreas = (db: Queryable, organisationId: number, date: string) => Promise<number[]>;

/** One thing waiting for the actor (a tariff to submit, a hearing to answer): where to do it and by when ('YYYY-MM-DD'). */
export type DueItem = { title: string; href: string; due: string | null; detail?: string };
/** A capability's due items under one heading, with the page that lists them all. */
export type DueGroup = { heading: string; href: string; items: DueItem[] };
/** What is due for the actor in one capability (the front page's work list); empty for those with nothing to do. */
export type DueItems = (ctx: Ctx) => Promise<DueGroup[]>;

/** A background job a capability runs (see core/jobs.ts): on its schedule, and when queued. */
export type Job = {
  name: string;
  /** Cron schedule in Danish time (e.g. '0 7 * * *' every morning at 7); none: only when queued. */
  cron?: string;
  /** How often an idle process looks for queued runs (default 30 s). */
  pollingSeconds?: number;
  run: (app: AppContext) => Promise<void>;
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
  /** The access rules behind this capability's permissions (see core/access/access.ts). */
  permissions?: Policies;
  /** How the audit log labels and links this capability's entities, by entity type. */
  auditEntities?: Record<string, AuditEntity>;
  /** What is due for the actor in this capability, for the front page (see `DueItems`). */
  dueItems?: DueItems;
  /** Background jobs (reminders, …), run by pg-boss in whichever process takes them. */
  jobs?: Job[];
  /**
   * Asked before an offering is closed in the register (status `lukket`), inside the closing transaction: a Danish
   * reason to refuse, or null. The cooperation refuses a residential offering whose closure its area's rule
   * requires a finished joint consultation for.
   */
  beforeOfferingClosed?: (ctx: Ctx, db: Queryable, offeringId: number) => Promise<string | null>;
  /** Provided by the capability that owns the agreement areas (the platform): see `ActorAreas`. */
  actorAreas?: ActorAreas;
};

/** Process-wide: the database, configuration, clock and what the capabilities contribute. */
export type AppContext = {
  db: Db;
  config: Config;
  clock: Clock;
  capabilities: readonly Capability[];
  policies: Policies;
  /** Every computed indicator offered by any capability, by code. */
  indicators: ReadonlyMap<string, IndicatorComputation>;
  auditEntities: Readonly<Record<string, AuditEntity>>;
  /** The actor's agreement areas on a date (from the capability that provides `actorAreas`; none without one). */
  actorAreas: ActorAreas;
};

export type RequestInfo = { id: string; ip: string };

/** One call: the app context plus who is asking and from which request. Services take this as `ctx`. */
export type Ctx = AppContext & { actor: Actor | null; request: RequestInfo | null };
