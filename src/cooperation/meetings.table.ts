/**
 * @module Table types of the cooperation's meetings: a meeting of a body (Copenhagen date and wall-clock times,
 * place or online link, status, who may read the minutes) and its programme of agenda items with the minutes and
 * decision of each, and an optional typed link to something in Ramme.
 */
import type { Generated } from 'kysely';

export const MEETING_STATUSES = ['planlagt', 'afholdt', 'aflyst'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = { planlagt: 'Planlagt', afholdt: 'Afholdt', aflyst: 'Aflyst' };

/** Who reads the minutes: internal (the body's members and the secretariat), the area's members, or everyone signed in. */
export const MINUTES_VISIBILITIES = ['intern', 'medlemmer', 'offentlig'] as const;
export type MinutesVisibility = (typeof MINUTES_VISIBILITIES)[number];
export const MINUTES_VISIBILITY_LABELS: Record<MinutesVisibility, string> = {
  intern: 'Internt (organets medlemmer og sekretariatet)',
  medlemmer: 'Offentliggjort for områdets medlemmer',
  offentlig: 'Offentliggjort for alle',
};

/** What an agenda item may point to in Ramme. */
export const LINK_KINDS = ['tariff_increase_report', 'agreement_version', 'url'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
export const LINK_KIND_LABELS: Record<LinkKind, string> = {
  tariff_increase_report: 'Indberetning af takststigninger',
  agreement_version: 'Version af en rammeaftale',
  url: 'Side i Ramme',
};

export type CoopMeetingTable = {
  id: Generated<number>;
  body_id: number;
  title: string;
  /** Copenhagen date and wall-clock times 'HH:MM'. */
  meeting_date: string;
  starts_at: string;
  ends_at: string;
  place: string | null;
  online_url: string | null;
  status: Generated<MeetingStatus>;
  minutes_visibility: Generated<MinutesVisibility>;
  minutes_published_at: Date | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string;
};

export type CoopAgendaItemTable = {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  starts_at: string | null;
  title: string;
  presenter: string | null;
  form: string | null;
  description: string | null;
  link_kind: LinkKind | null;
  link_id: number | null;
  link_url: string | null;
  minutes: string | null;
  decision: string | null;
};

declare module '../core/db/types.js' {
  interface DB {
    coop_meeting: CoopMeetingTable;
    coop_agenda_item: CoopAgendaItemTable;
  }
}
