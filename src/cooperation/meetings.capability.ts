/**
 * @module The meetings' part of the cooperation capability: their routes (API, pages, calendar feeds) and how the
 * audit log labels and links their entities. Registered by cooperation.capability.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { Capability } from '../core/capability.js';
import { meetingAttachmentsApi } from './meeting-attachments.api.js';
import { meetingsApi } from './meetings.api.js';
import { meetingsPages } from './pages/meetings.pages.js';
import './meetings.table.js';
import './meeting-attachments.table.js';

export function meetingsRoutes(app: FastifyInstance): void {
  meetingsApi(app);
  meetingAttachmentsApi(app);
  meetingsPages(app);
}

export const meetingAuditEntities: NonNullable<Capability['auditEntities']> = {
  coop_meeting: {
    label: 'Møde',
    href: (id) => `/samarbejde/moeder/${id}`,
    fieldLabels: {
      bodyId: 'Organ',
      title: 'Titel',
      date: 'Dato',
      startTime: 'Start',
      endTime: 'Slut',
      place: 'Sted',
      onlineUrl: 'Onlinelink',
      status: 'Status',
      items: 'Dagsorden',
      minutes: 'Referat',
      minutesVisibility: 'Referatet kan læses af',
    },
  },
  coop_agenda_item: {
    label: 'Dagsordenspunkt',
    fieldLabels: { meetingId: 'Møde', position: 'Nummer', title: 'Titel', presenter: 'Oplægsholder', form: 'Form' },
  },
  coop_meeting_attachment: {
    label: 'Bilag til møde',
    fieldLabels: {
      meetingId: 'Møde',
      agendaItemId: 'Punkt',
      filename: 'Filnavn',
      contentType: 'Filtype',
      size: 'Størrelse (bytes)',
      sha256: 'SHA-256',
    },
  },
};
