/**
 * @module The joint consultations' part of the cooperation capability: their routes (API and pages) and how the
 * audit log labels and links a case and an answer. Registered by cooperation.capability.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { Capability } from '../core/capability.js';
import { consultationsApi } from './consultations.api.js';
import { consultationsPages } from './pages/consultations.pages.js';
import './consultations.table.js';

export function consultationsRoutes(app: FastifyInstance): void {
  consultationsApi(app);
  consultationsPages(app);
}

export const consultationAuditEntities: NonNullable<Capability['auditEntities']> = {
  coop_consultation: {
    label: 'Fælles drøftelse',
    href: (id) => `/samarbejde/droeftelser/${id}`,
    fieldLabels: {
      areaCode: 'Område',
      kind: 'Slags',
      offeringId: 'Tilbud',
      openerOrgId: 'Oprettet af kommune',
      title: 'Titel',
      description: 'Beskrivelse',
      deadline: 'Svarfrist',
      status: 'Status',
      outcome: 'Resultat',
      decisionText: 'Lokal beslutning',
      decisionOn: 'Beslutningens dato',
    },
  },
  coop_consultation_answer: {
    label: 'Kommunens svar i fælles drøftelse',
    fieldLabels: { consultationId: 'Drøftelse', organisationId: 'Kommune', answer: 'Svar', note: 'Bemærkning' },
  },
};
