/**
 * @module The offerings register (tilbudsregister) as a capability.
 */
import type { Capability } from '../core/capability.js';
import { offeringsApi } from './offerings.api.js';
import { updatedLast12Months } from './offerings.indicators.js';
import { offeringsMigrations } from './offerings.migrations.js';
import { offeringsPages } from './offerings.pages.js';
import { FIELD_LABELS } from './offerings.schema.js';
import { seedOfferings } from './offerings.seed.js';
import { offeringsTransfer } from './offerings.transfer.js';
import './offerings.table.js';

export const offerings: Capability = {
  name: 'offerings',
  migrations: offeringsMigrations,
  routes: (app, ctx) => {
    offeringsApi(app, ctx);
    // Export and import routes are registered before '/tilbud/:id' pages; Fastify prefers static paths anyway.
    offeringsTransfer(app, ctx);
    offeringsPages(app, ctx);
  },
  nav: [{ href: '/tilbud', label: 'Tilbud', description: 'tilbudsregistret med lovgrundlag, målgrupper, pladser og status', isVisible: (a) => !!a, order: 10 }],
  seed: seedOfferings,
  indicators: [updatedLast12Months],
  auditEntities: { offering: { label: 'Tilbud', href: (id) => `/tilbud/${id}`, fieldLabels: FIELD_LABELS } },
};
