/**
 * @module The agreement cycle (rammeaftalen) as a capability: agreements with focus areas, objectives and
 * indicators, joint principles with each member's status, the process plan, input rounds, hearing, approval and
 * the published document.
 */
import fs from 'node:fs';
import type { Capability } from '../core/capability.js';
import { agreementsApi } from './agreements.api.js';
import { agreementDueItems } from './agreements.public.js';
import { agreementProcessApi } from './process.api.js';
import { agreementsAuditEntities } from './agreements.audit.js';
import { commitmentsImplemented } from './agreements.indicators.js';
import { agreementsMigrations } from './agreements.migrations.js';
import { agreementsPermissions } from './agreements.policy.js';
import { seedAgreements } from './agreements.seed.js';
import { agreementPages } from './pages/agreements.pages.js';
import { contentPages } from './pages/content.pages.js';
import { indicatorPages } from './pages/indicators.pages.js';
import { matrixPages } from './pages/matrix.pages.js';
import { timelinePages } from './pages/timeline.pages.js';
import { inputPages } from './pages/input.pages.js';
import { hearingPages } from './pages/hearing.pages.js';
import { approvalPages } from './pages/approval.pages.js';
import { documentPages } from './pages/document.pages.js';
import { STYLESHEET } from './pages/shared.js';
import './agreements.table.js';

const css = fs.readFileSync(new URL('./aftaler.css', import.meta.url));

export const agreements: Capability = {
  name: 'agreements',
  migrations: agreementsMigrations,
  routes: (app) => {
    app.get(STYLESHEET, { schema: { hide: true } }, (_req, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(css),
    );
    for (const register of [
      agreementsApi,
      agreementProcessApi,
      agreementPages,
      contentPages,
      indicatorPages,
      matrixPages,
      timelinePages,
      inputPages,
      hearingPages,
      approvalPages,
      documentPages,
    ])
      register(app);
  },
  nav: [{ href: '/aftaler', label: 'Rammeaftaler', description: 'aftalerne med fokusområder, principper, proces, høring og godkendelse', order: 20 }],
  seed: seedAgreements,
  indicators: [commitmentsImplemented],
  dueItems: agreementDueItems,
  permissions: agreementsPermissions,
  auditEntities: agreementsAuditEntities,
};
