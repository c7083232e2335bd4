/**
 * @module How the audit log labels and links the central announcements' entities.
 */
import type { AuditEntity } from '../core/capability.js';

export const announcementAuditEntities: Record<string, AuditEntity> = {
  coop_announcement: {
    label: 'Central udmelding',
    href: (id) => `/samarbejde/udmeldinger/${id}`,
    fieldLabels: {
      title: 'Titel',
      authority: 'Afsender',
      targetGroup: 'Målgruppe',
      description: 'Beskrivelse',
      issuedOn: 'Udsendt',
      deadline: 'Frist',
      isJoint: 'Nationalt fællessvar',
      jointAnswer: 'Fællessvar',
      areaCodes: 'Områder',
      questions: 'Spørgsmål',
    },
  },
  coop_announcement_extension: {
    label: 'Fristforlængelse',
    fieldLabels: { announcementId: 'Udmelding', requestedOn: 'Anmodet', newDeadline: 'Ny frist', status: 'Status', note: 'Bemærkning' },
  },
  coop_announcement_response: {
    label: 'Kommunens svar på central udmelding',
    fieldLabels: { announcementId: 'Udmelding', organisationId: 'Kommune', answers: 'Svar' },
  },
  coop_announcement_area: {
    label: 'Områdets afrapportering',
    href: (id) => {
      const [a] = id.split('-');
      return a ? `/samarbejde/udmeldinger/${a}` : null;
    },
    fieldLabels: {
      reportText: 'Afrapportering',
      status: 'Status',
      sentOn: 'Sendt',
      sentBy: 'Sendt af',
      sentReference: 'Reference',
      responseOn: 'Svar modtaget',
      responseText: 'Styrelsens svar',
    },
  },
};
