/**
 * @module Use cases of the cooperation's meetings: the list (API and pages, filters area, body and year), one
 * meeting with its programme and the minutes the actor may read, and the secretariat's writes: plan a meeting with
 * its items, change it, add and reorder items, mark it held or cancelled, write the minutes and publish them. Every
 * write builds on the version it was read at (412 when stale) and re-checks the status inside its transaction.
 */
import { can, requireAccess, requireSignedIn } from '../core/access/access.js';
import { audit } from '../core/audit.js';
import type { Ctx, DueGroup } from '../core/capability.js';
import { badRequest, conflict, HttpError, notFound } from '../core/errors.js';
import { requireVersionFrom } from '../core/version.js';
import { parseInput } from '../core/validation.js';
import { NATIONAL } from './bodies.service.js';
import { COOPERATION, type AreaTarget } from './cooperation.policy.js';
import { areaByCode, areas } from './bodies.repository.js';
import { type CalendarEvent, calendar } from './ical.js';
import * as repo from './meetings.repository.js';
import {
  type TAgendaItemInput,
  ZItemAdd,
  ZItemOrder,
  ZMeetingInput,
  ZMeetingsQuery,
  ZMeetingUpdate,
  ZMinutesInput,
  ZPublishInput,
  ZStatusInput,
} from './meetings.schema.js';
import { LINK_KIND_LABELS, type MeetingStatus } from './meetings.table.js';

const INVALID = 'Oplysningerne er ikke gyldige. Ret felterne nedenfor.';
export const STALE = 'Mødet er ændret af en anden, siden du hentede det. Genindlæs siden, og prøv igen.';

/** Which status may follow which; a held meeting stays held. */
export const TRANSITIONS: Record<MeetingStatus, readonly MeetingStatus[]> = { planlagt: ['afholdt', 'aflyst'], aflyst: ['planlagt'], afholdt: [] };

const targetOf = (m: { area_id: number | null; area_name: string | null }): AreaTarget => ({ areaId: m.area_id, areaName: m.area_name ?? NATIONAL });

/** The version a write builds on (If-Match or the body's `version`); neither is a 400 on the field. */
export const versionFrom = requireVersionFrom;

async function loadMeeting(ctx: Ctx, id: number) {
  requireSignedIn(ctx, 'cooperation.read', COOPERATION);
  const m = id > 0 ? await repo.findMeeting(ctx.db, id) : null;
  if (!m) throw notFound('Mødet findes ikke.');
  return m;
}

/**
 * A meeting with the access targets of its minutes (which its attachments follow) and of the secretariat's changes;
 * an unknown meeting is a 404 (the attachments' service starts here).
 */
export async function meetingTargets(ctx: Ctx, id: number) {
  const m = await loadMeeting(ctx, id);
  const members = await memberBodies(ctx);
  return { meeting: m, minutes: { ...targetOf(m), isMemberOfBody: members.has(m.body_id), visibility: m.minutes_visibility }, edit: targetOf(m) };
}

/** The bodies the actor's organisation sits in today (one query; the policy decides what that means). */
const memberBodies = async (ctx: Ctx) => new Set(ctx.actor ? await repo.bodiesOfOrganisation(ctx.db, ctx.actor.organisationId, ctx.clock.today()) : []);

const canRead = (ctx: Ctx, m: repo.MeetingRow, members: Set<number>) =>
  can(ctx, 'cooperation.minutes.read', { ...targetOf(m), isMemberOfBody: members.has(m.body_id), visibility: m.minutes_visibility });

async function linksOf(ctx: Ctx, items: readonly repo.ItemRow[]) {
  const ids = (kind: string) => items.filter((i) => i.link_kind === kind && i.link_id !== null).map((i) => i.link_id!);
  return repo.linkTargets(ctx.db, ids('tariff_increase_report'), ids('agreement_version'));
}

type Links = Awaited<ReturnType<typeof linksOf>>;

function linkOf(i: repo.ItemRow, links: Links) {
  if (i.link_kind === 'url' && i.link_url) return { kind: i.link_kind, label: LINK_KIND_LABELS.url, href: i.link_url };
  if (i.link_kind === 'tariff_increase_report' && i.link_id !== null) {
    const r = links.reports.get(i.link_id);
    if (!r) return null;
    const [year, half] = r.period.split('-');
    return {
      kind: i.link_kind,
      label: `Indberetning af takststigninger, ${half}. halvår ${year}, ${r.area_name}`,
      href: `/takster/indberetning?area=${r.area_code}&periode=${r.period}`,
    };
  }
  if (i.link_kind === 'agreement_version' && i.link_id !== null) {
    const v = links.versions.get(i.link_id);
    return v ? { kind: i.link_kind, label: `${v.title}, version ${v.number}`, href: `/aftaler/${v.agreement_id}/versioner/${v.id}` } : null;
  }
  return null;
}

export function presentMeeting(m: repo.MeetingRow, items: readonly repo.ItemRow[], links: Links, canReadMinutes: boolean) {
  return {
    id: m.id,
    version: m.version,
    body: { id: m.body_id, name: m.body_name },
    areaCode: m.area_code,
    title: m.title,
    date: m.meeting_date,
    startTime: m.starts_at,
    endTime: m.ends_at,
    place: m.place,
    onlineUrl: m.online_url,
    status: m.status,
    minutesVisibility: m.minutes_visibility,
    minutesPublishedAt: m.minutes_published_at ? new Date(m.minutes_published_at).toISOString() : null,
    canReadMinutes,
    items: items
      .filter((i) => i.meeting_id === m.id)
      .map((i) => ({
        id: i.id,
        position: i.position,
        time: i.starts_at,
        title: i.title,
        presenter: i.presenter,
        form: i.form,
        description: i.description,
        link: linkOf(i, links),
        minutes: canReadMinutes ? i.minutes : null,
        decision: canReadMinutes ? i.decision : null,
      })),
  };
}
export type PresentedMeeting = ReturnType<typeof presentMeeting>;

/** Meetings by area, body and year, each with its programme and the minutes the actor may read: `GET /api/meetings`. */
export async function listMeetings(ctx: Ctx, query: unknown) {
  requireAccess(ctx, 'cooperation.read', COOPERATION);
  const q = parseInput(ZMeetingsQuery, query ?? {});
  const area = q.area ? await areaByCode(ctx.db, q.area) : null;
  if (q.area && !area) throw badRequest(INVALID, { area: ['Rammeaftaleområdet findes ikke.'] });
  const body = q.body ? await repo.body(ctx.db, q.body) : null;
  if (q.body && !body) throw badRequest(INVALID, { body: ['Organet findes ikke.'] });
  const rows = await repo.meetings(ctx.db, { areaId: area?.id, bodyId: body?.id, year: q.year });
  const [items, members] = await Promise.all([
    repo.items(
      ctx.db,
      rows.map((m) => m.id),
    ),
    memberBodies(ctx),
  ]);
  const links = await linksOf(ctx, items);
  return { query: q, area, body, meetings: rows.map((m) => presentMeeting(m, items, links, canRead(ctx, m, members))) };
}

/** The meetings page: the list, what to filter on, and whether the actor may plan a meeting in the chosen body. */
export async function meetingsPage(ctx: Ctx, query: unknown) {
  const list = await listMeetings(ctx, query);
  const areaId = list.body ? list.body.area_id : (list.area?.id ?? null);
  return {
    ...list,
    areas: await areas(ctx.db),
    bodies: list.area || list.body ? await repo.areaBodies(ctx.db, areaId) : [],
    canPlan: list.body ? can(ctx, 'cooperation.meeting.edit', targetOf(list.body)) : false,
  };
}

/** One meeting with its programme, the minutes if the actor may read them, and what the secretariat may do. */
export async function meetingPage(ctx: Ctx, id: number) {
  const m = await loadMeeting(ctx, id);
  const [items, members] = await Promise.all([repo.items(ctx.db, [id]), memberBodies(ctx)]);
  const meeting = presentMeeting(m, items, await linksOf(ctx, items), canRead(ctx, m, members));
  return { meeting, row: m, today: ctx.clock.today(), canEdit: can(ctx, 'cooperation.meeting.edit', targetOf(m)), next: TRANSITIONS[m.status] };
}

/** The access check of planning a meeting in a body (raw body id from the request). */
export async function authorizePlan(ctx: Ctx, bodyId: unknown) {
  requireSignedIn(ctx, 'cooperation.read', COOPERATION);
  const id = Number(bodyId);
  const body = Number.isInteger(id) && id > 0 && id <= 2147483647 ? await repo.body(ctx.db, id) : null;
  if (!body) {
    // No body named: the check any secretariat passes (as for a national body), then the field's message.
    requireSignedIn(ctx, 'cooperation.meeting.edit', { areaId: null, areaName: NATIONAL });
    throw badRequest(INVALID, { bodyId: ['Vælg organet, mødet holdes i.'] });
  }
  requireSignedIn(ctx, 'cooperation.meeting.edit', targetOf(body));
  return body;
}

/** The access check of changing a meeting on its own (the API runs it before validating the body). */
export async function authorizeMeetingEdit(ctx: Ctx, id: number) {
  const m = await loadMeeting(ctx, id);
  requireSignedIn(ctx, 'cooperation.meeting.edit', targetOf(m));
  return m;
}

function timeProblems(input: { startTime: string; endTime: string }) {
  if (input.endTime <= input.startTime) throw badRequest(INVALID, { endTime: ['Sluttidspunktet skal ligge efter starttidspunktet.'] });
}

/** Checks each item's link; a link to nothing is a 400 on the item's field. */
async function itemValues(ctx: Ctx, items: readonly TAgendaItemInput[], field: (i: number, name: string) => string): Promise<repo.ItemValues[]> {
  const links = await repo.linkTargets(
    ctx.db,
    items.filter((i) => i.linkKind === 'tariff_increase_report' && i.linkId).map((i) => i.linkId!),
    items.filter((i) => i.linkKind === 'agreement_version' && i.linkId).map((i) => i.linkId!),
  );
  return items.map((i, n) => {
    const base = { starts_at: i.time, title: i.title, presenter: i.presenter, form: i.form, description: i.description };
    if (!i.linkKind) return { ...base, link_kind: null, link_id: null, link_url: null };
    if (i.linkKind === 'url') {
      if (!i.linkUrl) throw badRequest(INVALID, { [field(n, 'linkUrl')]: ['Skriv adressen i Ramme, fx /takster/indberetning.'] });
      return { ...base, link_kind: 'url', link_id: null, link_url: i.linkUrl };
    }
    const found = i.linkId && (i.linkKind === 'tariff_increase_report' ? links.reports.has(i.linkId) : links.versions.has(i.linkId));
    if (!found)
      throw badRequest(INVALID, {
        [field(n, 'linkId')]: [i.linkKind === 'tariff_increase_report' ? 'Indberetningen findes ikke.' : 'Aftaleversionen findes ikke.'],
      });
    return { ...base, link_kind: i.linkKind, link_id: i.linkId!, link_url: null };
  });
}

const auditMeeting = (m: { title: string; meeting_date: string; starts_at: string; ends_at: string; place: string | null; online_url: string | null }) => ({
  title: m.title,
  date: m.meeting_date,
  startTime: m.starts_at,
  endTime: m.ends_at,
  place: m.place,
  onlineUrl: m.online_url,
});

/** Plans a meeting of a body with its programme. */
export async function createMeeting(ctx: Ctx, data: unknown): Promise<number> {
  const body = await authorizePlan(ctx, ((data ?? {}) as { bodyId?: unknown }).bodyId);
  const input = parseInput(ZMeetingInput, data);
  timeProblems(input);
  const items = await itemValues(ctx, input.items, (i, n) => `items.${i}.${n}`);
  const values = {
    title: input.title,
    meeting_date: input.date,
    starts_at: input.startTime,
    ends_at: input.endTime,
    place: input.place,
    online_url: input.onlineUrl,
  };
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertMeeting(trx, { ...values, body_id: body.id, created_by: ctx.actor!.username });
    await repo.insertItems(trx, id, 1, items);
    await audit(trx, ctx, {
      entity: 'coop_meeting',
      entityId: id,
      action: 'create',
      after: { bodyId: body.id, ...auditMeeting(values), items: items.map((i) => i.title) },
    });
    return id;
  });
}

/** Changes the meeting's title, time and place. */
export async function updateMeeting(ctx: Ctx, id: number, data: unknown, ifMatch?: string) {
  const m = await authorizeMeetingEdit(ctx, id);
  const input = parseInput(ZMeetingUpdate, data);
  const version = versionFrom(ifMatch, input.version);
  timeProblems(input);
  const values = {
    title: input.title,
    meeting_date: input.date,
    starts_at: input.startTime,
    ends_at: input.endTime,
    place: input.place,
    online_url: input.onlineUrl,
  };
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.bump(trx, id, version, values);
    if (!row) throw new HttpError(412, STALE);
    await audit(trx, ctx, { entity: 'coop_meeting', entityId: id, action: 'update', before: auditMeeting(m), after: auditMeeting(values) });
    return row.version;
  });
}

/** Marks the meeting held or cancelled (or a cancelled one planned again); a meeting is held on its day or later. */
export async function changeStatus(ctx: Ctx, id: number, data: unknown, ifMatch?: string) {
  const m = await authorizeMeetingEdit(ctx, id);
  const input = parseInput(ZStatusInput, data);
  const version = versionFrom(ifMatch, input.version);
  const from = (Object.keys(TRANSITIONS) as MeetingStatus[]).filter((s) => TRANSITIONS[s].includes(input.status));
  if (!TRANSITIONS[m.status].includes(input.status)) throw conflict(`Et møde med status ${m.status} kan ikke få status ${input.status}.`);
  if (input.status === 'afholdt' && m.meeting_date > ctx.clock.today())
    throw badRequest(INVALID, { status: ['Mødet kan først markeres som afholdt på mødedagen.'] });
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.bump(trx, id, version, { status: input.status }, from);
    if (!row) {
      const now = await repo.findMeeting(trx, id);
      if (now && now.version !== version) throw new HttpError(412, STALE);
      throw conflict('Mødets status er allerede ændret af en anden. Genindlæs siden.');
    }
    await audit(trx, ctx, { entity: 'coop_meeting', entityId: id, action: 'update', before: { status: m.status }, after: { status: input.status } });
    return row.version;
  });
}

/** Adds an item at the end of the programme. */
export async function addItem(ctx: Ctx, id: number, data: unknown, ifMatch?: string) {
  await authorizeMeetingEdit(ctx, id);
  const { version: bodyVersion, ...item } = parseInput(ZItemAdd, data);
  const version = versionFrom(ifMatch, bodyVersion);
  const [values] = await itemValues(ctx, [item], (_, n) => n);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.bump(trx, id, version);
    if (!row) throw new HttpError(412, STALE);
    const position = (await repo.items(trx, [id])).reduce((max, i) => Math.max(max, i.position), 0) + 1;
    const [itemId] = await repo.insertItems(trx, id, position, [values!]);
    await audit(trx, ctx, {
      entity: 'coop_agenda_item',
      entityId: itemId!,
      action: 'create',
      after: { meetingId: id, position, title: values!.title, presenter: values!.presenter, form: values!.form },
    });
    return row.version;
  });
}

/** Changes one item's time, title, presenter, form and link. */
export async function updateItem(ctx: Ctx, id: number, itemId: number, data: unknown, ifMatch?: string) {
  await authorizeMeetingEdit(ctx, id);
  const before = (await repo.items(ctx.db, [id])).find((i) => i.id === itemId);
  if (!before) throw notFound('Punktet findes ikke på mødets dagsorden.');
  const { version: bodyVersion, ...item } = parseInput(ZItemAdd, data);
  const version = versionFrom(ifMatch, bodyVersion);
  const [values] = await itemValues(ctx, [item], (_, n) => n);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.bump(trx, id, version);
    if (!row) throw new HttpError(412, STALE);
    await repo.updateItem(trx, id, itemId, values!);
    await audit(trx, ctx, {
      entity: 'coop_agenda_item',
      entityId: itemId,
      action: 'update',
      before: { title: before.title, presenter: before.presenter, form: before.form },
      after: { title: values!.title, presenter: values!.presenter, form: values!.form },
    });
    return row.version;
  });
}

/** Puts the items in a new order: every item of the meeting, once. */
export async function reorderItems(ctx: Ctx, id: number, data: unknown, ifMatch?: string) {
  await authorizeMeetingEdit(ctx, id);
  const input = parseInput(ZItemOrder, data);
  const version = versionFrom(ifMatch, input.version);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.bump(trx, id, version);
    if (!row) throw new HttpError(412, STALE);
    const current = await repo.items(trx, [id]);
    const ids = new Set(input.itemIds);
    if (ids.size !== input.itemIds.length || current.length !== ids.size || current.some((i) => !ids.has(i.id)))
      throw badRequest(INVALID, { itemIds: ['Angiv hvert af mødets punkter præcis én gang.'] });
    await repo.setItemPositions(trx, id, input.itemIds);
    await audit(trx, ctx, {
      entity: 'coop_meeting',
      entityId: id,
      action: 'update',
      before: { items: current.map((i) => i.id) },
      after: { items: input.itemIds },
    });
    return row.version;
  });
}

/** Moves one item a place up or down (the pages' buttons). */
export async function moveItem(ctx: Ctx, id: number, itemId: number, direction: string, ifMatch?: string, bodyVersion?: unknown) {
  await authorizeMeetingEdit(ctx, id);
  const order = (await repo.items(ctx.db, [id])).map((i) => i.id);
  const at = order.indexOf(itemId);
  if (at < 0) throw notFound('Punktet findes ikke på mødets dagsorden.');
  const to = direction === 'op' ? at - 1 : at + 1;
  if (to >= 0 && to < order.length) [order[at], order[to]] = [order[to]!, order[at]!];
  return reorderItems(ctx, id, { itemIds: order, version: bodyVersion }, ifMatch);
}

/** Writes the minutes and decision of the items of a held meeting. */
export async function saveMinutes(ctx: Ctx, id: number, data: unknown, ifMatch?: string) {
  const m = await authorizeMeetingEdit(ctx, id);
  const input = parseInput(ZMinutesInput, data);
  const version = versionFrom(ifMatch, input.version);
  if (m.status !== 'afholdt') throw conflict('Referatet kan først skrives, når mødet er markeret som afholdt.');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.bump(trx, id, version, {}, ['afholdt']);
    if (!row) throw new HttpError(412, STALE);
    const current = new Map((await repo.items(trx, [id])).map((i) => [i.id, i]));
    for (const [n, i] of input.items.entries())
      if (!current.has(i.id)) throw badRequest(INVALID, { [`items.${n}.id`]: ['Punktet findes ikke på mødets dagsorden.'] });
    for (const i of input.items) await repo.updateItem(trx, id, i.id, { minutes: i.minutes, decision: i.decision });
    await audit(trx, ctx, {
      entity: 'coop_meeting',
      entityId: id,
      action: 'update',
      before: { minutes: input.items.map((i) => ({ id: i.id, minutes: current.get(i.id)!.minutes, decision: current.get(i.id)!.decision })) },
      after: { minutes: input.items },
    });
    return row.version;
  });
}

/** Publishes the minutes of a held meeting to the area's members or to all (or makes them internal again). */
export async function publishMinutes(ctx: Ctx, id: number, data: unknown, ifMatch?: string) {
  const m = await authorizeMeetingEdit(ctx, id);
  const input = parseInput(ZPublishInput, data);
  const version = versionFrom(ifMatch, input.version);
  if (m.status !== 'afholdt') throw conflict('Referatet kan først offentliggøres, når mødet er markeret som afholdt.');
  if (input.visibility !== 'intern' && !(await repo.items(ctx.db, [id])).some((i) => i.minutes || i.decision))
    throw badRequest(INVALID, { visibility: ['Skriv referatet, før det offentliggøres.'] });
  return ctx.db.transaction().execute(async (trx) => {
    const publishedAt = input.visibility === 'intern' ? null : ctx.clock.now();
    const row = await repo.bump(trx, id, version, { minutes_visibility: input.visibility, minutes_published_at: publishedAt }, ['afholdt']);
    if (!row) throw new HttpError(412, STALE);
    await audit(trx, ctx, {
      entity: 'coop_meeting',
      entityId: id,
      action: 'update',
      before: { minutesVisibility: m.minutes_visibility },
      after: { minutesVisibility: input.visibility },
    });
    return row.version;
  });
}

/** The form for a new meeting in a body. */
export async function newMeetingForm(ctx: Ctx, bodyId: unknown) {
  const body = await authorizePlan(ctx, bodyId);
  return { body: { id: body.id, name: body.name }, meeting: undefined as PresentedMeeting | undefined };
}

/** The forms of one meeting (edit, minutes): the secretariat only. */
export async function meetingForm(ctx: Ctx, id: number) {
  const m = await authorizeMeetingEdit(ctx, id);
  return { body: { id: m.body_id, name: m.body_name }, meeting: (await meetingPage(ctx, id)).meeting };
}

// Calendar feeds ---------------------------------------------------------------------------------------

const ICAL_STATUS = { planlagt: 'CONFIRMED', afholdt: 'CONFIRMED', aflyst: 'CANCELLED' } as const;

async function feed(ctx: Ctx, name: string, rows: readonly repo.MeetingRow[]) {
  const items = await repo.items(
    ctx.db,
    rows.map((m) => m.id),
  );
  const base = ctx.config.baseUrl;
  const events: CalendarEvent[] = rows.map((m) => ({
    uid: `moede-${m.id}@ramme`,
    date: m.meeting_date,
    start: m.starts_at,
    end: m.ends_at,
    summary: `${m.body_name}: ${m.title}${m.status === 'aflyst' ? ' (aflyst)' : ''}`,
    location: [m.place, m.online_url].filter(Boolean).join(', ') || null,
    description: [
      ...items
        .filter((i) => i.meeting_id === m.id)
        .map((i) => `${i.position}. ${i.starts_at ? `${i.starts_at} ` : ''}${i.title}${i.presenter ? ` (${i.presenter})` : ''}`),
      '',
      `${base}/samarbejde/moeder/${m.id}`,
    ].join('\n'),
    url: `${base}/samarbejde/moeder/${m.id}`,
    status: ICAL_STATUS[m.status],
    sequence: m.version - 1,
  }));
  return calendar(name, events, ctx.clock.now());
}

/** The meetings of one body as an iCalendar feed. */
export async function bodyCalendar(ctx: Ctx, bodyId: number): Promise<string> {
  requireSignedIn(ctx, 'cooperation.read', COOPERATION);
  const body = bodyId > 0 ? await repo.body(ctx.db, bodyId) : null;
  if (!body) throw notFound('Organet findes ikke.');
  return feed(ctx, `${body.name} – møder`, await repo.meetings(ctx.db, { bodyId }));
}

/** The signed-in person's feed: the meetings of the bodies they sit in today (by name, in their organisation). */
export async function personalCalendar(ctx: Ctx): Promise<string> {
  const actor = requireSignedIn(ctx, 'cooperation.read', COOPERATION);
  const bodyIds = await repo.bodiesOfPerson(ctx.db, actor.organisationId, actor.displayName, ctx.clock.today());
  return feed(ctx, `Mine møder – ${actor.displayName}`, await repo.meetings(ctx.db, { bodyIds }));
}

/**
 * What is due in the meetings for the secretariat (front page and reminders): past meetings not yet marked held
 * or cancelled, and held meetings whose minutes are not published.
 */
export async function meetingDueItems(ctx: Ctx): Promise<DueGroup[]> {
  if (!ctx.actor || !can(ctx, 'cooperation.read', COOPERATION)) return [];
  const overdue = (await repo.overdueMeetings(ctx.db, ctx.actor.areaIds, ctx.clock.today())).filter((m) => can(ctx, 'cooperation.meeting.edit', targetOf(m)));
  if (!overdue.length) return [];
  return [
    {
      heading: 'Møder og referater',
      href: '/samarbejde/moeder',
      items: overdue.map((m) => ({
        title: `${m.title} (${m.body_name})`,
        href: m.status === 'planlagt' ? `/samarbejde/moeder/${m.id}` : `/samarbejde/moeder/${m.id}/referat`,
        due: m.meeting_date,
        detail: m.status === 'planlagt' ? 'Mødet er ikke markeret som afholdt eller aflyst' : 'Referatet er ikke offentliggjort',
      })),
    },
  ];
}
