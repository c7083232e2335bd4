/**
 * @module Table types of the national central announcements: the announcement, its ordered questions, the areas
 * concerned with each area's report, the deadline's extensions, and each municipality's answers.
 */
import type { Generated } from 'kysely';

export const REPORT_STATUSES = ['kladde', 'sendt', 'besvaret'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = { kladde: 'Under udarbejdelse', sendt: 'Sendt', besvaret: 'Styrelsen har svaret' };

export const EXTENSION_STATUSES = ['afventer', 'bevilget', 'afslaaet'] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];
export const EXTENSION_STATUS_LABELS: Record<ExtensionStatus, string> = { afventer: 'Afventer svar', bevilget: 'Bevilget', afslaaet: 'Afslået' };

export type CoopAnnouncementTable = {
  id: Generated<number>;
  title: string;
  /** The national authority (Social- og Boligstyrelsen). */
  authority: string;
  target_group: string;
  description: string | null;
  issued_on: string;
  /** The deadline as first set; granted extensions move the one in force. */
  deadline: string;
  /** All secretariats answer together (a national joint answer). */
  is_joint: boolean;
  joint_answer: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string;
};

export type CoopAnnouncementQuestionTable = { id: Generated<number>; announcement_id: number; position: number; text: string };

/** An area concerned, with the area's report (compiled by its secretariat) and the authority's response. */
export type CoopAnnouncementAreaTable = {
  announcement_id: number;
  area_id: number;
  status: Generated<ReportStatus>;
  report_text: string | null;
  report_version: Generated<number>;
  sent_on: string | null;
  sent_by: string | null;
  sent_reference: string | null;
  response_on: string | null;
  response_text: string | null;
};

export type CoopAnnouncementExtensionTable = {
  id: Generated<number>;
  announcement_id: number;
  requested_on: string;
  new_deadline: string;
  status: ExtensionStatus;
  note: string | null;
  created_by: string;
};

/** One municipality's answer set to an announcement (versioned: If-Match). */
export type CoopAnnouncementResponseTable = {
  id: Generated<number>;
  announcement_id: number;
  organisation_id: number;
  area_id: number;
  version: Generated<number>;
  answered_by: string;
  updated_at: Generated<Date>;
};

export type CoopAnnouncementAnswerTable = { response_id: number; question_id: number; text: string };

declare module '../core/db/types.js' {
  interface DB {
    coop_announcement: CoopAnnouncementTable;
    coop_announcement_question: CoopAnnouncementQuestionTable;
    coop_announcement_area: CoopAnnouncementAreaTable;
    coop_announcement_extension: CoopAnnouncementExtensionTable;
    coop_announcement_response: CoopAnnouncementResponseTable;
    coop_announcement_answer: CoopAnnouncementAnswerTable;
  }
}
