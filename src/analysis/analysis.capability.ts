/**
 * @module Data, benchmarks and forecasts as a capability: imported public statistics (Statistikbanken), the split
 * of spending growth (LMDI) and the forecast methods as pure functions behind public endpoints, and the pages built
 * on them.
 */
import type { Capability } from '../core/capability.js';
import { analysisApi } from './analysis.api.js';
import { unitCostIndicator, userShareIndicator } from './analysis.indicators.js';
import { analysisMigrations } from './analysis.migrations.js';
import { analysisPermissions } from './analysis.policy.js';
import { seedAnalysis } from './analysis.seed.js';
import { analysisPages } from './pages/analysis.pages.js';
import { assessmentPages } from './pages/assessment.pages.js';
import { capacityPages } from './pages/capacity.pages.js';
import { dataPages } from './pages/data.pages.js';
import './analysis.table.js';

export const analysis: Capability = {
  name: 'analysis',
  migrations: analysisMigrations,
  routes: (app) => {
    analysisApi(app);
    dataPages(app);
    analysisPages(app);
    capacityPages(app);
    assessmentPages(app);
  },
  nav: [{ href: '/analyse', label: 'Analyse', description: 'data, benchmarks og prognoser', isVisible: (a) => !!a, order: 60 }],
  seed: seedAnalysis,
  indicators: [unitCostIndicator, userShareIndicator],
  permissions: analysisPermissions,
  auditEntities: {
    capacity_assessment: {
      label: 'Redegørelse (kapacitet)',
      href: () => '/analyse/redegoerelse',
      fieldLabels: { organisationId: 'Kommune', year: 'År', answers: 'Vurderinger' },
    },
    stat_series: {
      label: 'Dataserie fra Danmarks Statistik',
      href: () => '/analyse/data',
      fieldLabels: { tableId: 'Tabel', kind: 'Indhold', unit: 'Enhed', downloadedOn: 'Hentet', rowCount: 'Antal tal', replaced: 'Erstatter serie' },
    },
  },
};
