/**
 * @module The pure rules of the central announcements: the deadline in force (the latest granted extension, never
 * earlier than the first deadline), the announcement's overall state from its areas' reports, and the answer
 * matrix of an area (municipality × question) with its counts. No I/O.
 */
import type { ExtensionStatus, ReportStatus } from './announcements.table.js';

export type Extension = { new_deadline: string; status: ExtensionStatus };

/** The deadline in force: the latest granted extension's date when it is later than the first deadline. */
export function deadlineInForce(deadline: string, extensions: readonly Extension[]): string {
  let out = deadline;
  for (const e of extensions) if (e.status === 'bevilget' && e.new_deadline > out) out = e.new_deadline;
  return out;
}

export type AnnouncementState = 'aaben' | 'afsluttet';
export const STATE_LABELS: Record<AnnouncementState, string> = { aaben: 'Åben', afsluttet: 'Afsluttet' };

/** Open while any concerned area has not sent its report; closed when every area has (no areas: open). */
export function announcementState(areaStatuses: readonly ReportStatus[]): AnnouncementState {
  return areaStatuses.length > 0 && areaStatuses.every((s) => s !== 'kladde') ? 'afsluttet' : 'aaben';
}

export type MatrixMember = { id: number; name: string };
export type MatrixAnswer = { organisation_id: number; question_id: number };

export type AnswerMatrix = {
  rows: Array<{ organisationId: number; name: string; answered: boolean[]; count: number; isComplete: boolean }>;
  /** Per question (in order): how many municipalities have answered it. */
  perQuestion: number[];
  /** Municipalities that answered every question. */
  complete: number;
  /** Municipalities that answered at least one question. */
  started: number;
};

/** Which municipality has answered which question, with counts per question and per municipality. */
export function answerMatrix(members: readonly MatrixMember[], questionIds: readonly number[], answers: readonly MatrixAnswer[]): AnswerMatrix {
  const has = new Set(answers.map((a) => `${a.organisation_id}:${a.question_id}`));
  const rows = members.map((m) => {
    const answered = questionIds.map((q) => has.has(`${m.id}:${q}`));
    const count = answered.filter(Boolean).length;
    return { organisationId: m.id, name: m.name, answered, count, isComplete: questionIds.length > 0 && count === questionIds.length };
  });
  return {
    rows,
    perQuestion: questionIds.map((_, i) => rows.filter((r) => r.answered[i]).length),
    complete: rows.filter((r) => r.isComplete).length,
    started: rows.filter((r) => r.count > 0).length,
  };
}
