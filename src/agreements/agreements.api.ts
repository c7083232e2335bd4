/**
 * @module JSON API for agreements: list, one agreement with all its content, statuses and approvals, computed
 * indicator values, and the writes (secretariat: content and process; members: own statuses, answers, votes,
 * decisions; any signed-in organisation: hearing comments).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../core/capability.js';
import { today } from '../core/auth/auth.service.js';
import type { Queryable } from '../core/db/types.js';
import { notFound } from '../core/errors.js';
import { toRouteSchema } from '../core/validation.js';
import type { Actor } from '../core/auth/actor.js';
import { canRead, requireRead } from './access.js';
import {
  agreementMembers, allVocabulary, approvals, commitmentStatuses, getAgreement, loadContent, milestonesOf, phasesOf, statusEvents, versionsOf, type AgreementRow,
} from './agreements.repo.js';
import * as S from './agreements.schema.js';
import { addMeasurement, changeStatus, createAgreement, saveCommitment, saveFocusArea, saveIndicator, saveObjective, savePrinciple, saveSection, setCommitmentStatus, setPublished, updateAgreement } from './content.service.js';
import { addComment, commentsOf, createVersion, respondToComment } from './hearing.service.js';
import { createGroup, createRound, saveAnswers, saveVotes } from './input.service.js';
import { approvalSummary, currentPhase, effectiveStatus, milestoneState, partsInOrder } from './logic.js';
import { completeMilestone, saveMilestone, savePhase, setApproval } from './process.service.js';
import { computeIndicator } from './indicator-values.js';

const TAGS = ['Rammeaftaler'];
const num = (req: FastifyRequest, key: string): number => {
  const v = Number((req.params as Record<string, string>)[key]);
  if (!Number.isInteger(v) || v <= 0 || v > 2147483647) throw notFound();
  return v;
};
const params = (...names: string[]) => ({ type: 'object', properties: Object.fromEntries(names.map((n) => [n, { type: 'integer' }])), required: names });

/** Everything about one agreement, as the API and the published document see it. */
export async function agreementJson(db: Queryable, agreement: AgreementRow) {
  const d = today();
  const [vocab, members, content, statuses, decisions, phases, milestones, events, versions] = await Promise.all([
    allVocabulary(db),
    agreementMembers(db, agreement),
    loadContent(db, agreement.id),
    commitmentStatuses(db, agreement.id),
    approvals(db, agreement.id),
    phasesOf(db, agreement.id),
    milestonesOf(db, agreement.id),
    statusEvents(db, agreement.id),
    versionsOf(db, agreement.id),
  ]);
  const summary = approvalSummary(
    members.map((m) => m.id),
    decisions,
    vocab.list('beslutning').filter((k) => k.counts_as_approval).map((k) => k.code),
    vocab.list('beslutning').filter((k) => k.counts_as_rejection).map((k) => k.code),
  );
  const cur = currentPhase(phases, d);
  const status = effectiveStatus(agreement.status, agreement.period_end, d);
  return {
    id: agreement.id,
    title: agreement.title,
    area: { id: agreement.area_id, code: agreement.area_code, name: agreement.area_name },
    periodStart: agreement.period_start,
    periodEnd: agreement.period_end,
    preparationStart: agreement.preparation_start,
    status,
    statusLabel: vocab.label('aftalestatus', status),
    summary: agreement.summary,
    isPublic: agreement.is_public,
    publishedOn: agreement.published_on,
    approval: { approved: summary.approved, total: summary.total, rejected: summary.rejected, pending: summary.pending, text: `${summary.approved} af ${summary.total} har godkendt` },
    currentPhase: cur.state === 'i_gang' ? { id: cur.phase.id, name: cur.phase.name } : null,
    members: members.map((m) => ({ id: m.id, name: m.name, kind: m.kind })),
    sections: content.sections.map((s) => ({ id: s.id, number: s.number, title: s.title, body: s.body })),
    focusAreas: partsInOrder(vocab.list('del'), content.focusAreas).flatMap((p) => p.focusAreas).map((f) => ({
      id: f.id, part: f.part, partLabel: vocab.label('del', f.part), number: f.number, title: f.title, goal: f.goal, content: f.content, desiredResults: f.desired_results, responsible: f.responsible,
      objectives: f.objectives.map((o) => ({ id: o.id, number: o.number, title: o.title, description: o.description, indicators: o.indicators.map((i) => i.id) })),
    })),
    indicators: content.indicators.map((i) => ({
      id: i.id, objectiveId: i.objective_id, name: i.name, definition: i.definition, unit: i.unit, direction: i.direction,
      baseline: i.baseline_value === null ? null : { value: i.baseline_value, date: i.baseline_date },
      target: i.target_value === null ? null : { value: i.target_value, date: i.target_date },
      source: i.source, latest: i.latest,
    })),
    principles: content.principles.map((p) => ({
      id: p.id, number: p.number, title: p.title, description: p.description,
      commitments: p.commitments.map((c) => ({
        id: c.id, number: c.number, text: c.text, scopeNote: c.scope_note, appliesFrom: c.applies_from, indicatorId: c.indicator_id,
        statuses: statuses.filter((s) => s.commitment_id === c.id).map((s) => ({ organisationId: s.organisation_id, status: s.status, statusLabel: vocab.label('tilsagnsstatus', s.status), date: s.status_date, evidence: s.evidence })),
      })),
    })),
    phases: phases.map((p) => ({ id: p.id, number: p.number, name: p.name, description: p.description, startsOn: p.starts_on, endsOn: p.ends_on, isCurrent: cur.state === 'i_gang' && cur.phase.id === p.id })),
    milestones: milestones.map((m) => ({ id: m.id, phaseId: m.phase_id, dueOn: m.due_on, title: m.title, responsible: m.responsible, deliverable: m.deliverable, status: m.status, state: milestoneState(m, d), completedOn: m.completed_on })),
    approvals: members.map((m) => {
      const a = decisions.find((x) => x.organisation_id === m.id);
      return { organisationId: m.id, organisation: m.name, decision: a?.decision ?? 'afventer', decisionLabel: vocab.label('beslutning', a?.decision ?? 'afventer'), decidedOn: a?.decided_on ?? null, reference: a?.reference ?? null, note: a?.note ?? null };
    }),
    history: events.map((e) => ({ status: e.status, statusLabel: vocab.label('aftalestatus', e.status), date: e.changed_on, note: e.note })),
    versions: versions.map((v) => ({ id: v.id, number: v.number, createdOn: v.created_on, changelog: v.changelog, hearingUntil: v.hearing_until, sections: v.content.map((s) => s.key) })),
  };
}

export function agreementsApi(app: FastifyInstance, { db }: AppContext) {
  const load = async (req: FastifyRequest) => {
    const a = await getAgreement(db, num(req, 'id'));
    requireRead(req.actor, a);
    return a;
  };
  const created = (id: number) => ({ id });
  const actor = (req: FastifyRequest): Actor | null => req.actor;

  app.get('/api/agreements', { schema: { summary: 'Rammeaftaler, du kan se (offentliggjorte for alle; alle i dine aftaleområder når du er logget ind)', tags: TAGS, security: [] } }, async (req) => {
    const rows = await db
      .selectFrom('agreement as a')
      .innerJoin('agreement_area as ar', 'ar.id', 'a.area_id')
      .selectAll('a')
      .select(['ar.name as area_name', 'ar.code as area_code'])
      .orderBy('a.period_start', 'desc')
      .execute();
    const vocab = await allVocabulary(db);
    const d = today();
    return {
      agreements: rows
        .filter((a) => canRead(req.actor, a))
        .map((a) => {
          const status = effectiveStatus(a.status, a.period_end, d);
          return { id: a.id, title: a.title, area: { id: a.area_id, code: a.area_code, name: a.area_name }, periodStart: a.period_start, periodEnd: a.period_end, status, statusLabel: vocab.label('aftalestatus', status), isPublic: a.is_public };
        }),
    };
  });

  app.get('/api/agreements/:id', { schema: { summary: 'Én rammeaftale med fokusområder, målsætninger, indikatorer, principper, tilsagn, medlemmernes status, faser, milepæle og godkendelser', tags: TAGS, params: params('id'), security: [] } }, async (req) =>
    agreementJson(db, await load(req)),
  );

  app.get('/api/agreements/:id/indicators/:indicatorId/values', { schema: { summary: 'Indikatorens værdi for området og pr. medlem med rækkerne bag (beregnede indikatorer) eller målingerne (manuelle)', tags: TAGS, params: params('id', 'indicatorId'), security: [] } }, async (req) => {
    const a = await load(req);
    return computeIndicator(db, a, num(req, 'indicatorId'));
  });

  app.get('/api/agreements/:id/comments', { schema: { summary: 'Høringssvar med sekretariatets svar', tags: TAGS, params: params('id') } }, async (req) => {
    const a = await load(req);
    return { comments: (await commentsOf(db, a.id)).map((c) => ({ id: c.id, version: c.version_number, section: c.section_key, organisation: c.organisation_name, text: c.text, response: c.response, responseReason: c.response_reason, addressedInVersion: c.addressed_in_version_number })) };
  });

  // Writes --------------------------------------------------------------------------------------------------
  const post = (url: string, summary: string, body: z.ZodType, names: string[], run: (req: FastifyRequest) => Promise<unknown>, method: 'POST' | 'PUT' | 'PATCH' = 'POST', status = 201) =>
    app.route({ method, url, schema: { summary, tags: TAGS, body: toRouteSchema(body), ...(names.length ? { params: params(...names) } : {}) }, handler: async (req, reply) => reply.status(status).send(await run(req)) });

  post('/api/agreements', 'Opret en rammeaftale (sekretariatet)', S.ZAgreement, [], async (req) => created(await createAgreement(db, actor(req), req.body)));
  post('/api/agreements/:id', 'Erstat aftalens titel, periode og resumé (sekretariatet)', S.ZAgreement, ['id'], async (req) => (await updateAgreement(db, actor(req), num(req, 'id'), req.body), { ok: true }), 'PUT', 200);
  post('/api/agreements/:id/status', 'Skift status: i høring, til godkendelse eller tilbage til udarbejdelse (sekretariatet). Godkendt følger af godkendelserne.', S.ZStatusChange, ['id'], async (req) => (await changeStatus(db, actor(req), num(req, 'id'), req.body), { ok: true }), 'POST', 200);
  post('/api/agreements/:id/publication', 'Offentliggør eller skjul aftalen (sekretariatet)', S.ZPublish, ['id'], async (req) => (await setPublished(db, actor(req), num(req, 'id'), req.body), { ok: true }), 'PUT', 200);
  post('/api/agreements/:id/sections', 'Tilføj et frit afsnit (sekretariatet)', S.ZSection, ['id'], async (req) => created(await saveSection(db, actor(req), num(req, 'id'), null, req.body)));
  post('/api/agreements/:id/focus-areas', 'Tilføj et fokusområde (sekretariatet)', S.ZFocusArea, ['id'], async (req) => created(await saveFocusArea(db, actor(req), num(req, 'id'), null, req.body)));
  post('/api/agreements/:id/focus-areas/:focusAreaId', 'Ret et fokusområde (sekretariatet)', S.ZFocusArea, ['id', 'focusAreaId'], async (req) => created(await saveFocusArea(db, actor(req), num(req, 'id'), num(req, 'focusAreaId'), req.body)), 'PUT', 200);
  post('/api/agreements/:id/focus-areas/:focusAreaId/objectives', 'Tilføj en målsætning til et fokusområde (sekretariatet)', S.ZObjective, ['id', 'focusAreaId'], async (req) => created(await saveObjective(db, actor(req), num(req, 'id'), num(req, 'focusAreaId'), null, req.body)));
  post('/api/agreements/:id/indicators', 'Tilføj en indikator (kilde: manual eller en beregnings kode) (sekretariatet)', S.ZIndicator, ['id'], async (req) => created(await saveIndicator(db, actor(req), num(req, 'id'), null, req.body)));
  post('/api/agreements/:id/indicators/:indicatorId', 'Ret en indikator (sekretariatet)', S.ZIndicator, ['id', 'indicatorId'], async (req) => created(await saveIndicator(db, actor(req), num(req, 'id'), num(req, 'indicatorId'), req.body)), 'PUT', 200);
  post('/api/agreements/:id/indicators/:indicatorId/measurements', 'Registrér en måling (sekretariatet)', S.ZMeasurement, ['id', 'indicatorId'], async (req) => created(await addMeasurement(db, actor(req), num(req, 'id'), num(req, 'indicatorId'), req.body)));
  post('/api/agreements/:id/principles', 'Tilføj et fælleskommunalt princip (sekretariatet)', S.ZPrinciple, ['id'], async (req) => created(await savePrinciple(db, actor(req), num(req, 'id'), null, req.body)));
  post('/api/agreements/:id/principles/:principleId/commitments', 'Tilføj et tilsagn til et princip (sekretariatet)', S.ZCommitment, ['id', 'principleId'], async (req) => created(await saveCommitment(db, actor(req), num(req, 'id'), num(req, 'principleId'), null, req.body)));
  post('/api/agreements/:id/commitments/:commitmentId/statuses/:organisationId', 'Sæt et medlems status på et tilsagn (kun medlemmets egne brugere)', S.ZCommitmentStatus, ['id', 'commitmentId', 'organisationId'], async (req) => (await setCommitmentStatus(db, actor(req), num(req, 'id'), num(req, 'commitmentId'), num(req, 'organisationId'), req.body), { ok: true }), 'PUT', 200);
  post('/api/agreements/:id/phases', 'Tilføj en fase til procesplanen (sekretariatet)', S.ZPhase, ['id'], async (req) => created(await savePhase(db, actor(req), num(req, 'id'), null, req.body)));
  post('/api/agreements/:id/milestones', 'Tilføj en milepæl (sekretariatet)', S.ZMilestone, ['id'], async (req) => created(await saveMilestone(db, actor(req), num(req, 'id'), null, req.body)));
  post('/api/agreements/:id/milestones/:milestoneId', 'Ret en milepæl (sekretariatet)', S.ZMilestone, ['id', 'milestoneId'], async (req) => created(await saveMilestone(db, actor(req), num(req, 'id'), num(req, 'milestoneId'), req.body)), 'PUT', 200);
  app.post('/api/agreements/:id/milestones/:milestoneId/done', { schema: { summary: 'Markér en milepæl som gennemført i dag (sekretariatet)', tags: TAGS, params: params('id', 'milestoneId') } }, async (req) => {
    await completeMilestone(db, actor(req), num(req, 'id'), num(req, 'milestoneId'));
    return { ok: true };
  });
  post('/api/agreements/:id/approvals/:organisationId', 'Registrér et byråds/regionsråds beslutning (medlemmet selv eller sekretariatet)', S.ZApproval, ['id', 'organisationId'], async (req) => setApproval(db, actor(req), num(req, 'id'), num(req, 'organisationId'), req.body), 'PUT', 200);
  post('/api/agreements/:id/versions', 'Udgiv en ny version af aftaleteksten med ændringslog og de høringssvar, den besvarer (sekretariatet)', S.ZVersion, ['id'], async (req) => createVersion(db, actor(req), num(req, 'id'), req.body));
  post('/api/agreements/:id/versions/:versionId/comments', 'Afgiv høringssvar til et afsnit i versionen i høring', S.ZComment, ['id', 'versionId'], async (req) => created(await addComment(db, actor(req), num(req, 'id'), num(req, 'versionId'), req.body)));
  post('/api/agreements/:id/comments/:commentId/response', 'Besvar et høringssvar: taget ind, delvist taget ind eller ikke taget ind, med begrundelse (sekretariatet)', S.ZResponse, ['id', 'commentId'], async (req) => (await respondToComment(db, actor(req), num(req, 'id'), num(req, 'commentId'), req.body), { ok: true }), 'PUT', 200);
  post('/api/agreements/:id/rounds', 'Opret en inputrunde (dialogmøde, workshop, seminar), evt. som prioritering (sekretariatet)', S.ZRound, ['id'], async (req) => created(await createRound(db, actor(req), num(req, 'id'), req.body)));
  post('/api/agreements/:id/rounds/:roundId/groups', 'Tilføj en deltagergruppe (sekretariatet: alle slags; medlemmer: egen organisation)', S.ZGroup, ['id', 'roundId'], async (req) => created(await createGroup(db, actor(req), num(req, 'id'), num(req, 'roundId'), req.body)));
  post('/api/agreements/:id/rounds/:roundId/groups/:groupId/answers', 'Gem en gruppes svar: { answers: { "<spørgsmåls-id>": "tekst" } }', S.ZAnswers, ['id', 'roundId', 'groupId'], async (req) => (await saveAnswers(db, actor(req), num(req, 'id'), num(req, 'roundId'), num(req, 'groupId'), req.body), { ok: true }), 'PUT', 200);
  post('/api/agreements/:id/rounds/:roundId/groups/:groupId/votes', 'Gem en gruppes stemmer: { votes: { "<handlings-id>": antal } } inden for rundens stemmetal', S.ZVotes, ['id', 'roundId', 'groupId'], async (req) => (await saveVotes(db, actor(req), num(req, 'id'), num(req, 'roundId'), num(req, 'groupId'), req.body), { ok: true }), 'PUT', 200);
}
