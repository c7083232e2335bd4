/**
 * @module The platform itself as a capability: reference data, organisations, users, sessions, audit
 * tables, login and profile pages, front page, health and API docs, and the demo organisations and users.
 */
import type { Capability } from './core/capability.js';
import { authMigrations } from './core/auth/auth.migrations.js';
import { authRoutes } from './core/auth/auth.routes.js';
import { platformRoutes } from './core/http/platform.routes.js';
import { referenceMigrations } from './reference/reference.migrations.js';
import { referenceRoutes } from './reference/reference.routes.js';
import { seedPlatform } from './core/seed/platform.seed.js';
import './reference/reference.table.js';
import './core/auth/auth.table.js';

export const platform: Capability = {
  name: 'platform',
  migrations: { ...referenceMigrations, ...authMigrations },
  routes: (app, ctx) => {
    platformRoutes(app, ctx);
    authRoutes(app, ctx);
    referenceRoutes(app, ctx);
  },
  nav: [
    { href: '/', label: 'Forside', order: 0 },
    { href: '/grunddata', label: 'Grunddata', description: 'regioner, rammeaftaleområder, lovgrundlag og målgrupper med gyldighedsdatoer', isVisible: (a) => !!a, order: 80 },
  ],
  seed: seedPlatform,
};
