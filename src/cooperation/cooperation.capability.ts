/**
 * @module The cooperation itself as a capability: the bodies of each agreement area (mandates, members, the
 * organisation chart and its versions).
 */
import type { Capability } from '../core/capability.js';
import { activityAuditEntities, activitiesRoutes } from './activities.capability.js';
import { activityPermissions } from './activities.policy.js';
import { announcementsApi } from './announcements.api.js';
import { announcementDueItems } from './announcements.service.js';
import { meetingDueItems } from './meetings.service.js';
import { announcementAuditEntities } from './announcements.audit.js';
import { announcementPermissions } from './announcements.policy.js';
import { bodiesApi } from './bodies.api.js';
import { cooperationMigrations } from './cooperation.migrations.js';
import { cooperationPermissions } from './cooperation.policy.js';
import { consultationAuditEntities, consultationsRoutes } from './consultations.capability.js';
import { consultationIndicators } from './consultations.indicators.js';
import { consultationPermissions } from './consultations.policy.js';
import { closureRefusal, consultationDueItems } from './consultations.service.js';
import { meetingPermissions } from './meetings.policy.js';
import { dialogueDueItems } from './dialogue.service.js';
import { protectionAuditEntities, protectionRoutes } from './protection.capability.js';
import { protectionPermissions } from './protection.policy.js';
import { seedCooperation } from './cooperation.seed.js';
import { bodiesPages } from './pages/bodies.pages.js';
import { announcementsPages } from './pages/announcements.pages.js';
import { frontPages } from './pages/front.pages.js';
import { meetingAuditEntities, meetingsRoutes } from './meetings.capability.js';
import './cooperation.table.js';
import './announcements.table.js';

export const cooperation: Capability = {
  name: 'cooperation',
  migrations: cooperationMigrations,
  routes: (app) => {
    bodiesApi(app);
    frontPages(app);
    bodiesPages(app);
    meetingsRoutes(app);
    activitiesRoutes(app);
    announcementsApi(app);
    announcementsPages(app);
    consultationsRoutes(app);
    protectionRoutes(app);
  },
  nav: [
    {
      href: '/samarbejde',
      label: 'Samarbejde',
      description: 'organer, møder, centrale udmeldinger, fælles drøftelser og aktiviteter',
      isVisible: (a) => !!a,
      order: 45,
    },
  ],
  seed: seedCooperation,
  beforeOfferingClosed: closureRefusal,
  indicators: consultationIndicators,
  dueItems: async (ctx) => [
    ...(await meetingDueItems(ctx)),
    ...(await announcementDueItems(ctx)),
    ...(await consultationDueItems(ctx)),
    ...(await dialogueDueItems(ctx)),
  ],
  permissions: {
    ...cooperationPermissions,
    ...meetingPermissions,
    ...announcementPermissions,
    ...activityPermissions,
    ...consultationPermissions,
    ...protectionPermissions,
  },
  auditEntities: {
    ...meetingAuditEntities,
    ...activityAuditEntities,
    ...announcementAuditEntities,
    ...consultationAuditEntities,
    ...protectionAuditEntities,
    coop_body: {
      label: 'Organ',
      href: (id) => `/samarbejde/organer/${id}`,
      fieldLabels: { areaCode: 'Område', kind: 'Slags', name: 'Navn', description: 'Beskrivelse', reportsToId: 'Rapporterer til', structureId: 'Organisering' },
    },
    coop_member: {
      label: 'Medlem af organ',
      fieldLabels: {
        bodyId: 'Organ',
        personName: 'Navn',
        organisationId: 'Organisation',
        organisationText: 'Anden organisation',
        role: 'Rolle',
        validFrom: 'Fra',
        validTo: 'Til',
      },
    },
    coop_mandate: { label: 'Kommissorium', fieldLabels: { bodyId: 'Organ', text: 'Tekst', approvedBy: 'Godkendt af', validFrom: 'Fra', validTo: 'Til' } },
    coop_structure: {
      label: 'Organisering',
      href: (id) => `/samarbejde/organisering/${id}`,
      fieldLabels: { areaCode: 'Område', title: 'Titel', status: 'Status', note: 'Begrundelse', basedOnId: 'Bygger på', bodies: 'Organer' },
    },
  },
};
