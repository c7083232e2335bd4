/**
 * @module Tariffs (takster) as a capability: the open tariff calculation, the published tariff overview and the
 * increase watch (issue 3; Sjælland's joint principle "fælles om takster og kontrakter").
 */
import type { Capability } from '../core/capability.js';
import { tariffsApi } from './tariffs.api.js';
import { tariffsMigrations } from './tariffs.migrations.js';
import { seedTariffs } from './tariffs.seed.js';
import { flaggedIncreases, submittedOnTime } from './tariffs.indicators.js';
import './tariffs.table.js';
import { detailPages } from './web/detail.pages.js';
import { editorPages } from './web/editor.pages.js';
import { homePages } from './web/home.pages.js';
import { overviewPages } from './web/overview.pages.js';
import { rulesPages } from './web/rules.pages.js';
import { watchPages } from './web/watch.pages.js';

export const tariffs: Capability = {
  name: 'tariffs',
  migrations: tariffsMigrations,
  routes: (app, ctx) => {
    tariffsApi(app, ctx);
    homePages(app, ctx);
    rulesPages(app, ctx);
    overviewPages(app, ctx);
    watchPages(app, ctx);
    editorPages(app, ctx);
    detailPages(app, ctx);
  },
  seed: seedTariffs,
  indicators: [flaggedIncreases, submittedOnTime],
  nav: [{ href: '/takster', label: 'Takster', description: 'takstoversigter, åbne takstberegninger og overvågning af stigninger over 5 %', order: 15 }],
};
