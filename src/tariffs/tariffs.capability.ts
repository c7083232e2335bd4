/**
 * @module Tariffs (takster) as a capability: the open tariff calculation, the published tariff overview and the
 * increase watch (issue 3; Sjælland's joint principle "fælles om takster og kontrakter"), with its access rules
 * and how the audit log names and links its entities.
 */
import type { Capability } from '../core/capability.js';
import { tariffDueItems } from './due.service.js';
import { detailPages } from './pages/detail.pages.js';
import { editorPages } from './pages/editor.pages.js';
import { homePages } from './pages/home.pages.js';
import { overviewPages } from './pages/overview.pages.js';
import { rulesPages } from './pages/rules.pages.js';
import { watchPages } from './pages/watch.pages.js';
import { tariffsApi } from './tariffs.api.js';
import { flaggedIncreases, submittedOnTime } from './tariffs.indicators.js';
import { tariffsMigrations } from './tariffs.migrations.js';
import { tariffsPermissions } from './tariffs.policy.js';
import { seedTariffs } from './tariffs.seed.js';
import './tariffs.table.js';

export const tariffs: Capability = {
  name: 'tariffs',
  migrations: tariffsMigrations,
  routes: (app) => {
    tariffsApi(app);
    homePages(app);
    rulesPages(app);
    overviewPages(app);
    watchPages(app);
    editorPages(app);
    detailPages(app);
  },
  seed: seedTariffs,
  indicators: [flaggedIncreases, submittedOnTime],
  dueItems: tariffDueItems,
  permissions: tariffsPermissions,
  auditEntities: {
    tariff_version: {
      label: 'Takst (version)',
      href: (id) => `/takster/${id}`,
      fieldLabels: {
        offeringId: 'Tilbud (id)',
        year: 'Takstår',
        version: 'Version',
        status: 'Status',
        unit: 'Enhed',
        averageTariff: 'Gennemsnitstakst',
        isFlagged: 'Stigning over grænsen',
        explanation: 'Forklaring på stigningen',
        correctionReason: 'Begrundelse for ny version',
        returnComment: 'Sekretariatets kommentar ved retur',
        input: 'Beregningsgrundlag',
      },
    },
    tariff_increase_report: {
      label: 'Indberetning til socialtilsynet',
      href: () => null,
      fieldLabels: {
        area: 'Rammeaftaleområde',
        period: 'Halvår',
        status: 'Status',
        sentOn: 'Sendt den',
        sentBy: 'Sendt af',
        reference: 'Reference',
        count: 'Antal stigninger',
      },
    },
    tariff_publication: {
      label: 'Takstoversigt (offentliggørelse)',
      href: () => null,
      fieldLabels: { area: 'Rammeaftaleområde', year: 'Takstår', count: 'Antal takster', versionIds: 'Offentliggjorte versioner (id)' },
    },
  },
  nav: [{ href: '/takster', label: 'Takster', description: 'takstoversigter, åbne takstberegninger og overvågning af stigninger over 5 %', order: 15 }],
};
