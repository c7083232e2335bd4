/**
 * @module The agreement cycle (rammeaftalen) as a capability: agreements with focus areas, objectives and
 * indicators, joint principles with each member's status, the process plan, input rounds, hearing, approval and
 * the published document.
 */
import type { Capability } from '../core/capability.js';
import { agreementsApi } from './agreements.api.js';
import { commitmentsImplemented } from './agreements.indicators.js';
import { agreementsMigrations } from './agreements.migrations.js';
import { seedAgreements } from './agreements.seed.js';
import './agreements.table.js';

export const agreements: Capability = {
  name: 'agreements',
  migrations: agreementsMigrations,
  routes: (app, ctx) => {
    agreementsApi(app, ctx);
  },
  nav: [{ href: '/aftaler', label: 'Rammeaftaler', description: 'aftalerne med fokusområder, principper, proces, høring og godkendelse', order: 20 }],
  seed: seedAgreements,
  indicators: [commitmentsImplemented],
};
