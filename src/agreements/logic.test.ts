import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  approvalSummary,
  buildVersionSections,
  canTransition,
  checkVotes,
  currentPhase,
  decisionChange,
  effectiveStatus,
  indicatorProgress,
  isOpenForDecisions,
  milestoneState,
  partsInOrder,
  phaseState,
  rollupMatrix,
  sharePercent,
  statusAfterDecisions,
  tallyVotes,
} from './logic.js';
import { count } from '../core/format.js';

const phases = [
  { id: 1, number: 1, name: 'Fokusering', starts_on: '2015-10-01', ends_on: '2016-02-29' },
  { id: 2, number: 2, name: 'Omsætning', starts_on: '2016-03-01', ends_on: '2016-05-31' },
  { id: 4, number: 4, name: 'Godkendelse', starts_on: '2016-09-01', ends_on: '2017-03-31' },
];

test('the current phase follows the dates, including the first and last day', () => {
  assert.equal(phaseState(phases[0]!, '2015-10-01'), 'i_gang');
  assert.equal(phaseState(phases[0]!, '2016-02-29'), 'i_gang');
  assert.equal(phaseState(phases[0]!, '2016-03-01'), 'afsluttet');
  assert.equal(phaseState(phases[1]!, '2016-02-29'), 'kommende');
  const cur = currentPhase(phases, '2016-03-01');
  assert.equal(cur.state, 'i_gang');
  assert.equal(cur.state === 'i_gang' && cur.phase.name, 'Omsætning');
});

test('before, between and after the phases', () => {
  assert.deepEqual(currentPhase(phases, '2015-01-01'), { state: 'foer_start', next: phases[0] });
  const gap = currentPhase(phases, '2016-07-01');
  assert.equal(gap.state, 'mellem_faser');
  assert.equal(gap.state === 'mellem_faser' && `${gap.previous.name}→${gap.next.name}`, 'Omsætning→Godkendelse');
  const after = currentPhase(phases, '2026-11-23');
  assert.equal(after.state === 'afsluttet' && after.previous.name, 'Godkendelse');
  assert.deepEqual(currentPhase([], '2026-11-23'), { state: 'ingen_faser' });
});

test('overlapping phases: the one that started last is current, whatever the input order', () => {
  const overlap = [
    { id: 2, number: 2, name: 'B', starts_on: '2024-03-01', ends_on: '2024-09-30' },
    { id: 1, number: 1, name: 'A', starts_on: '2024-01-01', ends_on: '2024-06-30' },
  ];
  const cur = currentPhase(overlap, '2024-04-01');
  assert.equal(cur.state === 'i_gang' && cur.phase.name, 'B');
});

test('a planned milestone is overdue the day after its date; a done one never is', () => {
  assert.equal(milestoneState({ status: 'planlagt', due_on: '2026-11-23' }, '2026-11-23'), 'planlagt');
  assert.equal(milestoneState({ status: 'planlagt', due_on: '2026-11-22' }, '2026-11-23'), 'forsinket');
  assert.equal(milestoneState({ status: 'gennemfoert', due_on: '2020-01-01' }, '2026-11-23'), 'gennemfoert');
});

const CODES = ['ikke_startet', 'i_gang', 'implementeret', 'ikke_relevant'];

test('matrix roll-up: totals per row and column, missing counts as not set, not relevant leaves the share', () => {
  const m = rollupMatrix(
    [10, 11],
    [1, 2, 3],
    [
      { commitment_id: 10, organisation_id: 1, status: 'implementeret' },
      { commitment_id: 10, organisation_id: 2, status: 'ikke_relevant' },
      { commitment_id: 10, organisation_id: 3, status: 'i_gang' },
      { commitment_id: 11, organisation_id: 1, status: 'implementeret' },
    ],
    CODES,
  );
  assert.equal(m.cell(11, 2), 'ikke_angivet');
  const r10 = m.rows.get(10)!;
  assert.equal(r10.total, 3);
  assert.equal(r10.relevant, 2);
  assert.equal(r10.implemented, 1);
  assert.equal(r10.share, '0.5');
  assert.equal(m.rows.get(11)!.counts.ikke_angivet, 2);
  const c1 = m.columns.get(1)!;
  assert.equal(c1.implemented, 2);
  assert.equal(c1.share, '1');
  assert.equal(m.columns.get(2)!.share, '0'); // one not relevant, one not set → 0 of 1
  assert.equal(m.overall.total, 6);
  assert.equal(m.overall.implemented, 2);
  assert.equal(m.overall.relevant, 5);
});

test('matrix roll-up: a column where nothing is relevant has no share', () => {
  const m = rollupMatrix([1], [7], [{ commitment_id: 1, organisation_id: 7, status: 'ikke_relevant' }], CODES);
  assert.equal(m.columns.get(7)!.share, null);
});

test('votes over the allowance, negative, fractional or for unknown candidates are refused', () => {
  assert.deepEqual(
    checkVotes(
      [
        { candidateId: 1, votes: 3 },
        { candidateId: 2, votes: 2 },
      ],
      5,
      [1, 2],
    ),
    [],
  );
  assert.match(
    checkVotes(
      [
        { candidateId: 1, votes: 4 },
        { candidateId: 2, votes: 2 },
      ],
      5,
      [1, 2],
    ).join(' '),
    /fordelt 6 stemmer.*kun 5/,
  );
  assert.equal(checkVotes([{ candidateId: 1, votes: -1 }], 5, [1]).length, 1);
  assert.equal(checkVotes([{ candidateId: 1, votes: 1.5 }], 5, [1]).length, 1);
  assert.match(checkVotes([{ candidateId: 9, votes: 1 }], 5, [1]).join(' '), /ikke findes/);
});

test('the tally sums per candidate, sorts by votes and shares ranks on ties', () => {
  const cands = [
    { id: 1, number: 1, title: 'A' },
    { id: 2, number: 2, title: 'B' },
    { id: 3, number: 3, title: 'C' },
    { id: 4, number: 4, title: 'D' },
  ];
  const rows = tallyVotes(cands, [
    { candidate_id: 2, votes: 3 },
    { candidate_id: 3, votes: 2 },
    { candidate_id: 2, votes: 1 },
    { candidate_id: 3, votes: 2 },
    { candidate_id: 1, votes: 1 },
    { candidate_id: 1, votes: 0 },
  ]);
  assert.deepEqual(
    rows.map((r) => [r.title, r.votes, r.rank, r.groups]),
    [
      ['B', 4, 1, 2],
      ['C', 4, 1, 2],
      ['A', 1, 3, 1],
      ['D', 0, 4, 0],
    ],
  );
});

test('approval: N of M, only approving decisions count, and status follows', () => {
  const s = approvalSummary(
    [1, 2, 3],
    [
      { organisation_id: 1, decision: 'godkendt' },
      { organisation_id: 2, decision: 'godkendt_med_bemaerkninger' },
      { organisation_id: 9, decision: 'godkendt' },
    ],
    ['godkendt', 'godkendt_med_bemaerkninger'],
    ['ikke_godkendt'],
  );
  assert.deepEqual(s, { approved: 2, total: 3, rejected: 0, pending: 1, isAllApproved: false });
  const all = approvalSummary(
    [1, 2],
    [
      { organisation_id: 1, decision: 'godkendt' },
      { organisation_id: 2, decision: 'godkendt' },
    ],
    ['godkendt'],
    ['ikke_godkendt'],
  );
  assert.equal(all.isAllApproved, true);
  assert.equal(approvalSummary([], [], ['godkendt'], []).isAllApproved, false);
  assert.equal(approvalSummary([1], [{ organisation_id: 1, decision: 'ikke_godkendt' }], ['godkendt'], ['ikke_godkendt']).rejected, 1);
  assert.equal(statusAfterDecisions('til_godkendelse', true), 'godkendt');
  assert.equal(statusAfterDecisions('til_godkendelse', false), 'til_godkendelse');
  assert.equal(statusAfterDecisions('godkendt', false), 'til_godkendelse');
  assert.equal(statusAfterDecisions('i_hoering', true), 'i_hoering');
});

test('status transitions by hand never reach godkendt; expiry is computed', () => {
  assert.equal(canTransition('under_udarbejdelse', 'i_hoering'), true);
  assert.equal(canTransition('i_hoering', 'til_godkendelse'), true);
  assert.equal(canTransition('til_godkendelse', 'godkendt'), false);
  assert.equal(canTransition('godkendt', 'under_udarbejdelse'), false);
  assert.equal(effectiveStatus('godkendt', '2022-12-31', '2026-11-23'), 'udloebet');
  assert.equal(effectiveStatus('godkendt', '2026-12-31', '2026-11-23'), 'godkendt');
  assert.equal(effectiveStatus('til_godkendelse', '2022-12-31', '2026-11-23'), 'til_godkendelse');
});

test('indicator progress in both directions', () => {
  assert.deepEqual(indicatorProgress('higher', '40', '80', null), { state: 'ingen_maaling', share: null });
  assert.deepEqual(indicatorProgress('higher', '40', '80', '60'), { state: 'paa_vej', share: '0.5' });
  assert.deepEqual(indicatorProgress('higher', '40', '80', '85'), { state: 'naaet', share: '1' });
  assert.deepEqual(indicatorProgress('higher', '40', '80', '30'), { state: 'tilbage', share: '-0.25' });
  assert.deepEqual(indicatorProgress('lower', '10', '5', '7.5'), { state: 'paa_vej', share: '0.5' });
  assert.deepEqual(indicatorProgress('lower', '10', '5', '5'), { state: 'naaet', share: '1' });
  assert.deepEqual(indicatorProgress('lower', '10', null, '5'), { state: 'ingen_maal', share: null });
});

test('version sections: free sections, then focus areas per part, then principles, with stable keys', () => {
  const sections = buildVersionSections({
    freeSections: [
      { number: 2, title: 'Læsevejledning', body: 'Sådan læses aftalen.' },
      { number: 1, title: 'Indledning', body: 'Aftalen dækker …' },
    ],
    parts: [
      { code: 'udvikling', label: 'Udviklingsstrategi' },
      { code: 'styring', label: 'Styringsaftale' },
    ],
    focusAreas: [
      { number: 2, part: 'styring', title: 'Data', goal: 'Bedre data', content: null, desired_results: ['Gennemsigtighed'], responsible: null, objectives: [] },
      {
        number: 1,
        part: 'udvikling',
        title: 'Samarbejde',
        goal: null,
        content: 'Tættere samarbejde',
        desired_results: [],
        responsible: 'Styregruppen',
        objectives: [
          {
            number: 1,
            title: 'Flere fælles tilbud',
            description: null,
            indicators: [{ name: 'Antal', unit: 'stk.', target_value: '3', target_date: '2026-12-31' }],
          },
        ],
      },
    ],
    principles: [
      {
        number: 1,
        title: 'Fælles om takster',
        description: null,
        commitments: [{ number: 1, text: 'Kun standardkontrakter', scope_note: 'kun nye kontrakter', applies_from: '2024-09-01' }],
      },
    ],
  });
  assert.deepEqual(
    sections.map((s) => s.key),
    ['afsnit-1', 'afsnit-2', 'fokus-1', 'fokus-2', 'princip-1'],
  );
  assert.match(sections[2]!.text, /Målsætning 1\.1: Flere fælles tilbud/);
  assert.match(sections[2]!.text, /mål: 3 stk\. senest 31\. december 2026/);
  assert.match(sections[3]!.label, /Styringsaftale, fokusområde 2/);
  assert.match(sections[4]!.text, /1\.1 Kun standardkontrakter \(kun nye kontrakter\) – gælder fra 1\. september 2024/);
});

test('focus areas read in number order: the part holding focus area 1 comes first, each part ordered by number', () => {
  const parts = [
    { code: 'udvikling', label: 'Udviklingsstrategi' },
    { code: 'styring', label: 'Styringsaftale' },
    { code: 'tom', label: 'Tom del' },
  ];
  const fas = [
    { part: 'udvikling', number: 3 },
    { part: 'styring', number: 1 },
    { part: 'udvikling', number: 2 },
  ];
  assert.deepEqual(
    partsInOrder(parts, fas).map((p) => [p.part.code, p.focusAreas.map((f) => f.number)]),
    [
      ['styring', [1]],
      ['udvikling', [2, 3]],
      ['tom', []],
    ],
  );
  const sections = buildVersionSections({
    freeSections: [],
    parts,
    focusAreas: fas.map((f) => ({ ...f, title: `F${f.number}`, goal: null, content: null, desired_results: [], responsible: null, objectives: [] })),
    principles: [],
  });
  assert.deepEqual(
    sections.map((s) => s.key),
    ['fokus-1', 'fokus-2', 'fokus-3'],
  );
});

test('counts take the Danish singular for one and the plural otherwise', () => {
  assert.equal(count(1, 'version', 'versioner'), '1 version');
  assert.equal(count(0, 'version', 'versioner'), '0 versioner');
  assert.equal(count(2, 'medlem', 'medlemmer'), '2 medlemmer');
});

test('roll-ups are exact decimals, worked by hand where floats go wrong', () => {
  // 29 of 200 relevant commitments implemented: 29/200 = 0.145 exactly, i.e. 14.5 %, 15 % rounded half up.
  // In floats 0.145 * 100 is 14.499999999999998, so Math.round gave 14 % and toFixed(1) gave "14.5" only by luck.
  const ids = Array.from({ length: 200 }, (_, i) => i + 1);
  const m = rollupMatrix(
    ids,
    [1],
    ids.slice(0, 29).map((c) => ({ commitment_id: c, organisation_id: 1, status: 'implementeret' })),
    CODES,
  );
  assert.equal(m.overall.share, '0.145');
  assert.equal(sharePercent(m.overall.share, 1), '14.5');
  assert.equal(sharePercent(m.overall.share, 0), '15');
  assert.equal(Math.round(0.145 * 100), 14, 'the float result the roll-up no longer gives');
  // 1 of 3: one rounding, at the end: 33.3 %; 2 of 3: 66.7 %.
  assert.equal(sharePercent(rollupMatrix([1, 2, 3], [1], [{ commitment_id: 1, organisation_id: 1, status: 'implementeret' }], CODES).overall.share, 1), '33.3');
  assert.equal(sharePercent('0.66666666666666666666666666666666666667', 1), '66.7');
  // Progress from 0.1 toward 0.3 at 0.2 is exactly halfway; floats say (0.2 - 0.1) / (0.3 - 0.1) = 0.49999999999999994.
  assert.deepEqual(indicatorProgress('higher', '0.1', '0.3', '0.2'), { state: 'paa_vej', share: '0.5' });
  assert.notEqual((0.2 - 0.1) / (0.3 - 0.1), 0.5);
  // Reaching the target compares the decimals exactly: "0.30" is the target "0.3".
  assert.deepEqual(indicatorProgress('higher', '0', '0.3', '0.30'), { state: 'naaet', share: '1' });
});

test('council decisions: registered only while the agreement is out for approval; an identical registration is refused', () => {
  assert.equal(isOpenForDecisions('til_godkendelse'), true);
  assert.equal(isOpenForDecisions('godkendt'), true);
  assert.equal(isOpenForDecisions('i_hoering'), false);
  assert.equal(isOpenForDecisions('under_udarbejdelse'), false);
  const d = { decision: 'godkendt', decided_on: '2026-11-20', reference: 'Byrådet', note: null };
  assert.equal(decisionChange(undefined, d), 'create');
  assert.equal(decisionChange(d, { ...d }), 'unchanged');
  assert.equal(decisionChange(d, { ...d, reference: 'Byrådet, pkt. 4' }), 'update', 'a correction of the reference is a change');
  assert.equal(decisionChange(d, { ...d, decision: 'ikke_godkendt' }), 'update');
});
