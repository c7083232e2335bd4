/**
 * @module Settlement (afregning) as a capability: the public calculation, the monthly statements from the
 * published tariffs (seller → buyer), their life cycle and exports, and the trade between municipalities.
 */
import type { Capability } from '../core/capability.js';
import { callContext } from '../core/context.js';
import { settlementApi } from './settlement.api.js';
import { statementPages } from './pages/statement.pages.js';
import { settlementMigrations } from './settlement.migrations.js';
import { settlementPermissions } from './settlement.policy.js';
import { seedSettlement } from './settlement.seed.js';
import { generateLastMonth } from './statement.service.js';
import './settlement.table.js';

export const SETTLEMENT_JOB = 'settlement-drafts';

export const settlement: Capability = {
  name: 'settlement',
  migrations: settlementMigrations,
  routes: (app) => {
    settlementApi(app);
    statementPages(app);
  },
  nav: [
    {
      href: '/afregning',
      label: 'Afregning',
      description: 'månedens afregninger mellem sælger og køber, med Excel, CSV og elektronisk faktura',
      isVisible: (a) => !!a && a.organisationKind !== 'secretariat',
      order: 27,
    },
  ],
  permissions: settlementPermissions,
  seed: seedSettlement,
  jobs: [
    {
      name: SETTLEMENT_JOB,
      // Every night at 3 Danish time the previous month's drafts are made or refreshed (sent statements never change).
      cron: '0 3 * * *',
      run: async (app) => {
        const r = await generateLastMonth(callContext(app, null));
        console.log(`Afregning ${r.month}: ${r.statements} kladder, ${r.lines} linjer, ${r.problems} problemer.`);
      },
    },
  ],
  auditEntities: {
    settlement_month: {
      label: 'Afregningsmåned',
      fieldLabels: { sellerOrgId: 'Sælger', statements: 'Kladder', lines: 'Linjer', problems: 'Problemlinjer', total: 'I alt' },
    },
    settlement_statement: { label: 'Afregning', href: (id) => `/afregning/${id}`, fieldLabels: { status: 'Status', oldClaims: 'Krav ældre end 12 måneder' } },
    settlement_line: {
      label: 'Afregningslinje',
      fieldLabels: { statementId: 'Afregning', disputeReason: 'Indsigelse', answer: 'Svar', answerText: 'Svartekst', correctedAmount: 'Rettet beløb' },
    },
  },
};
