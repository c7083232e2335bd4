/**
 * Access matrix entries for the agreement cycle (see core/testing/access.ts). Fixtures: the published Sjælland
 * 2025-2026 agreement (readable by everyone), the unpublished 2027-2028 draft, Holbæk Kommune (the municipality of
 * demo-myndighed and demo-tilbudsoekonomi), a seeded table group without an organisation (only the secretariat
 * answers for it).
 */
import { ALL, SIGNED_IN, type AccessExpectation, type Who } from '../access.js';
import type { Db } from '../../core/db/types.js';

const PUBLISHED = 'Rammeaftale Sjælland 2025-2026';
const DRAFT = 'Rammeaftale Sjælland 2027-2028';
const SEC: Who[] = ['sekretariat'];
const HOLBAEK_WRITERS: Who[] = ['myndighed', 'tilbudsoekonomi'];
const SEC_OR_HOLBAEK: Who[] = ['sekretariat', ...HOLBAEK_WRITERS];

const agr = async (db: Db, title = PUBLISHED) => (await db.selectFrom('agreement').select('id').where('title', '=', title).executeTakeFirstOrThrow()).id;
const first = async (
  db: Db,
  table:
    | 'agreement_focus_area'
    | 'agreement_principle'
    | 'agreement_section'
    | 'agreement_indicator'
    | 'agreement_milestone'
    | 'agreement_input_round'
    | 'agreement_version',
  agreementId: number,
) => (await db.selectFrom(table).select('id').where('agreement_id', '=', agreementId).orderBy('id').executeTakeFirstOrThrow()).id;
const commitment = async (db: Db, agreementId: number) =>
  (
    await db
      .selectFrom('agreement_commitment as c')
      .innerJoin('agreement_principle as p', 'p.id', 'c.principle_id')
      .select('c.id')
      .where('p.agreement_id', '=', agreementId)
      .orderBy('c.id')
      .executeTakeFirstOrThrow()
  ).id;
const holbaek = async (db: Db) => (await db.selectFrom('organisation').select('id').where('name', '=', 'Holbæk Kommune').executeTakeFirstOrThrow()).id;
const group = async (db: Db, roundId: number) =>
  (await db.selectFrom('agreement_input_group').select('id').where('round_id', '=', roundId).orderBy('id').executeTakeFirstOrThrow()).id;
const question = async (db: Db, roundId: number) =>
  (await db.selectFrom('agreement_input_question').select('id').where('round_id', '=', roundId).orderBy('id').executeTakeFirstOrThrow()).id;
const comment = async (db: Db, agreementId: number) =>
  (
    await db
      .selectFrom('agreement_hearing_comment as c')
      .innerJoin('agreement_version as v', 'v.id', 'c.version_id')
      .select('c.id')
      .where('v.agreement_id', '=', agreementId)
      .orderBy('c.id')
      .executeTakeFirstOrThrow()
  ).id;

/** URL builders on the published agreement: `/aftaler/<id><sub>` with fixture ids filled in. */
const on =
  (build: (db: Db, id: number) => Promise<string> | string, title = PUBLISHED) =>
  async (db: Db) => {
    const id = await agr(db, title);
    return build(db, id);
  };
const page = (sub: string, title = PUBLISHED) => on((_db, id) => `/aftaler/${id}${sub}`, title);
const api = (sub: string, title = PUBLISHED) => on((_db, id) => `/api/agreements/${id}${sub}`, title);

export const accessExpectations: AccessExpectation[] = [
  { route: 'GET /static/agreements/aftaler.css', url: '/static/agreements/aftaler.css', allowed: ALL },

  // Reading: the published agreement is public; the draft only for the area's members and secretariat.
  { route: 'GET /aftaler', url: '/aftaler', allowed: ALL },
  { route: 'GET /aftaler/:id', url: page(''), allowed: ALL },
  {
    route: 'GET /aftaler/:id',
    url: page('', DRAFT),
    allowed: ['sekretariat', 'myndighed', 'tilbudsoekonomi', 'laeser', 'administrator'],
    note: 'unpublished draft: not the public, not a provider outside the area',
  },
  { route: 'GET /aftaler/:id/indhold', url: page('/indhold'), allowed: ALL },
  { route: 'GET /aftaler/:id/principper', url: page('/principper'), allowed: ALL },
  { route: 'GET /aftaler/:id/principper/matrix.xlsx', url: page('/principper/matrix.xlsx'), allowed: ALL },
  {
    route: 'GET /aftaler/:id/indikatorer/:iid',
    url: on(async (db, id) => `/aftaler/${id}/indikatorer/${await first(db, 'agreement_indicator', id)}`),
    allowed: SIGNED_IN,
    note: 'the rows behind the figures name offerings: signed-in readers only',
  },
  { route: 'GET /aftaler/:id/tidslinje', url: page('/tidslinje'), allowed: ALL },
  { route: 'GET /aftaler/:id/input', url: page('/input'), allowed: ALL },
  { route: 'GET /aftaler/:id/input/:rid', url: on(async (db, id) => `/aftaler/${id}/input/${await first(db, 'agreement_input_round', id)}`), allowed: ALL },
  {
    route: 'GET /aftaler/:id/input/:rid/spoergsmaal/:qid',
    url: on(async (db, id) => {
      const r = await first(db, 'agreement_input_round', id);
      return `/aftaler/${id}/input/${r}/spoergsmaal/${await question(db, r)}`;
    }),
    allowed: ALL,
  },
  {
    route: 'GET /aftaler/:id/input/:rid/svar.xlsx',
    url: on(async (db, id) => `/aftaler/${id}/input/${await first(db, 'agreement_input_round', id)}/svar.xlsx`),
    allowed: ALL,
  },
  { route: 'GET /aftaler/:id/hoering', url: page('/hoering'), allowed: ALL },
  { route: 'GET /aftaler/:id/versioner/:vid', url: on(async (db, id) => `/aftaler/${id}/versioner/${await first(db, 'agreement_version', id)}`), allowed: ALL },
  { route: 'GET /aftaler/:id/godkendelse', url: page('/godkendelse'), allowed: ALL },
  { route: 'GET /aftaler/:id/dokument', url: page('/dokument'), allowed: ALL },
  { route: 'GET /aftaler/:id/dokument', url: page('/dokument', DRAFT), allowed: ['sekretariat', 'myndighed', 'tilbudsoekonomi', 'laeser', 'administrator'] },
  { route: 'GET /aftaler/:id/aftale.pdf', url: page('/aftale.pdf'), allowed: ALL },

  // The secretariat's forms.
  { route: 'GET /aftaler/ny', url: '/aftaler/ny', allowed: SEC },
  { route: 'POST /aftaler/ny', url: '/aftaler/ny', allowed: SEC, isForm: true },
  { route: 'POST /aftaler/:id/status', url: page('/status'), allowed: SEC, isForm: true },
  { route: 'GET /aftaler/:id/offentliggoerelse', url: page('/offentliggoerelse', DRAFT), allowed: SEC },
  {
    route: 'POST /aftaler/:id/offentliggoerelse',
    url: page('/offentliggoerelse', DRAFT),
    allowed: SEC,
    isForm: true,
    note: 'an empty form keeps the draft unpublished',
  },
  { route: 'GET /aftaler/:id/rediger', url: page('/rediger'), allowed: SEC },
  { route: 'POST /aftaler/:id/rediger', url: page('/rediger'), allowed: SEC, isForm: true },
  { route: 'GET /aftaler/:id/afsnit/ny', url: page('/afsnit/ny'), allowed: SEC },
  { route: 'POST /aftaler/:id/afsnit/ny', url: page('/afsnit/ny'), allowed: SEC, isForm: true },
  { route: 'GET /aftaler/:id/afsnit/:sid', url: on(async (db, id) => `/aftaler/${id}/afsnit/${await first(db, 'agreement_section', id)}`), allowed: SEC },
  {
    route: 'POST /aftaler/:id/afsnit/:sid',
    url: on(async (db, id) => `/aftaler/${id}/afsnit/${await first(db, 'agreement_section', id)}`),
    allowed: SEC,
    isForm: true,
  },
  { route: 'GET /aftaler/:id/fokusomraader/ny', url: page('/fokusomraader/ny'), allowed: SEC },
  { route: 'POST /aftaler/:id/fokusomraader/ny', url: page('/fokusomraader/ny'), allowed: SEC, isForm: true },
  {
    route: 'GET /aftaler/:id/fokusomraader/:fid',
    url: on(async (db, id) => `/aftaler/${id}/fokusomraader/${await first(db, 'agreement_focus_area', id)}`),
    allowed: SEC,
  },
  {
    route: 'POST /aftaler/:id/fokusomraader/:fid',
    url: on(async (db, id) => `/aftaler/${id}/fokusomraader/${await first(db, 'agreement_focus_area', id)}`),
    allowed: SEC,
    isForm: true,
  },
  {
    route: 'POST /aftaler/:id/fokusomraader/:fid/maalsaetninger',
    url: on(async (db, id) => `/aftaler/${id}/fokusomraader/${await first(db, 'agreement_focus_area', id)}/maalsaetninger`),
    allowed: SEC,
    isForm: true,
  },
  { route: 'GET /aftaler/:id/principper/ny', url: page('/principper/ny'), allowed: SEC },
  { route: 'POST /aftaler/:id/principper/ny', url: page('/principper/ny'), allowed: SEC, isForm: true },
  {
    route: 'GET /aftaler/:id/principper/:pid/rediger',
    url: on(async (db, id) => `/aftaler/${id}/principper/${await first(db, 'agreement_principle', id)}/rediger`),
    allowed: SEC,
  },
  {
    route: 'POST /aftaler/:id/principper/:pid/rediger',
    url: on(async (db, id) => `/aftaler/${id}/principper/${await first(db, 'agreement_principle', id)}/rediger`),
    allowed: SEC,
    isForm: true,
  },
  {
    route: 'POST /aftaler/:id/principper/:pid/tilsagn',
    url: on(async (db, id) => `/aftaler/${id}/principper/${await first(db, 'agreement_principle', id)}/tilsagn`),
    allowed: SEC,
    isForm: true,
  },
  { route: 'GET /aftaler/:id/tilsagn/:cid', url: on(async (db, id) => `/aftaler/${id}/tilsagn/${await commitment(db, id)}`), allowed: SEC },
  { route: 'POST /aftaler/:id/tilsagn/:cid', url: on(async (db, id) => `/aftaler/${id}/tilsagn/${await commitment(db, id)}`), allowed: SEC, isForm: true },
  { route: 'GET /aftaler/:id/indikatorer/ny', url: page('/indikatorer/ny'), allowed: SEC },
  { route: 'POST /aftaler/:id/indikatorer/ny', url: page('/indikatorer/ny'), allowed: SEC, isForm: true },
  {
    route: 'GET /aftaler/:id/indikatorer/:iid/rediger',
    url: on(async (db, id) => `/aftaler/${id}/indikatorer/${await first(db, 'agreement_indicator', id)}/rediger`),
    allowed: SEC,
  },
  {
    route: 'POST /aftaler/:id/indikatorer/:iid/rediger',
    url: on(async (db, id) => `/aftaler/${id}/indikatorer/${await first(db, 'agreement_indicator', id)}/rediger`),
    allowed: SEC,
    isForm: true,
  },
  {
    route: 'POST /aftaler/:id/indikatorer/:iid/maalinger',
    url: on(async (db, id) => `/aftaler/${id}/indikatorer/${await first(db, 'agreement_indicator', id)}/maalinger`),
    allowed: SEC,
    isForm: true,
  },
  { route: 'POST /aftaler/:id/faser', url: page('/faser'), allowed: SEC, isForm: true },
  { route: 'POST /aftaler/:id/milepaele', url: page('/milepaele'), allowed: SEC, isForm: true },
  {
    route: 'POST /aftaler/:id/milepaele/:mid/gennemfoert',
    url: on(async (db, id) => `/aftaler/${id}/milepaele/${await first(db, 'agreement_milestone', id)}/gennemfoert`),
    allowed: SEC,
    isForm: true,
  },
  { route: 'POST /aftaler/:id/input', url: page('/input'), allowed: SEC, isForm: true },
  {
    route: 'POST /aftaler/:id/input/:rid/aaben',
    url: on(async (db, id) => `/aftaler/${id}/input/${await first(db, 'agreement_input_round', id)}/aaben`),
    allowed: SEC,
    isForm: true,
    note: 'an empty form keeps the round closed',
  },
  { route: 'POST /aftaler/:id/versioner', url: page('/versioner'), allowed: SEC, isForm: true },
  { route: 'GET /aftaler/:id/hoeringssvar/:cid', url: on(async (db, id) => `/aftaler/${id}/hoeringssvar/${await comment(db, id)}`), allowed: SEC },
  {
    route: 'POST /aftaler/:id/hoeringssvar/:cid',
    url: on(async (db, id) => `/aftaler/${id}/hoeringssvar/${await comment(db, id)}`),
    allowed: SEC,
    isForm: true,
  },

  // Members act for their own organisation; readers only read.
  { route: 'GET /aftaler/:id/principper/status', url: page('/principper/status'), allowed: HOLBAEK_WRITERS, note: 'only members report, each for itself' },
  { route: 'POST /aftaler/:id/principper/status', url: page('/principper/status'), allowed: HOLBAEK_WRITERS, isForm: true },
  {
    route: 'GET /aftaler/:id/godkendelse/:orgId',
    url: on(async (db, id) => `/aftaler/${id}/godkendelse/${await holbaek(db)}`),
    allowed: SEC_OR_HOLBAEK,
    note: 'Holbæk’s decision: Holbæk or the secretariat',
  },
  {
    route: 'POST /aftaler/:id/godkendelse/:orgId',
    url: on(async (db, id) => `/aftaler/${id}/godkendelse/${await holbaek(db)}`),
    allowed: SEC_OR_HOLBAEK,
    isForm: true,
  },
  {
    route: 'POST /aftaler/:id/input/:rid/grupper',
    url: on(async (db, id) => `/aftaler/${id}/input/${await first(db, 'agreement_input_round', id)}/grupper`),
    allowed: SEC_OR_HOLBAEK,
    isForm: true,
  },
  {
    route: 'GET /aftaler/:id/input/:rid/grupper/:gid',
    url: on(async (db, id) => {
      const r = await first(db, 'agreement_input_round', id);
      return `/aftaler/${id}/input/${r}/grupper/${await group(db, r)}`;
    }),
    allowed: SEC,
    note: 'a table group without an organisation',
  },
  {
    route: 'POST /aftaler/:id/input/:rid/grupper/:gid/svar',
    url: on(async (db, id) => {
      const r = await first(db, 'agreement_input_round', id);
      return `/aftaler/${id}/input/${r}/grupper/${await group(db, r)}/svar`;
    }),
    allowed: SEC,
    isForm: true,
  },
  {
    route: 'POST /aftaler/:id/input/:rid/grupper/:gid/stemmer',
    url: on(async (db, id) => {
      const r = await first(db, 'agreement_input_round', id);
      return `/aftaler/${id}/input/${r}/grupper/${await group(db, r)}/stemmer`;
    }),
    allowed: SEC,
    isForm: true,
  },
  {
    route: 'POST /aftaler/:id/versioner/:vid/hoeringssvar',
    url: on(async (db, id) => `/aftaler/${id}/versioner/${await first(db, 'agreement_version', id)}/hoeringssvar`),
    allowed: ['myndighed', 'tilbudsoekonomi', 'leverandoer'],
    isForm: true,
    note: 'any signed-in organisation but readers may comment; the secretariat runs the hearing and answers',
  },

  // JSON API.
  { route: 'GET /api/agreements', url: '/api/agreements', allowed: ALL },
  { route: 'GET /api/agreements/:id', url: api(''), allowed: ALL },
  { route: 'GET /api/agreements/:id', url: api('', DRAFT), allowed: ['sekretariat', 'myndighed', 'tilbudsoekonomi', 'laeser', 'administrator'] },
  {
    route: 'GET /api/agreements/:id/indicators/:indicatorId/values',
    url: on(async (db, id) => `/api/agreements/${id}/indicators/${await first(db, 'agreement_indicator', id)}/values`),
    allowed: SIGNED_IN,
    note: 'the rows behind the figures name offerings: signed-in readers only',
  },
  { route: 'GET /api/agreements/:id/comments', url: api('/comments'), allowed: ALL },
  { route: 'POST /api/agreements', url: '/api/agreements', allowed: SEC },
  { route: 'PUT /api/agreements/:id', url: api(''), allowed: SEC },
  { route: 'POST /api/agreements/:id/status', url: api('/status'), allowed: SEC },
  { route: 'PUT /api/agreements/:id/publication', url: api('/publication', DRAFT), allowed: SEC },
  { route: 'POST /api/agreements/:id/sections', url: api('/sections'), allowed: SEC },
  { route: 'POST /api/agreements/:id/focus-areas', url: api('/focus-areas'), allowed: SEC },
  {
    route: 'PUT /api/agreements/:id/focus-areas/:focusAreaId',
    url: on(async (db, id) => `/api/agreements/${id}/focus-areas/${await first(db, 'agreement_focus_area', id)}`),
    allowed: SEC,
  },
  {
    route: 'POST /api/agreements/:id/focus-areas/:focusAreaId/objectives',
    url: on(async (db, id) => `/api/agreements/${id}/focus-areas/${await first(db, 'agreement_focus_area', id)}/objectives`),
    allowed: SEC,
  },
  { route: 'POST /api/agreements/:id/indicators', url: api('/indicators'), allowed: SEC },
  {
    route: 'PUT /api/agreements/:id/indicators/:indicatorId',
    url: on(async (db, id) => `/api/agreements/${id}/indicators/${await first(db, 'agreement_indicator', id)}`),
    allowed: SEC,
  },
  {
    route: 'POST /api/agreements/:id/indicators/:indicatorId/measurements',
    url: on(async (db, id) => `/api/agreements/${id}/indicators/${await first(db, 'agreement_indicator', id)}/measurements`),
    allowed: SEC,
  },
  { route: 'POST /api/agreements/:id/principles', url: api('/principles'), allowed: SEC },
  {
    route: 'POST /api/agreements/:id/principles/:principleId/commitments',
    url: on(async (db, id) => `/api/agreements/${id}/principles/${await first(db, 'agreement_principle', id)}/commitments`),
    allowed: SEC,
  },
  {
    route: 'PUT /api/agreements/:id/commitments/:commitmentId/statuses/:organisationId',
    url: on(async (db, id) => `/api/agreements/${id}/commitments/${await commitment(db, id)}/statuses/${await holbaek(db)}`),
    allowed: HOLBAEK_WRITERS,
    note: 'Holbæk’s own status: not even the secretariat',
  },
  { route: 'POST /api/agreements/:id/phases', url: api('/phases'), allowed: SEC },
  { route: 'POST /api/agreements/:id/milestones', url: api('/milestones'), allowed: SEC },
  {
    route: 'PUT /api/agreements/:id/milestones/:milestoneId',
    url: on(async (db, id) => `/api/agreements/${id}/milestones/${await first(db, 'agreement_milestone', id)}`),
    allowed: SEC,
  },
  {
    route: 'POST /api/agreements/:id/milestones/:milestoneId/done',
    url: on(async (db, id) => `/api/agreements/${id}/milestones/${await first(db, 'agreement_milestone', id)}/done`),
    allowed: SEC,
  },
  {
    route: 'PUT /api/agreements/:id/approvals/:organisationId',
    url: on(async (db, id) => `/api/agreements/${id}/approvals/${await holbaek(db)}`),
    allowed: SEC_OR_HOLBAEK,
  },
  { route: 'POST /api/agreements/:id/versions', url: api('/versions'), allowed: SEC },
  {
    route: 'POST /api/agreements/:id/versions/:versionId/comments',
    url: on(async (db, id) => `/api/agreements/${id}/versions/${await first(db, 'agreement_version', id)}/comments`),
    allowed: ['myndighed', 'tilbudsoekonomi', 'leverandoer'],
  },
  {
    route: 'PUT /api/agreements/:id/comments/:commentId/response',
    url: on(async (db, id) => `/api/agreements/${id}/comments/${await comment(db, id)}/response`),
    allowed: SEC,
  },
  { route: 'POST /api/agreements/:id/rounds', url: api('/rounds'), allowed: SEC },
  {
    route: 'POST /api/agreements/:id/rounds/:roundId/groups',
    url: on(async (db, id) => `/api/agreements/${id}/rounds/${await first(db, 'agreement_input_round', id)}/groups`),
    allowed: SEC_OR_HOLBAEK,
  },
  {
    route: 'PUT /api/agreements/:id/rounds/:roundId/groups/:groupId/answers',
    url: on(async (db, id) => {
      const r = await first(db, 'agreement_input_round', id);
      return `/api/agreements/${id}/rounds/${r}/groups/${await group(db, r)}/answers`;
    }),
    allowed: SEC,
  },
  {
    route: 'PUT /api/agreements/:id/rounds/:roundId/groups/:groupId/votes',
    url: on(async (db, id) => {
      const r = await first(db, 'agreement_input_round', id);
      return `/api/agreements/${id}/rounds/${r}/groups/${await group(db, r)}/votes`;
    }),
    allowed: SEC,
  },
];
