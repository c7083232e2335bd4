import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
const tokens: Record<string, string> = {};
const api = async (user: string | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) => {
  if (user && !tokens[user]) tokens[user] = await t.token(user);
  const res = await t.app.inject({ method, url, payload: payload as never, headers: user ? { authorization: `Bearer ${tokens[user]}` } : {} });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
};
const idOf = async (title: string) => (await t.db.selectFrom('agreement').select('id').where('title', '=', title).executeTakeFirstOrThrow()).id;
const orgId = async (name: string) => (await t.db.selectFrom('organisation').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
const count = async (table: 'agreement_milestone' | 'agreement_hearing_comment' | 'agreement_input_vote' | 'agreement_phase', agreementId?: number) => {
  let q = t.db.selectFrom(table as 'agreement_milestone').select((eb) => eb.fn.countAll<number>().as('n'));
  if (agreementId && (table === 'agreement_milestone' || table === 'agreement_phase')) q = q.where('agreement_id', '=', agreementId);
  return Number((await q.executeTakeFirstOrThrow()).n);
};

before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

describe('reading', () => {
  test('the public lists only published agreements; a member also sees its area’s drafts', async () => {
    const pub = await api(null, 'GET', '/api/agreements');
    assert.equal(pub.status, 200);
    const titles = pub.body.agreements.map((a: { title: string }) => a.title);
    assert.ok(titles.includes('Rammeaftale Sjælland 2025-2026'));
    assert.ok(!titles.includes('Rammeaftale Sjælland 2027-2028'));
    const member = await api('demo-laeser', 'GET', '/api/agreements');
    assert.ok(member.body.agreements.some((a: { title: string }) => a.title === 'Rammeaftale Sjælland 2027-2028'));
  });

  test('an unpublished agreement: 401 for the public, 404 for a provider (it may not see it), 200 for a reader in the area', async () => {
    const id = await idOf('Rammeaftale Sjælland 2027-2028');
    assert.equal((await api(null, 'GET', `/api/agreements/${id}`)).status, 401);
    assert.equal((await api('demo-leverandoer', 'GET', `/api/agreements/${id}`)).status, 404);
    assert.equal((await api('demo-laeser', 'GET', `/api/agreements/${id}`)).status, 200);
    assert.equal((await api(null, 'GET', '/api/agreements/999999')).status, 404);
    assert.equal((await api(null, 'GET', '/api/agreements/abc')).status, 404);
  });

  test('one agreement carries its content, statuses, process and approvals', async () => {
    const { status, body } = await api(null, 'GET', `/api/agreements/${await idOf('Rammeaftale Sjælland 2025-2026')}`);
    assert.equal(status, 200);
    assert.equal(body.status, 'godkendt');
    assert.deepEqual(
      body.focusAreas.map((f: { number: number }) => f.number),
      [1, 2, 3],
      'focus areas in number order',
    );
    assert.deepEqual(
      body.principles.map((p: { commitments: unknown[] }) => p.commitments.length),
      [4, 5, 4],
    );
    assert.equal(body.members.length, 18);
    assert.equal(body.approval.text, '18 af 18 har godkendt');
    assert.ok(body.principles[0].commitments[0].statuses.length > 10);
    assert.ok(
      body.milestones.some((m: { state: string }) => m.state === 'forsinket'),
      'the mid-term status milestone is overdue on 2026-11-23',
    );
    assert.equal(body.phases.find((p: { isCurrent: boolean }) => p.isCurrent)?.name, 'Implementering og opfølgning');
    assert.ok(body.indicators.some((i: { source: string }) => i.source === 'offerings.updated-12m'));
  });

  test('a computed indicator returns the area value, a value per member and the rows behind it, to signed-in readers only', async () => {
    const id = await idOf('Rammeaftale Sjælland 2025-2026');
    const ind = await t.db
      .selectFrom('agreement_indicator')
      .select('id')
      .where('agreement_id', '=', id)
      .where('source', '=', 'agreements.commitments-implemented')
      .executeTakeFirstOrThrow();
    assert.equal((await api(null, 'GET', `/api/agreements/${id}/indicators/${ind.id}/values`)).status, 401, 'the rows name offerings');
    const { status, body } = await api('demo-laeser', 'GET', `/api/agreements/${id}/indicators/${ind.id}/values`);
    assert.equal(status, 200);
    assert.match(body.computed.area.value, /^\d+\.\d$/);
    assert.equal(body.computed.perMember.length, 18);
    assert.equal(body.computed.rows.length, 18 * 13);
    const off = await t.db
      .selectFrom('agreement_indicator')
      .select('id')
      .where('agreement_id', '=', id)
      .where('source', '=', 'offerings.updated-12m')
      .executeTakeFirstOrThrow();
    const o = await api('demo-laeser', 'GET', `/api/agreements/${id}/indicators/${off.id}/values`);
    assert.equal(o.status, 200);
    assert.ok(o.body.computed.rows.length > 0);
  });
});

describe('writing content and statuses', () => {
  test('members set only their own commitment statuses; the secretariat and readers cannot', async () => {
    const id = await idOf('Rammeaftale Sjælland 2025-2026');
    const holbaek = await orgId('Holbæk Kommune');
    const naestved = await orgId('Næstved Kommune');
    const c = await t.db
      .selectFrom('agreement_commitment as c')
      .innerJoin('agreement_principle as p', 'p.id', 'c.principle_id')
      .select('c.id')
      .where('p.agreement_id', '=', id)
      .orderBy('c.id')
      .executeTakeFirstOrThrow();
    const url = (org: number) => `/api/agreements/${id}/commitments/${c.id}/statuses/${org}`;
    const body = { status: 'implementeret', statusDate: '2026-11-01', evidence: 'Standardkontrakten bruges i alle nye sager' };
    assert.equal((await api('demo-tilbudsoekonomi', 'PUT', url(holbaek), body)).status, 200);
    const row = await t.db
      .selectFrom('agreement_commitment_status')
      .selectAll()
      .where('commitment_id', '=', c.id)
      .where('organisation_id', '=', holbaek)
      .executeTakeFirstOrThrow();
    assert.equal(row.evidence, 'Standardkontrakten bruges i alle nye sager');
    assert.equal((await api('demo-tilbudsoekonomi', 'PUT', url(naestved), body)).status, 403);
    assert.equal((await api('demo-sekretariat', 'PUT', url(holbaek), body)).status, 403);
    assert.equal((await api('demo-laeser', 'PUT', url(naestved), body)).status, 403);
    const bad = await api('demo-tilbudsoekonomi', 'PUT', url(holbaek), { ...body, status: 'færdig' });
    assert.equal(bad.status, 400);
    assert.match(bad.body.fields.status[0], /Ukendt status/);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('entity')
      .where('entity', '=', 'agreement_commitment_status')
      .where('actor_username', '=', 'demo-tilbudsoekonomi')
      .execute();
    assert.equal(audit.length, 1);
  });

  test('a milestone outside the agreement’s lifetime and a phase with dates out of order are refused, nothing saved', async () => {
    const id = await idOf('Rammeaftale Sjælland 2027-2028');
    const before = await count('agreement_milestone', id);
    const m = await api('demo-sekretariat', 'POST', `/api/agreements/${id}/milestones`, { dueOn: '2029-03-01', title: 'For sent' });
    assert.equal(m.status, 400);
    assert.match(m.body.fields.dueOn[0], /uden for aftalens forløb/);
    assert.equal(await count('agreement_milestone', id), before);
    const p = await api('demo-sekretariat', 'POST', `/api/agreements/${id}/phases`, {
      number: 9,
      name: 'Baglæns',
      startsOn: '2026-06-01',
      endsOn: '2026-05-01',
    });
    assert.equal(p.status, 400);
    assert.match(p.body.fields.endsOn[0], /efter startdatoen/);
    const ok = await api('demo-sekretariat', 'POST', `/api/agreements/${id}/milestones`, {
      dueOn: '2026-12-01',
      title: 'Styregruppemøde',
      deliverable: 'Godkendt høringsudkast',
    });
    assert.equal(ok.status, 201);
    assert.equal((await api('demo-tilbudsoekonomi', 'POST', `/api/agreements/${id}/milestones`, { dueOn: '2026-12-01', title: 'Nej' })).status, 403);
    const agrErr = await api('demo-sekretariat', 'POST', '/api/agreements', {
      title: 'X',
      periodStart: '2029-01-01',
      periodEnd: '2028-12-31',
      preparationStart: '2028-01-01',
    });
    assert.equal(agrErr.status, 400);
    assert.ok(agrErr.body.fields.periodEnd);
  });

  test('the secretariat edits only its own area’s agreements', async () => {
    const hov = await idOf('Rammeaftale Hovedstaden 2018 – fælles målsætninger');
    const r = await api('demo-sekretariat', 'POST', `/api/agreements/${hov}/focus-areas`, {
      part: 'udvikling',
      number: 9,
      title: 'Fremmed',
      desiredResults: [],
    });
    assert.equal(r.status, 403);
  });

  test('a prioritisation: votes over the allowance are refused, within it they are tallied', async () => {
    const id = await idOf('Rammeaftale Sjælland 2027-2028');
    const round = await api('demo-sekretariat', 'POST', `/api/agreements/${id}/rounds`, {
      kind: 'workshop',
      template: 'frie',
      title: 'Prioritering af handlinger',
      heldOn: '2026-11-20',
      candidates: ['Fælles kapacitetsanalyse', 'Overgang ved 18 år', 'Fælles indkøb'],
      voteAllowance: 3,
    });
    assert.equal(round.status, 201, JSON.stringify(round.body));
    const group = await api('demo-tilbudsoekonomi', 'POST', `/api/agreements/${id}/rounds/${round.body.id}/groups`, { name: 'Holbæk', kind: 'kommune' });
    assert.equal(group.status, 201);
    const cands = await t.db.selectFrom('agreement_input_candidate').select('id').where('round_id', '=', round.body.id).orderBy('number').execute();
    const votesUrl = `/api/agreements/${id}/rounds/${round.body.id}/groups/${group.body.id}/votes`;
    const before = await count('agreement_input_vote');
    const over = await api('demo-tilbudsoekonomi', 'PUT', votesUrl, { votes: { [cands[0]!.id]: 2, [cands[1]!.id]: 2 } });
    assert.equal(over.status, 400);
    assert.match(over.body.fields.votes.join(' '), /fordelt 4 stemmer.*kun 3/);
    assert.equal(await count('agreement_input_vote'), before);
    assert.equal((await api('demo-tilbudsoekonomi', 'PUT', votesUrl, { votes: { [cands[0]!.id]: 2, [cands[2]!.id]: 1 } })).status, 200);
    assert.equal(await count('agreement_input_vote'), before + 2);
    assert.equal((await api('demo-naestved', 'PUT', votesUrl, { votes: { [cands[0]!.id]: 1 } })).status, 403, 'another member cannot vote for Holbæk');
    const noCand = await api('demo-sekretariat', 'POST', `/api/agreements/${id}/rounds`, {
      kind: 'workshop',
      template: 'frie',
      title: 'Uden handlinger',
      heldOn: '2026-11-20',
      voteAllowance: 3,
    });
    assert.equal(noCand.status, 400);
  });
});

describe('hearing and approval', () => {
  test('hearing: comment on a section, answer, version 2 links the comment; then approval one by one', async () => {
    const id = await idOf('Rammeaftale Sjælland 2027-2028');
    const v1 = await api('demo-sekretariat', 'POST', `/api/agreements/${id}/versions`, { changelog: 'Første høringsudkast.' });
    assert.equal(v1.status, 201);
    assert.equal((await api('demo-sekretariat', 'POST', `/api/agreements/${id}/status`, { status: 'i_hoering' })).status, 400, 'a hearing needs a deadline');
    assert.equal((await api('demo-sekretariat', 'POST', `/api/agreements/${id}/status`, { status: 'i_hoering', hearingUntil: '2099-01-31' })).status, 200);
    // A provider may read the agreement in hearing and comment; a reader may read but not comment.
    assert.equal((await api('demo-leverandoer', 'GET', `/api/agreements/${id}`)).status, 200);
    const commentsBefore = await count('agreement_hearing_comment');
    const missing = await api('demo-tilbudsoekonomi', 'POST', `/api/agreements/${id}/versions/${v1.body.id}/comments`, {
      sectionKey: 'fokus-99',
      text: 'Findes ikke',
    });
    assert.equal(missing.status, 400);
    assert.match(missing.body.error, /findes ikke i version 1/);
    assert.equal(await count('agreement_hearing_comment'), commentsBefore);
    assert.equal(
      (await api('demo-laeser', 'POST', `/api/agreements/${id}/versions/${v1.body.id}/comments`, { sectionKey: 'fokus-1', text: 'Læser' })).status,
      403,
    );
    const c = await api('demo-tilbudsoekonomi', 'POST', `/api/agreements/${id}/versions/${v1.body.id}/comments`, {
      sectionKey: 'fokus-1',
      text: 'Kapacitetsanalysen bør også dække børneområdet.',
    });
    assert.equal(c.status, 201);
    const early = await api('demo-sekretariat', 'POST', `/api/agreements/${id}/versions`, { changelog: 'For tidligt', addressedCommentIds: [c.body.id] });
    assert.equal(early.status, 400, 'a version cannot link an unanswered comment');
    assert.equal(
      (await api('demo-tilbudsoekonomi', 'PUT', `/api/agreements/${id}/comments/${c.body.id}/response`, { response: 'taget_ind', responseReason: 'Ja' }))
        .status,
      403,
    );
    assert.equal(
      (
        await api('demo-sekretariat', 'PUT', `/api/agreements/${id}/comments/${c.body.id}/response`, {
          response: 'taget_ind',
          responseReason: 'Børneområdet er tilføjet.',
        })
      ).status,
      200,
    );
    const v2 = await api('demo-sekretariat', 'POST', `/api/agreements/${id}/versions`, {
      changelog: 'Børneområdet er med i kapacitetsanalysen.',
      addressedCommentIds: [c.body.id],
    });
    assert.equal(v2.status, 201);
    assert.equal(v2.body.number, 2);
    const comments = await api('demo-sekretariat', 'GET', `/api/agreements/${id}/comments`);
    assert.equal(comments.body.comments.find((x: { id: number }) => x.id === c.body.id).addressedInVersion, 2);

    // Approval: not before the agreement is sent for approval.
    const members = (await api('demo-sekretariat', 'GET', `/api/agreements/${id}`)).body.members as Array<{ id: number; name: string }>;
    assert.equal(members.length, 18);
    assert.ok(
      members.some((m) => m.name === 'Region Østdanmark'),
      'from 2027 the merged region is the member',
    );
    const holbaek = members.find((m) => m.name === 'Holbæk Kommune')!;
    const tooEarly = await api('demo-myndighed', 'PUT', `/api/agreements/${id}/approvals/${holbaek.id}`, { decision: 'godkendt', decidedOn: '2026-11-20' });
    assert.equal(tooEarly.status, 409);
    assert.equal(
      (
        await api('demo-sekretariat', 'POST', `/api/agreements/${id}/status`, {
          status: 'til_godkendelse',
          note: 'Høringen er afsluttet.',
          closeHearingEarly: true,
        })
      ).status,
      200,
    );
    const naestved = members.find((m) => m.name === 'Næstved Kommune')!;
    assert.equal(
      (await api('demo-myndighed', 'PUT', `/api/agreements/${id}/approvals/${naestved.id}`, { decision: 'godkendt', decidedOn: '2026-11-20' })).status,
      403,
    );
    assert.equal(
      (await api('demo-laeser', 'PUT', `/api/agreements/${id}/approvals/${naestved.id}`, { decision: 'godkendt', decidedOn: '2026-11-20' })).status,
      403,
    );
    assert.equal(
      (await api('demo-myndighed', 'PUT', `/api/agreements/${id}/approvals/${holbaek.id}`, { decision: 'godkendt' })).status,
      400,
      'a decision needs its date',
    );
    let last = await api('demo-myndighed', 'PUT', `/api/agreements/${id}/approvals/${holbaek.id}`, {
      decision: 'godkendt',
      decidedOn: '2026-11-20',
      reference: 'Byrådet 20.11.2026, pkt. 4',
    });
    assert.deepEqual(last.body, { status: 'til_godkendelse', approved: 1, total: 18 });
    for (const m of members.filter((x) => x.id !== holbaek.id)) {
      last = await api('demo-sekretariat', 'PUT', `/api/agreements/${id}/approvals/${m.id}`, { decision: 'godkendt', decidedOn: '2026-11-21' });
      assert.equal(last.status, 200);
    }
    assert.deepEqual(last.body, { status: 'godkendt', approved: 18, total: 18 });
    const agr = await api('demo-sekretariat', 'GET', `/api/agreements/${id}`);
    assert.equal(agr.body.status, 'godkendt');
    assert.equal(agr.body.history.at(-1).statusLabel, 'Godkendt');
    // Withdrawing an approval sends it back.
    last = await api('demo-sekretariat', 'PUT', `/api/agreements/${id}/approvals/${naestved.id}`, { decision: 'ikke_godkendt', decidedOn: '2026-11-22' });
    assert.deepEqual(last.body, { status: 'til_godkendelse', approved: 17, total: 18 });
    // Everything on the way is in the audit log.
    const audited = await t.db.selectFrom('audit_log').select('entity').distinct().where('entity', 'like', 'agreement%').execute();
    for (const entity of [
      'agreement',
      'agreement_version',
      'agreement_hearing_comment',
      'agreement_approval',
      'agreement_milestone',
      'agreement_input_round',
      'agreement_input_vote',
    ]) {
      assert.ok(
        audited.some((a) => a.entity === entity),
        `audit entries for ${entity}`,
      );
    }
  });

  test('the OpenAPI document lists the agreement endpoints', async () => {
    const doc = JSON.parse((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).body);
    assert.ok(doc.paths['/api/agreements/{id}']);
    assert.ok(doc.paths['/api/agreements/{id}/approvals/{organisationId}'].put.requestBody);
  });
});

describe('versions (ETag and If-Match)', () => {
  const send = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, ifMatch?: string) => {
    tokens['demo-sekretariat'] ??= await t.token('demo-sekretariat');
    const headers: Record<string, string> = { authorization: `Bearer ${tokens['demo-sekretariat']}` };
    if (ifMatch) headers['if-match'] = ifMatch;
    return t.app.inject({ method, url, payload: payload as never, headers });
  };

  test('the agreement is read with the ETag of its version; a save answers with the new one, and a save on the previous one is 412', async () => {
    const id = await idOf('Rammeaftale Sjælland 2027-2028');
    const read = await send('GET', `/api/agreements/${id}`);
    assert.equal(read.statusCode, 200);
    const a = read.json();
    assert.equal(read.headers.etag, `"${a.version}"`);
    const fields = { title: a.title, periodStart: a.periodStart, periodEnd: a.periodEnd, preparationStart: a.preparationStart, summary: 'Nyt resumé' };
    const first = await send('PUT', `/api/agreements/${id}`, fields, read.headers.etag as string);
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.headers.etag, `"${a.version + 1}"`);
    const stale = await send('PUT', `/api/agreements/${id}`, { ...fields, summary: 'Et andet resumé' }, read.headers.etag as string);
    assert.equal(stale.statusCode, 412, 'another save came first');
    assert.match(stale.json().error, /En anden har ændret aftalen/);
    const again = await send('GET', `/api/agreements/${id}`);
    assert.equal(again.headers.etag, first.headers.etag, 'the read sends the version the save left');
    assert.equal(again.json().summary, 'Nyt resumé', 'the refused save changed nothing');
    assert.equal((await send('PUT', `/api/agreements/${id}`, fields, first.headers.etag as string)).statusCode, 200);
  });

  test('a focus area and an indicator answer each save with the ETag of their new version; a save on the previous one is 412', async () => {
    const id = await idOf('Rammeaftale Sjælland 2027-2028');
    const area = { part: 'udvikling', number: 42, title: 'Versioneret fokusområde', desiredResults: [] };
    const created = await send('POST', `/api/agreements/${id}/focus-areas`, area);
    assert.equal(created.statusCode, 201, created.body);
    const url = `/api/agreements/${id}/focus-areas/${created.json().id}`;
    const listed = (await send('GET', `/api/agreements/${id}`)).json().focusAreas.find((f: { id: number }) => f.id === created.json().id);
    assert.equal(created.headers.etag, `"${listed.version}"`);
    const first = await send('PUT', url, { ...area, title: 'Rettet' }, created.headers.etag as string);
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.headers.etag, `"${listed.version + 1}"`);
    assert.equal((await send('PUT', url, { ...area, title: 'Igen' }, created.headers.etag as string)).statusCode, 412);
    const after = (await send('GET', `/api/agreements/${id}`)).json().focusAreas.find((f: { id: number }) => f.id === created.json().id);
    assert.equal(`"${after.version}"`, first.headers.etag);
    assert.equal(after.title, 'Rettet');

    const indicator = { name: 'Versioneret indikator', unit: 'antal', direction: 'higher', source: 'manual' };
    const made = await send('POST', `/api/agreements/${id}/indicators`, indicator);
    assert.equal(made.statusCode, 201, made.body);
    assert.match(made.headers.etag as string, /^"\d+"$/);
    const indicatorUrl = `/api/agreements/${id}/indicators/${made.json().id}`;
    const saved = await send('PUT', indicatorUrl, { ...indicator, unit: 'procent' }, made.headers.etag as string);
    assert.equal(saved.statusCode, 200, saved.body);
    assert.notEqual(saved.headers.etag, made.headers.etag);
    assert.equal((await send('PUT', indicatorUrl, { ...indicator, unit: 'stk.' }, made.headers.etag as string)).statusCode, 412);
    assert.equal((await send('PUT', indicatorUrl, { ...indicator, unit: 'stk.' }, saved.headers.etag as string)).statusCode, 200);
  });
});
