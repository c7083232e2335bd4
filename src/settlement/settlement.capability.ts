/**
 * @module Settlement (afregning) as a capability: the public calculation, the monthly statements from the
 * published tariffs (seller → buyer), their life cycle and exports, and the trade between municipalities.
 */
import type { Capability } from '../core/capability.js';
import { can } from '../core/access/access.js';
import { callContext } from '../core/context.js';
import { formatDate } from '../core/format.js';
import { DUE_STATE_LABELS } from './followup.logic.js';
import { followedUpBeforeEndShare, followUpsOnTimeShare } from './followup.indicators.js';
import { pricedFromOverviewShare } from './statement.indicators.js';
import { followUpWorkList } from './followup.service.js';
import { settlementApi } from './settlement.api.js';
import { followUpPages } from './pages/followup.pages.js';
import { statementPages } from './pages/statement.pages.js';
import { tradePages } from './pages/trade.pages.js';
import { settlementMigrations } from './settlement.migrations.js';
import { SETTLEMENT, settlementPermissions } from './settlement.policy.js';
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
    followUpPages(app);
    tradePages(app);
  },
  nav: [
    {
      href: '/afregning',
      label: 'Afregning',
      description: 'månedens afregninger mellem sælger og køber, med Excel, CSV og elektronisk faktura',
      isVisible: (a) => !!a && a.organisationKind !== 'secretariat',
      order: 27,
    },
    {
      href: '/opfoelgning',
      label: 'Opfølgning',
      description: 'forfaldne og kommende opfølgninger på kommunens kontrakter, og borgerens progression',
      isVisible: (a) => !!a && a.organisationKind === 'municipality' && a.roles.includes('myndighed'),
      order: 26,
    },
    {
      href: '/samhandel',
      label: 'Samhandel',
      description: 'hvem køber hvor meget af hvem i rammeaftaleområdet, og hvor stor en del købes i egne tilbud',
      isVisible: (a) => !!a && a.areaIds.length > 0 && a.organisationKind !== 'provider',
      order: 28,
    },
  ],
  permissions: settlementPermissions,
  seed: seedSettlement,
  indicators: [followUpsOnTimeShare, followedUpBeforeEndShare, pricedFromOverviewShare],
  dueItems: async (ctx) => {
    if (!can(ctx, 'followup.list', SETTLEMENT)) return [];
    const { open } = await followUpWorkList(ctx);
    if (!open.length) return [];
    return [
      {
        heading: 'Opfølgninger',
        href: '/opfoelgning',
        items: open.slice(0, 10).map((e) => ({
          title: `Opfølgning på ${e.caseReference}`,
          href: `/opfoelgning/kontrakt/${e.contractId}`,
          due: e.due,
          detail: `${DUE_STATE_LABELS[e.state]} (${formatDate(e.due)}), ${e.offeringName}`,
        })),
      },
    ];
  },
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
    followup: {
      label: 'Opfølgning',
      fieldLabels: { contractId: 'Kontrakt', dueDate: 'Planlagt dato', heldOn: 'Holdt', level: 'Funktionsniveau', decision: 'Beslutning' },
    },
    settlement_line: {
      label: 'Afregningslinje',
      fieldLabels: { statementId: 'Afregning', disputeReason: 'Indsigelse', answer: 'Svar', answerText: 'Svartekst', correctedAmount: 'Rettet beløb' },
    },
  },
};
