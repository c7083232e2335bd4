/**
 * @module The activities' and projects' part of the cooperation capability: their routes (API and pages) and how
 * the audit log labels and links an activity and a project. Registered by cooperation.capability.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { Capability } from '../core/capability.js';
import { activitiesApi } from './activities.api.js';
import { evaluationsApi } from './evaluations.api.js';
import { activitiesPages } from './pages/activities.pages.js';
import { evaluationsPages } from './pages/evaluations.pages.js';
import { projectsPages } from './pages/projects.pages.js';
import { projectsApi } from './projects.api.js';
import { yearlyReportPages } from './pages/yearly-report.pages.js';
import { yearlyReportApi } from './yearly-report.api.js';
import './activities.table.js';
import './projects.table.js';
import './evaluations.table.js';

export function activitiesRoutes(app: FastifyInstance): void {
  activitiesApi(app);
  activitiesPages(app);
  evaluationsApi(app);
  evaluationsPages(app);
  projectsApi(app);
  projectsPages(app);
  yearlyReportApi(app);
  yearlyReportPages(app);
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
      projectId: 'Projekt',
    },
  },
  coop_activity_survey: {
    label: 'Evaluering af aktivitet',
    href: (id) => `/samarbejde/aktiviteter/${id}#evaluering`,
    fieldLabels: { respondents: 'Besvarelser', questions: 'Spørgsmål og antal svar' },
  },
  coop_project: {
    label: 'Projekt',
    href: (id) => `/samarbejde/projekter/${id}`,
    fieldLabels: {
      areaCode: 'Område',
      title: 'Titel',
      purpose: 'Formål',
      owner: 'Projektejer',
      startDate: 'Start',
      endDate: 'Slut',
      status: 'Status',
      results: 'Resultater',
      evaluation: 'Evaluering',
      focusAreaId: 'Fokusområde',
    },
  },
};
