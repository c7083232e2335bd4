/**
 * @module Platform pages and endpoints: front page, about, health, the OpenAPI document and its docs page.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../capability.js';
import { ROLE_LABELS } from '../auth/actor.js';
import { ping } from '../db/maintenance.repository.js';

type OpenApiDoc = { paths?: Record<string, Record<string, { summary?: string; description?: string; tags?: string[]; parameters?: Array<{ name: string; in: string; required?: boolean; description?: string; schema?: { description?: string; type?: string; enum?: unknown[] } }>; requestBody?: { content?: Record<string, { schema?: unknown }> }; security?: unknown[] }>> };

export function platformRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/health', { schema: { summary: 'Sundhedstjek: svarer ok når databasen kan nås', tags: ['Platform'], security: [] } }, async (_req, reply) => {
    try {
      await ping(ctx.db);
      return { status: 'ok' };
    } catch {
      return reply.status(503).send({ status: 'error', error: 'Databasen kan ikke nås.' });
    }
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/api/docs', { schema: { hide: true } }, async (req, reply) => {
    const doc = app.swagger() as OpenApiDoc;
    const entries = Object.entries(doc.paths ?? {}).flatMap(([p, ops]) => Object.entries(ops).map(([method, op]) => ({ path: p, method: method.toUpperCase(), op })));
    const tags = [...new Set(entries.map((e) => e.op.tags?.[0] ?? 'Øvrige'))];
    return reply.page({
      title: 'API-dokumentation',
      breadcrumbs: [{ href: '/', label: 'Forside' }, { label: 'API-dokumentation' }],
      body: (
        <>
          <h1>API-dokumentation</h1>
          <p>
            Ramme har et dokumenteret JSON-API. Det maskinlæsbare OpenAPI 3-dokument ligger på <a href="/api/openapi.json">/api/openapi.json</a>. Kald med en personlig API-nøgle i
            headeren <code>Authorization: Bearer &lt;nøgle&gt;</code>; nøglen oprettes på din profilside. Fejl besvares med status 4xx og <code>{'{"error": "...", "fields": {...}}'}</code> på dansk.
          </p>
          <nav aria-labelledby="api-toc">
            <h2 id="api-toc">Indhold</h2>
            <ul>
              {tags.map((t) => (
                <li>
                  <a href={`#${encodeURIComponent(t)}`}>{t}</a>
                </li>
              ))}
            </ul>
          </nav>
          {tags.map((t) => (
            <section>
              <h2 id={encodeURIComponent(t)}>{t}</h2>
              {entries
                .filter((e) => (e.op.tags?.[0] ?? 'Øvrige') === t)
                .map((e) => (
                  <article>
                    <h3>
                      <code>
                        {e.method} {e.path}
                      </code>
                    </h3>
                    {e.op.summary && <p>{e.op.summary}</p>}
                    {e.op.description && <p>{e.op.description}</p>}
                    {e.op.parameters && e.op.parameters.length > 0 && (
                      <div class="ramme-table-wrap" tabindex={0}>
                        <table class="table table--compact">
                          <caption>Parametre</caption>
                          <thead>
                            <tr>
                              <th scope="col">Navn</th>
                              <th scope="col">Hvor</th>
                              <th scope="col">Påkrævet</th>
                              <th scope="col">Type</th>
                              <th scope="col">Beskrivelse</th>
                            </tr>
                          </thead>
                          <tbody>
                            {e.op.parameters.map((prm) => (
                              <tr>
                                <td>
                                  <code>{prm.name}</code>
                                </td>
                                <td>{prm.in}</td>
                                <td>{prm.required ? 'Ja' : 'Nej'}</td>
                                <td>
                                  <code>{prm.schema?.enum ? prm.schema.enum.join(' | ') : (prm.schema?.type ?? '')}</code>
                                </td>
                                <td>{prm.description ?? prm.schema?.description ?? ''}</td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </div>
                    )}
                    {e.op.requestBody?.content?.['application/json']?.schema !== undefined && (
                      <details>
                        <summary>Forespørgslens JSON-skema</summary>
                        <pre class="ramme-pre">{JSON.stringify(e.op.requestBody.content['application/json'].schema, null, 2)}</pre>
                      </details>
                    )}
                  </article>
                ))}
            </section>
          ))}
        </>
      ),
    });
  });

  app.get('/om', { schema: { hide: true } }, async (_req, reply) =>
    reply.page({
      title: 'Om Ramme',
      breadcrumbs: [{ href: '/', label: 'Forside' }, { label: 'Om Ramme' }],
      body: (
        <>
          <h1>Om Ramme</h1>
          <p>
            Ramme er arbejdsplatformen for kommunernes og regionernes samarbejde om rammeaftaler på det specialiserede social- og specialundervisningsområde: tilbud, takster,
            kontrakter, data og selve aftalen samlet ét sted.
          </p>
          <h2>Persondata</h2>
          <p>Ramme gemmer ingen CPR-numre. En borger omtales kun med den købende kommunes egen sagsreference.</p>
          <h2>Tilgængelighed</h2>
          <p>Ramme er bygget efter WCAG 2.1 niveau AA med Det Fælles Designsystem. Alle sider virker uden JavaScript og på små skærme.</p>
        </>
      ),
    }),
  );

  app.get('/', { schema: { hide: true } }, async (req, reply) => {
    const a = req.actor;
    return reply.page({
      title: 'Forside',
      body: (
        <>
          <h1>Ramme</h1>
          <p class="font-lead">Fælles platform for rammeaftalerne på det specialiserede social- og specialundervisningsområde.</p>
          {a ? (
            <p>
              Du er logget ind som <strong>{a.displayName}</strong>, {a.organisationName} ({a.roles.map((r) => ROLE_LABELS[r]).join(', ')}).
            </p>
          ) : (
            <p>
              <a href="/login">Log ind</a> for at arbejde i Ramme. Offentlige oplysninger kan ses uden login.
            </p>
          )}
          <ul>
            {ctx.capabilities
              .flatMap((c) => c.nav ?? [])
              .filter((n) => n.href !== '/' && (!n.isVisible || n.isVisible(a)))
              .sort((x, y) => x.order - y.order)
              .map((n) => (
                <li>
                  <a href={n.href}>{n.label}</a>
                  {n.description ? `: ${n.description}` : ''}
                </li>
              ))}
          </ul>
        </>
      ),
    });
  });
}
