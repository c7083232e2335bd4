/**
 * @module Use cases of the national central announcements: the list (API and page, with search), one announcement,
 * creating and editing it (versioned), the deadline's extensions, a municipality's answers (only for itself, until
 * the area's report is sent; versioned), and the secretariat's area overview (who has answered), report, sending
 * and the authority's response. Every status change is re-checked inside its transaction.
 */
import { can, requireAccess, requireSignedIn } from '../core/access/access.js';
import { audit } from '../core/audit.js';
import type { Ctx, DueGroup } from '../core/capability.js';
import { badRequest, conflict, HttpError, notFound } from '../core/errors.js';
import { requireVersionFrom } from '../core/version.js';
import { parseInput } from '../core/validation.js';
import { announcementState, answerMatrix } from './announcements.logic.js';
import { ANNOUNCEMENTS } from './announcements.policy.js';
import * as repo from './announcements.repository.js';
import {
  ZAnnouncementInput,
  ZAnnouncementsQuery,
  ZAnswersInput,
  ZExtensionDecision,
  ZExtensionInput,
  ZReportInput,
  ZResponseInput,
  ZSentInput,
} from './announcements.schema.js';

const INVALID = 'Oplysningerne er ikke gyldige. Ret felterne nedenfor.';
export const AUTHORITY = 'Social- og Boligstyrelsen';
const STALE = 'En anden har ændret oplysningerne, siden du hentede dem. Genindlæs siden, og prøv igen.';
const SENT = 'Områdets afrapportering er sendt; svarene kan ikke længere ændres.';

const requireVersion = requireVersionFrom;

async function areaOf(ctx: Ctx, code: string | undefined, field = 'area') {
  if (!code) return undefined;
  const area = await repo.areaByCode(ctx.db, code);
  if (!area) throw badRequest(INVALID, { [field]: ['Rammeaftaleområdet findes ikke.'] });
  return area;
}

/** The list with the page's filters: `GET /api/announcements` and `/samarbejde/udmeldinger`. */
export async function listAnnouncements(ctx: Ctx, query: unknown) {
  requireAccess(ctx, 'announcements.read', ANNOUNCEMENTS);
  const q = parseInput(ZAnnouncementsQuery, query ?? {});
  const area = await areaOf(ctx, q.area);
  const rows = await repo.list(ctx.db, { q: q.q, areaId: area?.id, year: q.year, status: q.status });
  const areas = await repo.areasOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    query: q,
    announcements: rows.map((r) => {
      const mine = areas.filter((a) => a.announcement_id === r.id);
      return { ...r, state: announcementState(mine.map((a) => a.status)), areas: mine };
    }),
  };
}
export type AnnouncementList = Awaited<ReturnType<typeof listAnnouncements>>;

export const presentSummary = (a: AnnouncementList['announcements'][number]) => ({
  id: a.id,
  title: a.title,
  authority: a.authority,
  targetGroup: a.target_group,
  issuedOn: a.issued_on,
  deadline: a.deadline,
  state: a.state,
  isJoint: a.is_joint,
  areas: a.areas.map((x) => ({ code: x.code, name: x.name, status: x.status, sentOn: x.sent_on })),
});

/** The list page: the list, the areas to filter by, and whether the actor may create one. */
export async function announcementsPage(ctx: Ctx, query: unknown) {
  const list = await listAnnouncements(ctx, query);
  return { ...list, areas: await repo.areas(ctx.db), canCreate: can(ctx, 'announcements.edit', { areaIds: ctx.actor?.areaIds ?? [] }) };
}

async function load(ctx: Ctx, id: number) {
  requireSignedIn(ctx, 'announcements.read', ANNOUNCEMENTS);
  const a = id > 0 ? await repo.find(ctx.db, id) : null;
  if (!a) throw notFound('Udmeldingen findes ikke.');
  const areas = await repo.areasOf(ctx.db, [id]);
  return { a, areas, target: { areaIds: areas.map((x) => x.area_id) } };
}

/** One announcement with questions, extensions, its areas (with answer counts) and what the actor may do. */
export async function getAnnouncement(ctx: Ctx, id: number) {
  const { a, areas } = await load(ctx, id);
  const [questions, extensions, members, responses] = await Promise.all([
    repo.questions(ctx.db, id),
    repo.extensions(ctx.db, id),
    repo.memberMunicipalities(
      ctx.db,
      areas.map((x) => x.area_id),
      a.issued_on,
    ),
    repo.responses(ctx.db, id),
  ]);
  const qIds = questions.map((q) => q.id);
  const answers = responses.flatMap((r) => r.answers.map((x) => ({ organisation_id: r.organisation_id, question_id: x.question_id })));
  const own = ctx.actor ? members.find((m) => m.id === ctx.actor!.organisationId) : undefined;
  return {
    announcement: { ...a, state: announcementState(areas.map((x) => x.status)) },
    questions,
    extensions,
    areas: areas.map((x) => ({
      ...x,
      matrix: answerMatrix(
        members.filter((m) => m.area_id === x.area_id),
        qIds,
        answers,
      ),
      canReport: can(ctx, 'announcements.report', { areaId: x.area_id, areaName: x.name }),
    })),
    canEdit: can(ctx, 'announcements.edit', { areaIds: areas.map((x) => x.area_id) }),
    ownMunicipality:
      own && ctx.actor && can(ctx, 'announcements.answer', { organisationId: own.id, organisationName: own.name, isConcerned: true })
        ? { id: own.id, name: own.name, answered: answers.filter((x) => x.organisation_id === own.id).length }
        : null,
  };
}
export type AnnouncementView = Awaited<ReturnType<typeof getAnnouncement>>;

export const presentAnnouncement = (v: AnnouncementView) => ({
  id: v.announcement.id,
  title: v.announcement.title,
  authority: v.announcement.authority,
  targetGroup: v.announcement.target_group,
  description: v.announcement.description,
  issuedOn: v.announcement.issued_on,
  firstDeadline: v.announcement.first_deadline,
  deadline: v.announcement.deadline,
  state: v.announcement.state,
  isJoint: v.announcement.is_joint,
  jointAnswer: v.announcement.joint_answer,
  version: v.announcement.version,
  questions: v.questions,
  extensions: v.extensions.map((e) => ({ id: e.id, requestedOn: e.requested_on, newDeadline: e.new_deadline, status: e.status, note: e.note })),
  areas: v.areas.map((x) => ({ code: x.code, name: x.name, status: x.status, sentOn: x.sent_on })),
});

/** The access check of creating an announcement (raw area codes from the request; none known: the actor's areas). */
export async function authorizeCreate(ctx: Ctx, rawCodes: unknown): Promise<void> {
  const codes = (Array.isArray(rawCodes) ? rawCodes : [rawCodes]).filter((c): c is string => typeof c === 'string' && c !== '');
  const known = (await Promise.all(codes.map((c) => repo.areaByCode(ctx.db, c)))).filter((x) => x !== null);
  requireSignedIn(ctx, 'announcements.edit', { areaIds: known.length ? known.map((x) => x.id) : (ctx.actor?.areaIds ?? []) });
}

async function validate(ctx: Ctx, data: unknown) {
  const input = parseInput(ZAnnouncementInput, data);
  if (input.deadline < input.issuedOn) throw badRequest(INVALID, { deadline: ['Fristen kan ikke ligge før udsendelsesdatoen.'] });
  const areas = [];
  for (const code of [...new Set(input.areaCodes)]) {
    const area = await repo.areaByCode(ctx.db, code);
    if (!area) throw badRequest(INVALID, { areaCodes: [`Rammeaftaleområdet ${code} findes ikke.`] });
    areas.push(area);
  }
  const row = {
    title: input.title,
    authority: input.authority ?? AUTHORITY,
    target_group: input.targetGroup,
    description: input.description,
    issued_on: input.issuedOn,
    deadline: input.deadline,
    is_joint: input.isJoint,
    joint_answer: input.jointAnswer,
  };
  return { input, areas, row };
}

const auditShape = (row: repo.AnnouncementRowInput, areaCodes: string[], questions: readonly string[]) => ({
  title: row.title,
  authority: row.authority,
  targetGroup: row.target_group,
  description: row.description,
  issuedOn: row.issued_on,
  deadline: row.deadline,
  isJoint: row.is_joint,
  jointAnswer: row.joint_answer,
  areaCodes,
  questions,
});

/** A new announcement; the creating secretariat's own area must be among those concerned. */
export async function createAnnouncement(ctx: Ctx, data: unknown): Promise<number> {
  await authorizeCreate(ctx, ((data ?? {}) as { areaCodes?: unknown }).areaCodes);
  const { input, areas, row } = await validate(ctx, data);
  requireSignedIn(ctx, 'announcements.edit', { areaIds: areas.map((a) => a.id) });
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insert(trx, { ...row, created_by: ctx.actor!.username });
    await repo.replaceQuestions(trx, id, input.questions);
    await repo.addAreas(
      trx,
      id,
      areas.map((a) => a.id),
    );
    await audit(trx, ctx, {
      entity: 'coop_announcement',
      entityId: id,
      action: 'create',
      after: auditShape(
        row,
        areas.map((a) => a.code),
        input.questions,
      ),
    });
    return id;
  });
}

/** The access check of changing an announcement on its own. */
export async function authorizeEdit(ctx: Ctx, id: number): Promise<void> {
  const { target } = await load(ctx, id);
  requireSignedIn(ctx, 'announcements.edit', target);
}

/**
 * Changes an announcement on the version read (else 412). Questions may be reworded; adding or removing them, or an
 * area that has answers or a sent report, is refused once municipalities have answered.
 */
export async function updateAnnouncement(ctx: Ctx, id: number, data: unknown, ifMatch?: string): Promise<number> {
  const { a, areas: before, target } = await load(ctx, id);
  requireSignedIn(ctx, 'announcements.edit', target);
  const { input, areas, row } = await validate(ctx, data);
  const version = requireVersion(ifMatch, input.version);
  if (version !== a.version) throw new HttpError(412, STALE);
  if (!areas.some((x) => can(ctx, 'announcements.report', { areaId: x.id, areaName: x.name })))
    throw badRequest(INVALID, { areaCodes: ['Dit eget område skal være blandt de berørte områder.'] });
  const questions = await repo.questions(ctx.db, id);
  const removed = before.filter((b) => !areas.some((x) => x.id === b.area_id));
  const added = areas.filter((x) => !before.some((b) => b.area_id === x.id));
  if (
    removed.some((r) => r.status !== 'kladde') ||
    (await repo.countResponses(
      ctx.db,
      id,
      removed.map((r) => r.area_id),
    )) > 0
  )
    throw badRequest(INVALID, { areaCodes: ['Et område med svar eller en sendt afrapportering kan ikke fjernes.'] });
  const hasAnswers = (await repo.countResponses(ctx.db, id)) > 0;
  if (hasAnswers && input.questions.length !== questions.length)
    throw badRequest(INVALID, { questions: ['Kommunerne er begyndt at svare: spørgsmålene kan omformuleres, men ikke tilføjes eller fjernes.'] });
  return ctx.db.transaction().execute(async (trx) => {
    const updated = await repo.update(trx, id, version, row);
    if (!updated) throw new HttpError(412, STALE);
    if (input.questions.length === questions.length) for (const [i, q] of questions.entries()) await repo.updateQuestionText(trx, q.id, input.questions[i]!);
    else await repo.replaceQuestions(trx, id, input.questions);
    await repo.removeAreas(
      trx,
      id,
      removed.map((r) => r.area_id),
    );
    await repo.addAreas(
      trx,
      id,
      added.map((x) => x.id),
    );
    await audit(trx, ctx, {
      entity: 'coop_announcement',
      entityId: id,
      action: 'update',
      before: auditShape(
        { ...a, description: a.description, deadline: a.first_deadline },
        before.map((b) => b.code),
        questions.map((q) => q.text),
      ),
      after: auditShape(
        row,
        areas.map((x) => x.code),
        input.questions,
      ),
    });
    return updated.version;
  });
}

/** A requested extension of the deadline (with the authority's answer when known). */
export async function addExtension(ctx: Ctx, id: number, data: unknown): Promise<number> {
  const { a, target } = await load(ctx, id);
  requireSignedIn(ctx, 'announcements.edit', target);
  const input = parseInput(ZExtensionInput, data);
  if (input.newDeadline <= a.first_deadline) throw badRequest(INVALID, { newDeadline: ['Den nye frist skal ligge efter den oprindelige frist.'] });
  if (input.requestedOn < a.issued_on) throw badRequest(INVALID, { requestedOn: ['Anmodningen kan ikke ligge før udmeldingen.'] });
  return ctx.db.transaction().execute(async (trx) => {
    const row = {
      announcement_id: id,
      requested_on: input.requestedOn,
      new_deadline: input.newDeadline,
      status: input.status,
      note: input.note,
      created_by: ctx.actor!.username,
    };
    const extId = await repo.insertExtension(trx, row);
    await audit(trx, ctx, {
      entity: 'coop_announcement_extension',
      entityId: extId,
      action: 'create',
      after: { announcementId: id, requestedOn: row.requested_on, newDeadline: row.new_deadline, status: row.status, note: row.note },
    });
    return extId;
  });
}

async function loadExtension(ctx: Ctx, extId: number) {
  requireSignedIn(ctx, 'announcements.read', ANNOUNCEMENTS);
  const e = extId > 0 ? await repo.findExtension(ctx.db, extId) : null;
  if (!e) throw notFound('Fristforlængelsen findes ikke.');
  return { e, ...(await load(ctx, e.announcement_id)) };
}

/** The access check of deciding an extension on its own. */
export async function authorizeExtension(ctx: Ctx, extId: number): Promise<void> {
  const { target } = await loadExtension(ctx, extId);
  requireSignedIn(ctx, 'announcements.edit', target);
}

/** Records the authority's answer to a pending extension; 409 when it was already decided. */
export async function decideExtension(ctx: Ctx, extId: number, data: unknown): Promise<number> {
  const { e, target } = await loadExtension(ctx, extId);
  requireSignedIn(ctx, 'announcements.edit', target);
  const input = parseInput(ZExtensionDecision, data);
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.decideExtension(trx, extId, input.status))) throw conflict('Styrelsens svar på forlængelsen er allerede registreret. Genindlæs siden.');
    await audit(trx, ctx, {
      entity: 'coop_announcement_extension',
      entityId: extId,
      action: 'update',
      before: { status: 'afventer' },
      after: { status: input.status },
    });
    return e.announcement_id;
  });
}

// A municipality's answers -----------------------------------------------------------------------------------

async function loadAnswerTarget(ctx: Ctx, id: number, organisationId: number) {
  const loaded = await load(ctx, id);
  const org = organisationId > 0 ? await repo.findOrganisation(ctx.db, organisationId) : null;
  if (org?.kind !== 'municipality') throw notFound('Kommunen findes ikke.');
  const members = await repo.memberMunicipalities(
    ctx.db,
    loaded.areas.map((x) => x.area_id),
    loaded.a.issued_on,
  );
  const membership = members.find((m) => m.id === org.id);
  const area = membership ? loaded.areas.find((x) => x.area_id === membership.area_id)! : null;
  return { ...loaded, org, area, target: { organisationId: org.id, organisationName: org.name, isConcerned: !!area } };
}

/** The access check of answering for a municipality on its own. */
export async function authorizeAnswer(ctx: Ctx, id: number, organisationId: number): Promise<void> {
  const { target } = await loadAnswerTarget(ctx, id, organisationId);
  requireSignedIn(ctx, 'announcements.answer', target);
}

/** One municipality's answer set (version 0: none yet). */
export async function getAnswers(ctx: Ctx, id: number, organisationId: number) {
  const { org, area } = await loadAnswerTarget(ctx, id, organisationId);
  if (!area) throw notFound('Kommunen er ikke med i de berørte områder.');
  const [r] = await repo.responses(ctx.db, id, { organisationId: org.id });
  return {
    organisationId: org.id,
    organisationName: org.name,
    areaCode: area.code,
    version: r?.version ?? 0,
    answeredBy: r?.answered_by ?? null,
    answers: (r?.answers ?? []).map((x) => ({ questionId: x.question_id, text: x.text })),
  };
}

/** The answer form of the actor's own municipality. */
export async function answerForm(ctx: Ctx, id: number) {
  const actor = ctx.actor;
  const isMunicipality = actor?.organisationKind === 'municipality';
  const loaded = await loadAnswerTarget(ctx, id, isMunicipality ? actor.organisationId : 0).catch((e: unknown) => {
    if (e instanceof HttpError && e.statusCode === 404 && actor && !isMunicipality)
      throw new HttpError(403, 'Kun kommunerne i de berørte områder svarer på udmeldingen.');
    throw e;
  });
  requireSignedIn(ctx, 'announcements.answer', loaded.target);
  const [questions, answers] = await Promise.all([repo.questions(ctx.db, id), getAnswers(ctx, id, loaded.org.id)]);
  return { announcement: loaded.a, area: loaded.area!, questions, answers, isLocked: loaded.area!.status !== 'kladde' };
}

/**
 * Saves a municipality's answers on the version read (0: the first answers), only for the actor's own
 * municipality, and only while the area's report is not sent (re-checked with the area row locked).
 */
export async function saveAnswers(ctx: Ctx, id: number, organisationId: number, data: unknown, ifMatch?: string) {
  const { org, area, target } = await loadAnswerTarget(ctx, id, organisationId);
  requireSignedIn(ctx, 'announcements.answer', target);
  const input = parseInput(ZAnswersInput, data);
  const version = requireVersion(ifMatch, input.version);
  const questions = await repo.questions(ctx.db, id);
  for (const x of input.answers)
    if (!questions.some((q) => q.id === x.questionId)) throw badRequest(INVALID, { answers: ['Et af svarene hører ikke til et af udmeldingens spørgsmål.'] });
  const answers = [...new Map(input.answers.filter((x) => x.text).map((x) => [x.questionId, { questionId: x.questionId, text: x.text! }])).values()];
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockArea(trx, id, area!.area_id);
    if (locked?.status !== 'kladde') throw conflict(SENT);
    const [existing] = await repo.responses(trx, id, { organisationId: org.id });
    let responseId: number;
    let newVersion: number;
    if (!existing) {
      if (version !== 0) throw new HttpError(412, STALE);
      responseId = await repo.insertResponse(trx, { announcement_id: id, organisation_id: org.id, area_id: area!.area_id, answered_by: ctx.actor!.username });
      newVersion = 1;
    } else {
      const bumped = await repo.bumpResponse(trx, existing.id, version, ctx.actor!.username);
      if (!bumped) throw new HttpError(412, STALE);
      responseId = existing.id;
      newVersion = bumped.version;
    }
    await repo.replaceAnswers(trx, responseId, answers);
    await audit(trx, ctx, {
      entity: 'coop_announcement_response',
      entityId: responseId,
      action: existing ? 'update' : 'create',
      before: existing
        ? { announcementId: id, organisationId: org.id, answers: existing.answers.map((x) => ({ questionId: x.question_id, text: x.text })) }
        : undefined,
      after: { announcementId: id, organisationId: org.id, answers },
    });
    return newVersion;
  });
}

// The area's report ------------------------------------------------------------------------------------------

async function loadArea(ctx: Ctx, id: number, areaCode: string) {
  const loaded = await load(ctx, id);
  const area = loaded.areas.find((x) => x.code === areaCode);
  if (!area) throw notFound('Udmeldingen vedrører ikke det rammeaftaleområde.');
  return { ...loaded, area, target: { areaId: area.area_id, areaName: area.name } };
}

/** The access check of the area's report on its own. */
export async function authorizeReport(ctx: Ctx, id: number, areaCode: string): Promise<void> {
  const { target } = await loadArea(ctx, id, areaCode);
  requireSignedIn(ctx, 'announcements.report', target);
}

/** The area's overview: who has answered which question, the report and the municipalities' answers as annexes. */
export async function areaReport(ctx: Ctx, id: number, areaCode: string) {
  const { a, area, target } = await loadArea(ctx, id, areaCode);
  const [questions, members, responses] = await Promise.all([
    repo.questions(ctx.db, id),
    repo.memberMunicipalities(ctx.db, [area.area_id], a.issued_on),
    repo.responses(ctx.db, id, { areaId: area.area_id }),
  ]);
  const answers = responses.flatMap((r) => r.answers.map((x) => ({ organisation_id: r.organisation_id, question_id: x.question_id })));
  return {
    announcement: a,
    area,
    questions,
    matrix: answerMatrix(
      members,
      questions.map((q) => q.id),
      answers,
    ),
    responses,
    canReport: can(ctx, 'announcements.report', target),
  };
}
export type AreaReportView = Awaited<ReturnType<typeof areaReport>>;

export const presentAreaReport = (v: AreaReportView) => ({
  announcementId: v.announcement.id,
  area: { code: v.area.code, name: v.area.name },
  status: v.area.status,
  reportText: v.area.report_text,
  reportVersion: v.area.report_version,
  sentOn: v.area.sent_on,
  sentBy: v.area.sent_by,
  sentReference: v.area.sent_reference,
  responseOn: v.area.response_on,
  responseText: v.area.response_text,
  matrix: {
    perQuestion: v.matrix.perQuestion,
    complete: v.matrix.complete,
    started: v.matrix.started,
    rows: v.matrix.rows.map((r) => ({ organisationId: r.organisationId, name: r.name, answered: r.answered, count: r.count })),
  },
  annexes: v.responses.map((r) => ({
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    areaCode: r.area_code,
    version: r.version,
    answeredBy: r.answered_by,
    answers: r.answers.map((x) => ({ questionId: x.question_id, text: x.text })),
  })),
});

/** Saves the report text on the version read (412 otherwise), while it is a draft (409 once sent). */
export async function saveReport(ctx: Ctx, id: number, areaCode: string, data: unknown, ifMatch?: string): Promise<number> {
  const { area, target } = await loadArea(ctx, id, areaCode);
  requireSignedIn(ctx, 'announcements.report', target);
  const input = parseInput(ZReportInput, data);
  const version = requireVersion(ifMatch, input.version);
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockArea(trx, id, area.area_id);
    if (locked?.status !== 'kladde') throw conflict('Afrapporteringen er sendt og kan ikke længere ændres.');
    if (locked.report_version !== version) throw new HttpError(412, STALE);
    const saved = (await repo.saveReport(trx, id, area.area_id, version, input.text))!;
    await audit(trx, ctx, {
      entity: 'coop_announcement_area',
      entityId: `${id}-${area.area_id}`,
      action: 'update',
      before: { reportText: locked.report_text },
      after: { reportText: input.text },
    });
    return saved.report_version;
  });
}

/** Records that the area's report was sent (date, by whom, reference); 409 when it already was. */
export async function markSent(ctx: Ctx, id: number, areaCode: string, data: unknown): Promise<void> {
  const { a, area, target } = await loadArea(ctx, id, areaCode);
  requireSignedIn(ctx, 'announcements.report', target);
  const input = parseInput(ZSentInput, data);
  if (input.sentOn < a.issued_on) throw badRequest(INVALID, { sentOn: ['Afrapporteringen kan ikke være sendt før udmeldingen.'] });
  if (input.sentOn > ctx.clock.today()) throw badRequest(INVALID, { sentOn: ['Datoen kan ikke ligge i fremtiden.'] });
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockArea(trx, id, area.area_id);
    if (locked?.status !== 'kladde') throw conflict('Afrapporteringen er allerede sendt. Genindlæs siden.');
    if (!locked.report_text) throw badRequest(INVALID, { reportText: ['Skriv områdets afrapportering, før den sendes.'] });
    const fields = { sent_on: input.sentOn, sent_by: ctx.actor!.displayName, sent_reference: input.reference };
    if (!(await repo.setAreaStatus(trx, id, area.area_id, { from: 'kladde', to: 'sendt' }, fields))) throw conflict('Afrapporteringen er allerede sendt.');
    await audit(trx, ctx, {
      entity: 'coop_announcement_area',
      entityId: `${id}-${area.area_id}`,
      action: 'update',
      before: { status: 'kladde' },
      after: { status: 'sendt', sentOn: fields.sent_on, sentBy: fields.sent_by, sentReference: fields.sent_reference },
    });
  });
}

/** Records the authority's response to a sent report; 409 unless the report is sent and not yet answered. */
export async function recordResponse(ctx: Ctx, id: number, areaCode: string, data: unknown): Promise<void> {
  const { area, target } = await loadArea(ctx, id, areaCode);
  requireSignedIn(ctx, 'announcements.report', target);
  const input = parseInput(ZResponseInput, data);
  if (area.sent_on && input.responseOn < area.sent_on)
    throw badRequest(INVALID, { responseOn: ['Svaret kan ikke være modtaget før afrapporteringen blev sendt.'] });
  await ctx.db.transaction().execute(async (trx) => {
    const fields = { response_on: input.responseOn, response_text: input.text };
    if (!(await repo.setAreaStatus(trx, id, area.area_id, { from: 'sendt', to: 'besvaret' }, fields)))
      throw conflict('Styrelsens svar kan kun registreres én gang, efter afrapporteringen er sendt.');
    await audit(trx, ctx, {
      entity: 'coop_announcement_area',
      entityId: `${id}-${area.area_id}`,
      action: 'update',
      before: { status: 'sendt' },
      after: { status: 'besvaret', responseOn: input.responseOn, responseText: input.text },
    });
  });
}

// Forms ------------------------------------------------------------------------------------------------------

/** The form for a new announcement (no id) or for changing one: the areas to choose from and today's values. */
export async function announcementForm(ctx: Ctx, id: number | null) {
  if (id === null) await authorizeCreate(ctx, []);
  else await authorizeEdit(ctx, id);
  const all = await repo.areas(ctx.db);
  const own = all.filter((a) => can(ctx, 'announcements.report', { areaId: a.id, areaName: a.name }));
  if (id === null)
    return { areas: all, values: { areaCodes: own.map((a) => a.code), issuedOn: ctx.clock.today() } as Record<string, string | string[] | undefined>, id };
  const v = await getAnnouncement(ctx, id);
  const a = v.announcement;
  const values: Record<string, string | string[] | undefined> = {
    title: a.title,
    authority: a.authority,
    targetGroup: a.target_group,
    description: a.description ?? '',
    issuedOn: a.issued_on,
    deadline: a.first_deadline,
    areaCodes: v.areas.map((x) => x.code),
    questions: v.questions.map((q) => q.text).join('\n'),
    isJoint: a.is_joint ? 'on' : '',
    jointAnswer: a.joint_answer ?? '',
    version: String(a.version),
  };
  return { areas: all, values, id };
}

/**
 * What is due in the announcements for the actor (front page and reminders): a municipality's announcements it has
 * not answered in full, and a secretariat's area reports not yet sent, each by the announcement's deadline.
 */
export async function announcementDueItems(ctx: Ctx): Promise<DueGroup[]> {
  if (!ctx.actor || !can(ctx, 'announcements.read', ANNOUNCEMENTS)) return [];
  const actor = ctx.actor;
  const groups: DueGroup[] = [];
  if (can(ctx, 'announcements.answer', { organisationId: actor.organisationId, organisationName: actor.organisationName, isConcerned: true })) {
    const open = (await repo.unanswered(ctx.db, actor.organisationId, actor.areaIds)).filter((a) => a.answered < a.questions);
    if (open.length)
      groups.push({
        heading: 'Centrale udmeldinger at besvare',
        href: '/samarbejde/udmeldinger?status=aaben',
        items: open.map((a) => ({
          title: a.title,
          href: `/samarbejde/udmeldinger/${a.id}/svar`,
          due: a.deadline,
          detail: `${a.answered} af ${a.questions} spørgsmål besvaret`,
        })),
      });
  }
  const reports = (await repo.pendingReports(ctx.db, actor.areaIds)).filter((r) =>
    can(ctx, 'announcements.report', { areaId: r.area_id, areaName: r.area_name }),
  );
  if (reports.length)
    groups.push({
      heading: 'Afrapporteringer af centrale udmeldinger',
      href: '/samarbejde/udmeldinger?status=aaben',
      items: reports.map((r) => ({
        title: `${r.title}: ${r.area_name}`,
        href: `/samarbejde/udmeldinger/${r.id}/omraader/${r.area_code}`,
        due: r.deadline,
        detail: 'Områdets afrapportering er ikke sendt',
      })),
    });
  return groups;
}
