/**
 * @module The protected offerings' part of the cooperation capability: their routes (API and pages) and how the audit
 * log labels and links a trigger rule, a notice, a dialogue case and an answer. Registered by cooperation.capability.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { Capability } from '../core/capability.js';
import { protectionPages } from './pages/protection.pages.js';
import { protectionApi } from './protection.api.js';
import './protection.table.js';

export function protectionRoutes(app: FastifyInstance): void {
  protectionApi(app);
  protectionPages(app);
}

export const protectionAuditEntities: NonNullable<Capability['auditEntities']> = {
  coop_protection_trigger: {
    label: 'Udløser for beskyttede tilbud',
    href: (id) => `/samarbejde/beskyttede-tilbud/regler/${id}`,
    fieldLabels: {
      areaCode: 'Område',
      kind: 'Slags',
      sharePct: 'Andel i procent',
      months: 'Måneder i træk',
      amount: 'Beløb',
      deadlineDays: 'Svarfrist i dage',
      note: 'Bemærkning',
      validFrom: 'Gælder fra',
      validTo: 'Gælder til',
    },
  },
  coop_protection_notice: {
    label: 'Varsel fra sælger',
    fieldLabels: { offeringId: 'Tilbud', kind: 'Slags', placesAfter: 'Pladser efter', givenOn: 'Varslet', effectiveOn: 'Gælder fra', text: 'Indhold' },
  },
  coop_dialogue_case: {
    label: 'Dialogsag om beskyttet tilbud',
    href: (id) => `/samarbejde/dialogsager/${id}`,
    fieldLabels: {
      areaCode: 'Område',
      offeringId: 'Tilbud',
      triggerId: 'Udløser',
      procedure: 'Forløb',
      reason: 'Begrundelse',
      deadline: 'Svarfrist',
      status: 'Status',
      steps: 'Trin',
      step: 'Trin nr.',
      stepLabel: 'Trin',
      stepDoneOn: 'Trin udført',
      stepNote: 'Bemærkning til trin',
      outcome: 'Resultat',
      closedOn: 'Afsluttet',
    },
  },
  coop_dialogue_answer: {
    label: 'Kommunens svar i dialogsag',
    fieldLabels: { caseId: 'Dialogsag', organisationId: 'Kommune', answer: 'Svar', note: 'Bemærkning' },
  },
};
