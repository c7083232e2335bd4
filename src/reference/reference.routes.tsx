/**
 * @module Reference data, readable by everyone signed in: regions, agreement areas and their members at a
 * chosen date (so the 2027 merger into Region Østdanmark can be seen), legal bases, target groups and types.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireActor } from '../core/auth/actor.js';
import type { AppContext } from '../core/capability.js';
import type { Queryable } from '../core/db/types.js';
import { parseInput, toRouteSchema, zDate } from '../core/validation.js';
import { Field, formatDate } from '../core/web/components.js';

const ZDateQuery = z.object({ date: zDate.optional().describe('Den dato, grunddata skal gælde for (åååå-mm-dd); standard er i dag') });

const validAt = (date: string) => (r: { valid_from: string; valid_to: string | null }) => r.valid_from <= date && (!r.valid_to || r.valid_to >= date);

export async function referenceAt(db: Queryable, date: string) {
  const [regions, areas, members, municipalityRegions, legalBases, targetGroups, operatorTypes, offeringTypes, socialtilsyn] = await Promise.all([
    db.selectFrom('region').selectAll().orderBy('name').execute(),
    db.selectFrom('agreement_area').selectAll().orderBy('name').execute(),
    db
      .selectFrom('agreement_area_member as m')
      .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
      .select(['m.area_id', 'm.valid_from', 'm.valid_to', 'o.id', 'o.name', 'o.kind', 'o.municipality_code'])
      .orderBy('o.kind')
      .orderBy('o.name')
      .execute(),
    db.selectFrom('municipality_region').selectAll().execute(),
    db.selectFrom('legal_basis').selectAll().orderBy('sort').execute(),
    db.selectFrom('target_group').selectAll().orderBy('sort').execute(),
    db.selectFrom('operator_type').selectAll().orderBy('sort').execute(),
    db.selectFrom('offering_type').selectAll().orderBy('sort').execute(),
    db.selectFrom('socialtilsyn').selectAll().orderBy('name').execute(),
  ]);
  const isValid = validAt(date);
  return {
    date,
    regions: regions.filter(isValid).map((r) => ({
      id: r.id,
      name: r.name,
      isoCode: r.iso_code,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      successorId: r.successor_id,
      municipalityCount: municipalityRegions.filter((m) => m.region_id === r.id && isValid(m)).length,
    })),
    endedRegions: regions.filter((r) => !isValid(r)).map((r) => ({ id: r.id, name: r.name, validFrom: r.valid_from, validTo: r.valid_to, successorId: r.successor_id })),
    areas: areas.filter(isValid).map((a) => ({
      id: a.id,
      code: a.code,
      name: a.name,
      validFrom: a.valid_from,
      validTo: a.valid_to,
      members: members.filter((m) => m.area_id === a.id && isValid(m)).map((m) => ({ organisationId: m.id, name: m.name, kind: m.kind, municipalityCode: m.municipality_code, validFrom: m.valid_from, validTo: m.valid_to })),
    })),
    legalBases: legalBases.map((l) => ({ code: l.code, law: l.law, paragraph: l.paragraph, title: l.title, audience: l.audience, isResidential: l.is_residential, validFrom: l.valid_from, validTo: l.valid_to, isValid: isValid(l) })),
    targetGroups: targetGroups.filter(isValid).map((t) => ({ code: t.code, parentCode: t.parent_code, name: t.name })),
    operatorTypes: operatorTypes.map((o) => ({ code: o.code, name: o.name })),
    offeringTypes: offeringTypes.map((o) => ({ code: o.code, name: o.name, isResidential: o.is_residential, isShortStay: o.is_short_stay })),
    socialtilsyn: socialtilsyn.map((s) => ({ code: s.code, name: s.name, hostMunicipalityCode: s.host_municipality_code })),
  };
}

export function referenceRoutes(app: FastifyInstance, { db }: AppContext) {
  app.get('/api/reference', { schema: { summary: 'Grunddata på en dato: regioner, rammeaftaleområder med medlemmer, lovgrundlag, målgrupper, typer og socialtilsyn', tags: ['Grunddata'], querystring: toRouteSchema(ZDateQuery) } }, async (req) => {
    requireActor(req.actor);
    const { date } = parseInput(ZDateQuery, req.query);
    return referenceAt(db, date ?? new Date().toISOString().slice(0, 10));
  });

  app.get('/grunddata', { schema: { hide: true } }, async (req, reply) => {
    requireActor(req.actor);
    const parsed = ZDateQuery.safeParse(req.query);
    const date = (parsed.success && parsed.data.date) || new Date().toISOString().slice(0, 10);
    const r = await referenceAt(db, date);
    return reply.page({
      title: 'Grunddata',
      status: parsed.success ? 200 : 400,
      breadcrumbs: [{ href: '/', label: 'Forside' }, { label: 'Grunddata' }],
      body: (
        <>
          <h1>Grunddata</h1>
          <p>Regioner, rammeaftaleområder og lovgrundlag er data med gyldighedsdatoer. Vælg en dato for at se, hvad der gælder den dag, fx 1. januar 2027, hvor Region Østdanmark overtager.</p>
          <form method="get" action="/grunddata">
            <Field name="date" label="Gælder pr. dato" type="date" value={date} errors={parsed.success ? undefined : { date: ['Skriv datoen som åååå-mm-dd.'] }} />
            <button class="button button-secondary" type="submit">
              Vis
            </button>
          </form>
          <h2>Regioner pr. {formatDate(date)}</h2>
          <div class="ramme-table-wrap" tabindex={0}>
            <table class="table table--compact">
              <caption class="sr-only">Regioner</caption>
              <thead>
                <tr>
                  <th scope="col">Region</th>
                  <th scope="col">Kommuner</th>
                  <th scope="col">Gyldig fra</th>
                  <th scope="col">Gyldig til</th>
                </tr>
              </thead>
              <tbody>
                {r.regions.map((x) => (
                  <tr>
                    <td>{x.name}</td>
                    <td class="ramme-num">{x.municipalityCount}</td>
                    <td>{formatDate(x.validFrom)}</td>
                    <td>{x.validTo ? `${formatDate(x.validTo)} (afløses af ${r.endedRegions.find((e) => e.id === x.successorId)?.name ?? 'Region Østdanmark'})` : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {r.endedRegions.length > 0 && <p>Ikke gældende på datoen: {r.endedRegions.map((e) => `${e.name} (${formatDate(e.validFrom)}–${e.validTo ? formatDate(e.validTo) : ''})`).join('; ')}.</p>}
          <h2>Rammeaftaleområder og medlemmer</h2>
          {r.areas.map((a) => (
            <details>
              <summary>
                {a.name}: {a.members.length} medlemmer
              </summary>
              <p>{a.members.map((m) => m.name).join(', ')}</p>
            </details>
          ))}
          <h2>Lovgrundlag</h2>
          <div class="ramme-table-wrap" tabindex={0}>
            <table class="table table--compact">
              <caption class="sr-only">Lovgrundlag</caption>
              <thead>
                <tr>
                  <th scope="col">Kode</th>
                  <th scope="col">Lov og paragraf</th>
                  <th scope="col">Titel</th>
                  <th scope="col">Gyldighed</th>
                </tr>
              </thead>
              <tbody>
                {r.legalBases.map((l) => (
                  <tr>
                    <td>
                      <code>{l.code}</code>
                    </td>
                    <td>
                      {l.law} {l.paragraph}
                    </td>
                    <td>{l.title}</td>
                    <td>
                      {formatDate(l.validFrom)} – {l.validTo ? formatDate(l.validTo) : ''}
                      {l.isValid ? '' : ' (gælder ikke på datoen)'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>Målgrupper</h2>
          <ul>
            {r.targetGroups
              .filter((t) => !t.parentCode)
              .map((p) => (
                <li>
                  {p.name} (<code>{p.code}</code>)
                  <ul>
                    {r.targetGroups
                      .filter((c) => c.parentCode === p.code)
                      .map((c) => (
                        <li>
                          {c.name} (<code>{c.code}</code>)
                        </li>
                      ))}
                  </ul>
                </li>
              ))}
          </ul>
        </>
      ),
    });
  });
}
