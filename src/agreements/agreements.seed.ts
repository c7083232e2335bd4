/**
 * @module Demo data for the agreement cycle (see agreements.seed-data.ts for the texts). Created in every scope:
 * the reference data (all municipalities, regions and areas) always exists, only users and offerings depend on it.
 */
import type { SeedContext } from '../core/capability.js';
import type { Db } from '../core/db/types.js';
import { formatDate } from '../core/format.js';
import { pick, weighted } from '../core/seed/random.js';
import { agreementMembers } from './agreements.repository.js';
import { addDays } from '../core/clock.js';
import { HOV2018, NEXT_ROUND, SJ2122, SJ2526, SJ2728, type SeedFocusArea, type SeedMilestone } from './agreements.seed-data.js';
import { buildVersionSections, type VersionSection } from './logic.js';

const SYSTEM = 'demodata';

type Def = {
  title: string;
  period: readonly [string, string];
  preparationStart: string;
  summary: string;
  sections?: Array<{ title: string; body: string }>;
  focusAreas: SeedFocusArea[];
  phases: Array<{ name: string; description: string; starts: string; ends: string }>;
  milestones: SeedMilestone[];
};

async function insertAgreement(db: Db, areaCode: string, def: Def, status: string, isPublic: boolean, publishedOn: string | null) {
  const area = await db.selectFrom('agreement_area').select('id').where('code', '=', areaCode).executeTakeFirstOrThrow();
  const agreement = await db
    .insertInto('agreement')
    .values({
      area_id: area.id,
      title: def.title,
      period_start: def.period[0],
      period_end: def.period[1],
      preparation_start: def.preparationStart,
      summary: def.summary,
      status,
      is_public: isPublic,
      published_on: publishedOn,
    })
    .returning(['id', 'area_id', 'period_start'])
    .executeTakeFirstOrThrow();
  const id = agreement.id;
  if (def.sections?.length)
    await db
      .insertInto('agreement_section')
      .values(def.sections.map((s, i) => ({ agreement_id: id, number: i + 1, title: s.title, body: s.body })))
      .execute();
  const fas = await db
    .insertInto('agreement_focus_area')
    .values(
      def.focusAreas.map((f) => ({
        agreement_id: id,
        part: f.part,
        number: f.number,
        title: f.title,
        goal: f.goal,
        content: f.content,
        desired_results: JSON.stringify(f.results),
        responsible: f.responsible,
      })),
    )
    .returning(['id', 'number'])
    .execute();
  for (const f of def.focusAreas) {
    const faId = fas.find((x) => x.number === f.number)!.id;
    for (const [oi, o] of (f.objectives ?? []).entries()) {
      const obj = await db
        .insertInto('agreement_objective')
        .values({ focus_area_id: faId, number: oi + 1, title: o.title, description: o.description ?? null })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const ind of o.indicators) {
        const row = await db
          .insertInto('agreement_indicator')
          .values({
            agreement_id: id,
            objective_id: obj.id,
            name: ind.name,
            definition: ind.definition,
            unit: ind.unit,
            direction: ind.direction,
            baseline_value: ind.baseline?.[0] ?? null,
            baseline_date: ind.baseline?.[1] ?? null,
            target_value: ind.target?.[0] ?? null,
            target_date: ind.target?.[1] ?? null,
            source: ind.source ?? 'manual',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (ind.measurements?.length) {
          await db
            .insertInto('agreement_measurement')
            .values(
              ind.measurements.map(([measured_on, value, source]) => ({ indicator_id: row.id, organisation_id: null, measured_on, value, source, note: null })),
            )
            .execute();
        }
      }
    }
  }
  const phases = await db
    .insertInto('agreement_phase')
    .values(def.phases.map((p, i) => ({ agreement_id: id, number: i + 1, name: p.name, description: p.description, starts_on: p.starts, ends_on: p.ends })))
    .returning(['id', 'number'])
    .execute();
  await db
    .insertInto('agreement_milestone')
    .values(
      def.milestones.map((m) => ({
        agreement_id: id,
        phase_id: m.phase ? (phases.find((p) => p.number === m.phase)?.id ?? null) : null,
        due_on: m.due,
        title: m.title,
        responsible: m.responsible,
        deliverable: m.deliverable ?? null,
        status: m.done ? ('gennemfoert' as const) : ('planlagt' as const),
        completed_on: m.done ? m.due : null,
        completes_on_status: m.completesOn ?? null,
      })),
    )
    .execute();
  return { id, agreement, phases, focusAreas: fas };
}

async function statusEvents(db: Db, agreementId: number, events: Array<[string, string, string]>) {
  await db
    .insertInto('agreement_status_event')
    .values(events.map(([status, changed_on, note]) => ({ agreement_id: agreementId, status, changed_on, note, actor_username: SYSTEM })))
    .execute();
}

async function approveAll(db: Db, random: () => number, agreementId: number, memberIds: number[], from: string, days: number) {
  const start = new Date(`${from}T12:00:00Z`).getTime();
  await db
    .insertInto('agreement_approval')
    .values(
      memberIds.map((organisation_id, i) => {
        const date = new Date(start + Math.floor(random() * days) * 86400000).toISOString().slice(0, 10);
        const withRemarks = random() < 0.15;
        return {
          agreement_id: agreementId,
          organisation_id,
          decision: withRemarks ? 'godkendt_med_bemaerkninger' : 'godkendt',
          decided_on: date,
          reference: `${i % 7 === 6 ? 'Regionsrådets' : 'Byrådets'} møde ${formatDate(date)}, punkt ${3 + Math.floor(random() * 20)}`,
          note: withRemarks ? 'Godkendt med ønske om tæt opfølgning på udgiftsudviklingen.' : null,
          updated_by: SYSTEM,
        };
      }),
    )
    .execute();
}

async function snapshot(db: Db, agreementId: number): Promise<VersionSection[]> {
  const [sections, fas, objectives, principles, commitments, parts] = await Promise.all([
    db.selectFrom('agreement_section').selectAll().where('agreement_id', '=', agreementId).execute(),
    db.selectFrom('agreement_focus_area').selectAll().where('agreement_id', '=', agreementId).execute(),
    db
      .selectFrom('agreement_objective as o')
      .innerJoin('agreement_focus_area as f', 'f.id', 'o.focus_area_id')
      .selectAll('o')
      .where('f.agreement_id', '=', agreementId)
      .execute(),
    db.selectFrom('agreement_principle').selectAll().where('agreement_id', '=', agreementId).execute(),
    db
      .selectFrom('agreement_commitment as c')
      .innerJoin('agreement_principle as p', 'p.id', 'c.principle_id')
      .selectAll('c')
      .where('p.agreement_id', '=', agreementId)
      .execute(),
    db.selectFrom('agreement_vocabulary').select(['code', 'label']).where('list', '=', 'del').orderBy('sort').execute(),
  ]);
  return buildVersionSections({
    freeSections: sections,
    parts,
    focusAreas: fas.map((f) => ({ ...f, objectives: objectives.filter((o) => o.focus_area_id === f.id).map((o) => ({ ...o, indicators: [] })) })),
    principles: principles.map((p) => ({ ...p, commitments: commitments.filter((c) => c.principle_id === p.id) })),
  });
}

const EVIDENCE = [
  'Indarbejdet i kommunens indkøbsprocedure',
  'Behandlet i socialudvalget',
  'Skabelon taget i brug',
  'Fast punkt på visitationsmødet',
  'Aftalt med leverandørerne',
  'Beskrevet i kvalitetsstandard',
];

async function seedSjaelland2526(db: Db, random: () => number) {
  const { id, agreement, phases } = await insertAgreement(db, 'sjaelland', SJ2526, 'godkendt', true, '2024-12-16');
  const members = await agreementMembers(db, agreement);
  const commitmentIds: Array<{ id: number; from: string }> = [];
  for (const [pi, p] of SJ2526.principles.entries()) {
    const pr = await db
      .insertInto('agreement_principle')
      .values({ agreement_id: id, number: pi + 1, title: p.title, description: p.description })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rows = await db
      .insertInto('agreement_commitment')
      .values(
        p.commitments.map((c, ci) => ({ principle_id: pr.id, number: ci + 1, text: c.text, scope_note: c.scope, applies_from: c.from, indicator_id: null })),
      )
      .returning(['id', 'applies_from'])
      .execute();
    commitmentIds.push(...rows.map((r) => ({ id: r.id, from: r.applies_from })));
  }
  // Link the first commitment to the implementation indicator so the commitment shows a measurable follow-up.
  const implemented = await db
    .selectFrom('agreement_indicator')
    .select('id')
    .where('agreement_id', '=', id)
    .where('source', '=', 'agreements.commitments-implemented')
    .executeTakeFirst();
  if (implemented) await db.updateTable('agreement_commitment').set({ indicator_id: implemented.id }).where('id', '=', commitmentIds[0]!.id).execute();
  // The contract commitments (standard contracts, time-limited contracts) are followed by the indicators computed
  // from the contracts themselves (placements), not by figures reported by hand.
  for (const [source, index] of [
    ['placements.standard-contracts', 0],
    ['placements.time-limited-contracts', 1],
  ] as const) {
    const computed = await db.selectFrom('agreement_indicator').select('id').where('agreement_id', '=', id).where('source', '=', source).executeTakeFirst();
    const commitment = commitmentIds[index];
    if (computed && commitment) await db.updateTable('agreement_commitment').set({ indicator_id: computed.id }).where('id', '=', commitment.id).execute();
  }

  const statusRows = [];
  for (const m of members) {
    const eager = 0.6 + random() * 0.8; // some members are further than others
    for (const c of commitmentIds) {
      if (random() < 0.05) continue; // not reported yet
      const early = c.from <= '2024-09-01';
      const status =
        m.kind === 'region' && random() < 0.3
          ? 'ikke_relevant'
          : weighted(
              random,
              early
                ? [
                    ['implementeret', 5 * eager],
                    ['i_gang', 3],
                    ['ikke_startet', 1 / eager],
                    ['ikke_relevant', 0.3],
                  ]
                : [
                    ['implementeret', 2 * eager],
                    ['i_gang', 4],
                    ['ikke_startet', 2 / eager],
                    ['ikke_relevant', 0.3],
                  ],
            );
      const from = new Date(`${c.from}T12:00:00Z`).getTime();
      const until = new Date('2026-11-01T12:00:00Z').getTime();
      const date = new Date(from + random() * (until - from)).toISOString().slice(0, 10);
      statusRows.push({
        commitment_id: c.id,
        organisation_id: m.id,
        status,
        status_date: date,
        evidence: status === 'implementeret' ? pick(random, EVIDENCE) : null,
        updated_by: SYSTEM,
      });
    }
  }
  await db.insertInto('agreement_commitment_status').values(statusRows).execute();
  await approveAll(
    db,
    random,
    id,
    members.map((m) => m.id),
    '2024-11-20',
    20,
  );

  // The half-day seminar: prioritising actions for the implementation strategy, and two free questions.
  const round = await db
    .insertInto('agreement_input_round')
    .values({
      agreement_id: id,
      phase_id: phases[0]!.id,
      kind: 'seminar',
      template: 'frie',
      title: 'Halvdagsseminar for direktører og chefer',
      held_on: '2024-10-04',
      description: 'Input til prioritering af handlinger i implementeringsstrategien for 2025 og til fokusområde 2 og 3.',
      vote_allowance: 5,
      is_open: false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const qs = await db
    .insertInto('agreement_input_question')
    .values([
      { round_id: round.id, number: 1, text: 'Hvilke handlinger vil I arbejde med under fokusområde 2 og 3 i 2025-2026?', focus_area_id: null, aspect: null },
      { round_id: round.id, number: 2, text: 'Skriv to budskaber til styregruppen om forslaget til organisering.', focus_area_id: null, aspect: null },
    ])
    .returning('id')
    .execute();
  const cands = await db
    .insertInto('agreement_input_candidate')
    .values(
      SJ2526.principles.flatMap((p, pi) =>
        p.commitments.map((c, ci) => ({ round_id: round.id, number: pi * 10 + ci + 1, title: `${pi + 1}.${ci + 1} ${c.text}`, description: null })),
      ),
    )
    .returning('id')
    .execute();
  const answers1 = [
    'Faste læger på botilbuddene',
    'Rekruttering af plejefamilier',
    'Koordinerede indsatsplaner ved udskrivning',
    'Sundhedskompetence hos personalet',
    'Fælles forebyggelse for børn og unge',
  ];
  const answers2 = [
    'Chefnetværkene skal have klare mandater',
    'Ad hoc-grupper skal have en slutdato',
    'Styregruppen skal prioritere færre indsatser',
    'Direktørforum som gatekeeper er en god idé',
    'Husk driften, ikke kun udvikling',
  ];
  for (let t = 1; t <= 5; t++) {
    const g = await db
      .insertInto('agreement_input_group')
      .values({ round_id: round.id, name: `Bord ${t}`, kind: 'bord', organisation_id: null, created_by: SYSTEM })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('agreement_input_answer')
      .values([
        { group_id: g.id, question_id: qs[0]!.id, text: `${answers1[t - 1]}. ${answers1[t % 5]}.` },
        { group_id: g.id, question_id: qs[1]!.id, text: `${answers2[t - 1]}. ${answers2[(t + 2) % 5]}.` },
      ])
      .execute();
    let left = 5;
    const votes = new Map<number, number>();
    while (left > 0) {
      const c = cands[Math.floor(random() * random() * cands.length)]!.id; // skewed toward the first principle
      votes.set(c, (votes.get(c) ?? 0) + 1);
      left--;
    }
    await db
      .insertInto('agreement_input_vote')
      .values([...votes].map(([candidate_id, n]) => ({ group_id: g.id, candidate_id, votes: n })))
      .execute();
  }

  // Hearing: version 1 in hearing, two comments answered, version 2 links them.
  const v1 = await db
    .insertInto('agreement_version')
    .values({
      agreement_id: id,
      number: 1,
      created_on: '2024-09-20',
      changelog: 'Første udkast til høring.',
      content: JSON.stringify(await snapshot(db, id)),
      hearing_until: '2024-10-04',
      created_by: SYSTEM,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const org = (name: string) => members.find((m) => m.name === name)!.id;
  const comments = await db
    .insertInto('agreement_hearing_comment')
    .values([
      {
        version_id: v1.id,
        section_key: 'princip-1',
        organisation_id: org('Holbæk Kommune'),
        author_username: 'demo-tilbudsoekonomi',
        text: 'Gælder kravet om tidsbegrænsede kontrakter også ved forlængelse af en eksisterende kontrakt?',
        response: 'taget_ind',
        response_reason: 'Præciseret: kravet gælder kun nye kontrakter, ikke forlængelser.',
        responded_at: new Date('2024-10-08T10:00:00Z'),
        responded_by: SYSTEM,
      },
      {
        version_id: v1.id,
        section_key: 'fokus-3',
        organisation_id: org('Næstved Kommune'),
        author_username: 'demo-naestved',
        text: 'Vi savner et mål for rekruttering af plejefamilier.',
        response: 'delvist_taget_ind',
        response_reason: 'Et mål for antal plejefamilier er tilføjet; et mål for kvalitet venter på den nationale model.',
        responded_at: new Date('2024-10-08T10:00:00Z'),
        responded_by: SYSTEM,
      },
    ])
    .returning('id')
    .execute();
  const v2 = await db
    .insertInto('agreement_version')
    .values({
      agreement_id: id,
      number: 2,
      created_on: '2024-10-11',
      changelog: 'Præcisering af kontraktkravene og nyt mål for plejefamilier efter høringen.',
      content: JSON.stringify(await snapshot(db, id)),
      hearing_until: null,
      created_by: SYSTEM,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('agreement_hearing_comment')
    .set({ addressed_in_version_id: v2.id })
    .where(
      'id',
      'in',
      comments.map((c) => c.id),
    )
    .execute();
  await statusEvents(db, id, [
    ['under_udarbejdelse', '2024-05-31', 'Arbejdet med aftalen er sat i gang.'],
    ['i_hoering', '2024-09-20', 'Version 1 sendt i høring til 4. oktober.'],
    ['til_godkendelse', '2024-10-11', 'Styregruppen har godkendt udkastet; sendt til godkendelse.'],
    ['godkendt', '2024-12-10', `Alle ${members.length} medlemmer har godkendt aftalen.`],
  ]);
}

async function seedSjaelland2122(db: Db, random: () => number) {
  const { id, agreement, phases, focusAreas } = await insertAgreement(db, 'sjaelland', { ...SJ2122, sections: [] }, 'godkendt', true, '2021-01-04');
  const members = await agreementMembers(db, agreement);
  await approveAll(
    db,
    random,
    id,
    members.map((m) => m.id),
    '2020-11-15',
    40,
  );
  const round = await db
    .insertInto('agreement_input_round')
    .values({
      agreement_id: id,
      phase_id: phases[0]!.id,
      kind: 'dialogmoede',
      template: 'fokusomraader',
      title: 'Dialogmøde for politikere, handicaprådsrepræsentanter og direktører',
      held_on: '2020-08-14',
      description: 'Bordvise drøftelser af forslagene til fokusområder (runde 1) og styringstemaer (runde 2).',
      vote_allowance: null,
      is_open: false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const aspects = ['maal', 'indhold', 'resultater'] as const;
  const aspectLabel = { maal: 'Mål', indhold: 'Ønsket indhold', resultater: 'Resultater' };
  const qRows = [...focusAreas].sort((a, b) => a.number - b.number).flatMap((f) => aspects.map((asp) => ({ f, asp })));
  const qs = await db
    .insertInto('agreement_input_question')
    .values(
      qRows.map(({ f, asp }, i) => ({
        round_id: round.id,
        number: i + 1,
        text: `Fokusområde ${f.number}: ${SJ2122.focusAreas.find((x) => x.number === f.number)!.title} – ${aspectLabel[asp]}`,
        focus_area_id: f.id,
        aspect: asp,
      })),
    )
    .returning(['id', 'focus_area_id', 'aspect'])
    .execute();
  for (let t = 1; t <= 4; t++) {
    const g = await db
      .insertInto('agreement_input_group')
      .values({ round_id: round.id, name: `Bord ${t}`, kind: 'bord', organisation_id: null, created_by: SYSTEM })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rows = qs.map((q) => {
      const number = focusAreas.find((f) => f.id === q.focus_area_id)!.number;
      const alternatives = SJ2122.answers[number]![aspects.indexOf(q.aspect as (typeof aspects)[number])]!;
      return { group_id: g.id, question_id: q.id, text: alternatives[(t + number) % alternatives.length]! };
    });
    await db
      .insertInto('agreement_input_answer')
      .values(rows.filter(() => random() < 0.85))
      .execute();
  }
  await statusEvents(db, id, [
    ['under_udarbejdelse', '2019-11-29', 'Dialogmøde om den kommende aftale.'],
    ['til_godkendelse', '2020-10-30', 'Sendt til godkendelse i byråd og regionsråd.'],
    ['godkendt', '2020-12-22', `Alle ${members.length} medlemmer har godkendt aftalen.`],
  ]);
}

async function seedHovedstaden2018(db: Db, random: () => number) {
  const { id, agreement, phases } = await insertAgreement(
    db,
    'hovedstaden',
    {
      ...HOV2018,
      sections: [
        {
          title: 'Baggrund',
          body: 'I udviklingsstrategien for 2016 valgte kommunerne og regionen at formulere fælles målsætninger for det tværgående, højt specialiserede socialområde. Arbejdet foregik i fire faser med dialogmøder på politisk og administrativt niveau.',
        },
      ],
    },
    'godkendt',
    true,
    '2017-04-03',
  );
  const members = await agreementMembers(db, agreement);
  await approveAll(
    db,
    random,
    id,
    members.map((m) => m.id),
    '2017-02-01',
    58,
  );
  for (const r of HOV2018.rounds) {
    const round = await db
      .insertInto('agreement_input_round')
      .values({
        agreement_id: id,
        phase_id: phases[r.phase - 1]!.id,
        kind: r.kind,
        template: 'frie',
        title: r.title,
        held_on: r.held,
        description: null,
        vote_allowance: null,
        is_open: false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const qs = await db
      .insertInto('agreement_input_question')
      .values(r.questions.map((text, i) => ({ round_id: round.id, number: i + 1, text, focus_area_id: null, aspect: null })))
      .returning('id')
      .execute();
    for (const [name, answers] of r.groups as Array<[string, string[]]>) {
      const g = await db
        .insertInto('agreement_input_group')
        .values({ round_id: round.id, name, kind: 'bord', organisation_id: null, created_by: SYSTEM })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('agreement_input_answer')
        .values(answers.map((text, i) => ({ group_id: g.id, question_id: qs[i]!.id, text })))
        .execute();
    }
  }
  await statusEvents(db, id, [
    ['under_udarbejdelse', '2015-12-04', 'Kommissoriet er besluttet.'],
    ['til_godkendelse', '2017-01-25', 'KKR Hovedstaden anbefaler godkendelse.'],
    ['godkendt', '2017-03-31', `Alle ${members.length} medlemmer har godkendt målsætningerne.`],
  ]);
}

async function seedSjaelland2728(db: Db) {
  const { id } = await insertAgreement(db, 'sjaelland', SJ2728, 'under_udarbejdelse', false, null);
  await statusEvents(db, id, [['under_udarbejdelse', '2026-05-29', 'Kick-off om den nye aftale.']]);
}

/** The next agreement of an area, under way on the seed's date: awaiting council decisions, or in hearing. */
async function seedNextRound(db: Db, random: () => number, today: string, areaCode: 'syddanmark' | 'nordjylland') {
  const d = NEXT_ROUND[areaCode];
  const inHearing = areaCode === 'nordjylland';
  const hearingFrom = addDays(today, inHearing ? -7 : -60);
  const hearingUntil = addDays(hearingFrom, 21);
  const decisionsDue = addDays(today, 45);
  const { id, agreement } = await insertAgreement(
    db,
    areaCode,
    {
      title: d.title,
      period: ['2027-01-01', '2028-12-31'],
      preparationStart: '2026-01-01',
      summary: d.summary,
      sections: [d.section],
      focusAreas: [{ ...d.focusArea, results: [...d.focusArea.results] }],
      phases: [
        { name: 'Udarbejdelse og høring', description: 'Udkastet skrives og sendes i høring.', starts: '2026-01-01', ends: hearingUntil },
        { name: 'Politisk godkendelse', description: 'Byråd og regionsråd behandler aftalen.', starts: addDays(hearingUntil, 1), ends: decisionsDue },
      ],
      milestones: [
        {
          due: hearingFrom,
          title: 'Udkast klar til høring',
          responsible: 'Sekretariatet',
          deliverable: 'Høringsudkast',
          done: true,
          phase: 1,
          completesOn: 'i_hoering',
        },
        { due: hearingUntil, title: 'Høringsfristen udløber', responsible: 'Kommunerne og regionen', done: !inHearing, phase: 1 },
        {
          due: decisionsDue,
          title: 'Godkendelse i byråd og regionsråd',
          responsible: 'Kommunerne og regionen',
          done: false,
          phase: 2,
          completesOn: 'godkendt',
        },
      ],
    },
    inHearing ? 'i_hoering' : 'til_godkendelse',
    false,
    null,
  );
  const members = await agreementMembers(db, agreement);
  const version = await db
    .insertInto('agreement_version')
    .values({
      agreement_id: id,
      number: 1,
      created_on: hearingFrom,
      changelog: 'Første udkast til høring.',
      content: JSON.stringify(await snapshot(db, id)),
      hearing_until: hearingUntil,
      created_by: SYSTEM,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Two members have answered the hearing; in Syddanmark a third of the members have decided.
  await db
    .insertInto('agreement_hearing_comment')
    .values(
      members.slice(0, 2).map((m, i) => ({
        version_id: version.id,
        section_key: 'fokus-1',
        organisation_id: m.id,
        author_username: SYSTEM,
        text: i === 0 ? 'Vi støtter fokusområdet og foreslår, at analysen også omfatter børneområdet.' : 'Hvordan indgår regionens tilbud i opgørelsen?',
      })),
    )
    .execute();
  if (inHearing) {
    await db.updateTable('agreement').set({ hearing_version_id: version.id }).where('id', '=', id).execute();
    await statusEvents(db, id, [
      ['under_udarbejdelse', '2026-01-05', 'Arbejdet med aftalen er sat i gang.'],
      ['i_hoering', hearingFrom, 'Version 1 sendt i høring.'],
    ]);
    return;
  }
  const decided = members.filter((_, i) => i % 3 === 0).map((m) => m.id);
  await approveAll(db, random, id, decided, addDays(hearingUntil, 7), 20);
  await statusEvents(db, id, [
    ['under_udarbejdelse', '2026-01-05', 'Arbejdet med aftalen er sat i gang.'],
    ['i_hoering', hearingFrom, 'Version 1 sendt i høring.'],
    ['til_godkendelse', addDays(hearingUntil, 3), 'Styregruppen har godkendt udkastet; sendt til godkendelse i byråd og regionsråd.'],
  ]);
}

export async function seedAgreements({ db, clock, random, log }: SeedContext): Promise<void> {
  await seedSjaelland2526(db, random);
  await seedSjaelland2122(db, random);
  await seedHovedstaden2018(db, random);
  await seedSjaelland2728(db);
  await seedNextRound(db, random, clock.today(), 'syddanmark');
  await seedNextRound(db, random, clock.today(), 'nordjylland');
  log('6 rammeaftaler (Sjælland 2021-2022, 2025-2026, 2027-2028, Hovedstaden 2018, Syddanmark og Nordjylland 2027-2028)');
}
