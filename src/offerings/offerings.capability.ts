/**
 * @module The offerings register (tilbudsregister) as a capability.
 */
import type { Capability } from '../core/capability.js';
import { offeringsApi } from './offerings.api.js';
import { updatedLast12Months } from './offerings.indicators.js';
import { offeringsMigrations } from './offerings.migrations.js';
import { offeringsPermissions } from './offerings.policy.js';
import { FIELD_LABELS } from './offerings.schema.js';
import { seedOfferings } from './offerings.seed.js';
import { editPages } from './pages/edit.pages.js';
import { listPages } from './pages/list.pages.js';
import { offeringPages } from './pages/offering.pages.js';
import { transferPages } from './pages/transfer.pages.js';
import './offerings.table.js';

export const offerings: Capability = {
  name: 'offerings',
  migrations: offeringsMigrations,
  routes: (app, ctx) => {
    offeringsApi(app, ctx);
    // Export and import routes ('/tilbud/eksport.csv', '/tilbud/import') are static paths; Fastify prefers them over '/tilbud/:id'.
    transferPages(app);
    listPages(app);
    editPages(app);
    offeringPages(app);
  },
  nav: [{ href: '/tilbud', label: 'Tilbud', description: 'tilbudsregistret med lovgrundlag, målgrupper, pladser og status', isVisible: (a) => !!a, order: 10 }],
  seed: seedOfferings,
  indicators: [updatedLast12Months],
  permissions: offeringsPermissions,
  auditEntities: {
    offering: { label: 'Tilbud', href: (id) => `/tilbud/${id}`, fieldLabels: FIELD_LABELS },
  },
};
