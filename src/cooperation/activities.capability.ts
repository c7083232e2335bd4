/**
 * @module The activities' part of the cooperation capability: their routes (API and pages) and how the audit log
 * labels and links an activity. Registered by cooperation.capability.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { Capability } from '../core/capability.js';
import { activitiesApi } from './activities.api.js';
import { activitiesPages } from './pages/activities.pages.js';
import './activities.table.js';

export function activitiesRoutes(app: FastifyInstance): void {
  activitiesApi(app);
  activitiesPages(app);
}

export const activityAuditEntities: NonNullable<Capability['auditEntities']> = {
  coop_activity: {
    label: 'Aktivitet',
    href: (id) => `/samarbejde/aktiviteter/${id}`,
    fieldLabels: {
      areaCode: 'Område',
      kind: 'Slags',
      title: 'Tema',
      audience: 'Målgruppe',
      date: 'Dato',
      endDate: 'Sidste dag',
      organisers: 'Afholdt af',
      place: 'Sted',
      registrations: 'Tilmeldte',
      participants: 'Deltagere',
      evaluation: 'Evaluering',
      focusAreaId: 'Fokusområde',
    },
  },
};
