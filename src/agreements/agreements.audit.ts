/**
 * @module What the audit log records about the agreement cycle: one camelCase shape per entity type (the same
 * for create, update, before and after), and how the log names and links each type (`auditEntities`).
 */
import type { Selectable } from 'kysely';
import type { AuditEntity } from '../core/capability.js';
import type {
  AgreementSectionTable, AgreementTable, ApprovalTable, CommitmentStatusTable, CommitmentTable, FocusAreaTable, HearingCommentTable, IndicatorTable, InputGroupTable,
  InputRoundTable, MeasurementTable, MilestoneTable, ObjectiveTable, PhaseTable, PrincipleTable,
} from './agreements.table.js';

type Row<T> = Selectable<T>;

export const auditShape = {
  agreement: (a: Row<AgreementTable>) => ({
    areaId: a.area_id, title: a.title, periodStart: a.period_start, periodEnd: a.period_end, preparationStart: a.preparation_start, summary: a.summary,
    status: a.status, isPublic: a.is_public, publishedOn: a.published_on, hearingVersionId: a.hearing_version_id,
  }),
  section: (s: Row<AgreementSectionTable>) => ({ number: s.number, title: s.title, body: s.body }),
  focusArea: (f: Row<FocusAreaTable>) => ({ part: f.part, number: f.number, title: f.title, goal: f.goal, content: f.content, desiredResults: f.desired_results, responsible: f.responsible }),
  objective: (o: Row<ObjectiveTable>) => ({ focusAreaId: o.focus_area_id, number: o.number, title: o.title, description: o.description }),
  indicator: (i: Row<IndicatorTable>) => ({
    objectiveId: i.objective_id, name: i.name, definition: i.definition, unit: i.unit, direction: i.direction,
    baselineValue: i.baseline_value, baselineDate: i.baseline_date, targetValue: i.target_value, targetDate: i.target_date, source: i.source,
  }),
  measurement: (m: Row<MeasurementTable>) => ({ indicatorId: m.indicator_id, organisationId: m.organisation_id, measuredOn: m.measured_on, value: m.value, source: m.source, note: m.note }),
  principle: (p: Row<PrincipleTable>) => ({ number: p.number, title: p.title, description: p.description }),
  commitment: (c: Row<CommitmentTable>) => ({ principleId: c.principle_id, number: c.number, text: c.text, scopeNote: c.scope_note, appliesFrom: c.applies_from, indicatorId: c.indicator_id }),
  commitmentStatus: (s: Pick<Row<CommitmentStatusTable>, 'status' | 'status_date' | 'evidence'>) => ({ status: s.status, statusDate: s.status_date, evidence: s.evidence ?? null }),
  phase: (p: Row<PhaseTable>) => ({ number: p.number, name: p.name, description: p.description, startsOn: p.starts_on, endsOn: p.ends_on }),
  milestone: (m: Row<MilestoneTable>) => ({
    phaseId: m.phase_id, dueOn: m.due_on, title: m.title, responsible: m.responsible, deliverable: m.deliverable, status: m.status, completedOn: m.completed_on,
  }),
  round: (r: Row<InputRoundTable>, questions: readonly string[], candidates: readonly string[]) => ({
    phaseId: r.phase_id, kind: r.kind, template: r.template, title: r.title, heldOn: r.held_on, description: r.description, voteAllowance: r.vote_allowance, isOpen: r.is_open,
    questions: [...questions], candidates: [...candidates],
  }),
  group: (g: Row<InputGroupTable>) => ({ roundId: g.round_id, name: g.name, kind: g.kind, organisationId: g.organisation_id }),
  answers: (rows: ReadonlyArray<{ question_id: number; text: string }>) => ({ answers: rows.map((r) => ({ questionId: r.question_id, text: r.text })) }),
  votes: (rows: ReadonlyArray<{ candidate_id: number; votes: number }>) => ({ votes: rows.map((r) => ({ candidateId: r.candidate_id, votes: r.votes })) }),
  version: (v: { number: number; changelog: string | null; hearing_until: string | null }, sectionKeys: readonly string[], addressedCommentIds: readonly number[]) => ({
    number: v.number, changelog: v.changelog, hearingUntil: v.hearing_until, sections: [...sectionKeys], addressedCommentIds: [...addressedCommentIds],
  }),
  comment: (c: Row<HearingCommentTable>) => ({
    versionId: c.version_id, sectionKey: c.section_key, organisationId: c.organisation_id, author: c.author_username, text: c.text,
    response: c.response, responseReason: c.response_reason, respondedBy: c.responded_by, addressedInVersionId: c.addressed_in_version_id,
  }),
  approval: (a: Pick<Row<ApprovalTable>, 'decision' | 'decided_on' | 'reference' | 'note'>) => ({ decision: a.decision, decidedOn: a.decided_on, reference: a.reference, note: a.note }),
};

/** Entity ids of composite keys: `<agreement>:<organisation>` for approvals, `<commitment>:<organisation>` for statuses. */
const firstPart = (id: string) => (/^\d+:\d+$/.test(id) ? id.split(':')[0]! : null);

export const agreementsAuditEntities: Record<string, AuditEntity> = {
  agreement: {
    label: 'Rammeaftale',
    href: (id) => `/aftaler/${id}`,
    fieldLabels: {
      areaId: 'Aftaleområde', title: 'Titel', periodStart: 'Periodens start', periodEnd: 'Periodens slutning', preparationStart: 'Arbejdet starter', summary: 'Resumé',
      status: 'Status', isPublic: 'Offentliggjort', publishedOn: 'Offentliggjort den', hearingVersionId: 'Version i høring',
    },
  },
  agreement_section: { label: 'Aftaletekst (afsnit)', fieldLabels: { number: 'Nummer', title: 'Titel', body: 'Tekst' } },
  agreement_focus_area: {
    label: 'Fokusområde',
    fieldLabels: { part: 'Del', number: 'Nummer', title: 'Titel', goal: 'Mål', content: 'Indhold', desiredResults: 'Ønskede resultater', responsible: 'Ansvarlig' },
  },
  agreement_objective: { label: 'Målsætning', fieldLabels: { focusAreaId: 'Fokusområde', number: 'Nummer', title: 'Målsætning', description: 'Beskrivelse' } },
  agreement_indicator: {
    label: 'Indikator',
    fieldLabels: {
      objectiveId: 'Målsætning', name: 'Navn', definition: 'Definition', unit: 'Enhed', direction: 'Retning', baselineValue: 'Udgangspunkt, værdi',
      baselineDate: 'Udgangspunkt, dato', targetValue: 'Mål, værdi', targetDate: 'Mål, dato', source: 'Kilde',
    },
  },
  agreement_measurement: { label: 'Måling', fieldLabels: { indicatorId: 'Indikator', organisationId: 'Gælder', measuredOn: 'Dato', value: 'Værdi', source: 'Kilde', note: 'Note' } },
  agreement_principle: { label: 'Fælleskommunalt princip', fieldLabels: { number: 'Nummer', title: 'Titel', description: 'Beskrivelse' } },
  agreement_commitment: {
    label: 'Tilsagn',
    fieldLabels: { principleId: 'Princip', number: 'Nummer', text: 'Tilsagn', scopeNote: 'Afgrænsning', appliesFrom: 'Gælder fra', indicatorId: 'Indikator' },
  },
  agreement_commitment_status: { label: 'Status på tilsagn', fieldLabels: { status: 'Status', statusDate: 'Dato', evidence: 'Dokumentation' } },
  agreement_phase: { label: 'Fase', fieldLabels: { number: 'Nummer', name: 'Fase', description: 'Beskrivelse', startsOn: 'Start', endsOn: 'Slut' } },
  agreement_milestone: {
    label: 'Milepæl',
    fieldLabels: { phaseId: 'Fase', dueOn: 'Dato', title: 'Milepæl', responsible: 'Ansvarlig', deliverable: 'Leverance', status: 'Status', completedOn: 'Gennemført dato' },
  },
  agreement_input_round: {
    label: 'Inputrunde',
    fieldLabels: {
      phaseId: 'Fase', kind: 'Type', template: 'Skabelon', title: 'Titel', heldOn: 'Dato', description: 'Beskrivelse', voteAllowance: 'Stemmer pr. deltager', isOpen: 'Åben',
      questions: 'Spørgsmål', candidates: 'Handlinger at prioritere',
    },
  },
  agreement_input_group: { label: 'Deltagergruppe', fieldLabels: { roundId: 'Inputrunde', name: 'Gruppens navn', kind: 'Type', organisationId: 'Organisation' } },
  agreement_input_answer: { label: 'Svar i inputrunde', fieldLabels: { answers: 'Svar' } },
  agreement_input_vote: { label: 'Prioriteringsstemmer', fieldLabels: { votes: 'Stemmer' } },
  agreement_version: {
    label: 'Aftaleversion',
    fieldLabels: { number: 'Version', changelog: 'Ændringslog', hearingUntil: 'Høringsfrist', sections: 'Afsnit', addressedCommentIds: 'Besvarede høringssvar' },
  },
  agreement_hearing_comment: {
    label: 'Høringssvar',
    fieldLabels: {
      versionId: 'Version', sectionKey: 'Afsnit', organisationId: 'Organisation', author: 'Afgivet af', text: 'Høringssvar', response: 'Svar', responseReason: 'Begrundelse',
      respondedBy: 'Besvaret af', addressedInVersionId: 'Behandlet i version',
    },
  },
  agreement_approval: {
    label: 'Godkendelse',
    href: (id) => {
      const agreementId = firstPart(id);
      return agreementId ? `/aftaler/${agreementId}/godkendelse` : null;
    },
    fieldLabels: { decision: 'Beslutning', decidedOn: 'Dato', reference: 'Reference', note: 'Bemærkning' },
  },
};
