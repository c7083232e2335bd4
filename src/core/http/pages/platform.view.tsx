/**
 * @module The platform's own pages: the front page, about Ramme, and the API documentation generated from
 * the OpenAPI document.
 */
import type { FC } from 'hono/jsx';
import { ROLE_LABELS, type Actor } from '../../auth/actor.js';
import type { NavItem } from '../../capability.js';
import { formatDate } from '../../format.js';
import type { WorkList } from '../work.service.js';

export type FrontPageModel = { actor: Actor | null; links: NavItem[]; work: WorkList };

const SHOWN = 10;

const dueText = (due: string | null, today: string) =>
  due ? `Frist ${formatDate(due)}${due < today ? ' (overskredet)' : due === today ? ' (i dag)' : ''}` : 'Ingen frist';

/** What is due for the actor, per capability, nearest deadline first; at most ten per group with a link to the rest. */
const Work: FC<{ work: WorkList }> = ({ work }) => (
  <section aria-labelledby="arbejde">
    <h2 id="arbejde">Det venter på dig</h2>
    {work.groups.length === 0 ? (
      <p>Du har ingen opgaver med frist lige nu.</p>
    ) : (
      work.groups.map((g, i) => (
        <section aria-labelledby={`arbejde-${i}`}>
          <h3 id={`arbejde-${i}`}>
            {g.heading} ({g.items.length})
          </h3>
          <ul class="ramme-work">
            {g.items.slice(0, SHOWN).map((it) => (
              <li>
                <a href={it.href}>{it.title}</a>
                <br />
                <small>
                  <span class={it.due && it.due < work.today ? 'ramme-status-bad' : undefined}>{dueText(it.due, work.today)}</span>
                  {it.detail ? ` · ${it.detail}` : ''}
                </small>
              </li>
            ))}
          </ul>
          {g.items.length > SHOWN && (
            <p>
              <a href={g.href}>
                Se alle {g.items.length}
                <span class="sr-only"> under {g.heading}</span>
              </a>
            </p>
          )}
        </section>
      ))
    )}
  </section>
);

export const FrontPage: FC<FrontPageModel> = ({ actor, links, work }) => (
  <>
    <h1>Ramme</h1>
    <p class="font-lead">Fælles platform for rammeaftalerne på det specialiserede social- og specialundervisningsområde.</p>
    {actor ? (
      <p>
        Du er logget ind som <strong>{actor.displayName}</strong>, {actor.organisationName} ({actor.roles.map((r) => ROLE_LABELS[r]).join(', ')}).
      </p>
    ) : (
      <p>
        <a href="/login">Log ind</a> for at arbejde i Ramme. Offentlige oplysninger kan ses uden login.
      </p>
    )}
    {actor && <Work work={work} />}
    {actor && <h2>Gå til</h2>}
    <ul>
      {links.map((n) => (
        <li>
          <a href={n.href}>{n.label}</a>
          {n.description ? `: ${n.description}` : ''}
        </li>
      ))}
    </ul>
  </>
);

export const AboutPage: FC = () => (
  <>
    <h1>Om Ramme</h1>
    <p>
      Ramme er arbejdsplatformen for kommunernes og regionernes samarbejde om rammeaftaler på det specialiserede social- og specialundervisningsområde: tilbud,
      takster, kontrakter, data og selve aftalen samlet ét sted.
    </p>
    <h2>Persondata</h2>
    <p>Ramme gemmer ingen CPR-numre. En borger omtales kun med den købende kommunes egen sagsreference.</p>
    <h2>Tilgængelighed</h2>
    <p>Ramme er bygget efter WCAG 2.1 niveau AA med Det Fælles Designsystem. Alle sider virker uden JavaScript og på små skærme.</p>
  </>
);

/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1) as far as the docs page shows it. */
export type DocSchema = {
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  $ref?: string;
  anyOf?: DocSchema[];
  oneOf?: DocSchema[];
  items?: DocSchema;
};
type Content = Record<string, { schema?: unknown }>;
type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: DocSchema };
export type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content?: Content };
  responses?: Record<string, { description?: string; content?: Content }>;
  security?: unknown[];
};
export type OpenApiDoc = { paths?: Record<string, Record<string, Operation>> };

/** A short type for the parameter table: `string`, `integer (int64)`, `a | b`, `string | null`, `array af string`. */
export function schemaTypeLabel(schema: DocSchema | undefined): string {
  if (!schema) return '';
  if (schema.enum) return schema.enum.map(String).join(' | ');
  if (schema.const !== undefined) return String(schema.const);
  if (schema.$ref) return schema.$ref.split('/').pop() ?? '';
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return [...new Set(union.map(schemaTypeLabel))].join(' | ');
  const label = (t: string) => {
    if (t === 'array' && schema.items) return `array af ${schemaTypeLabel(schema.items)}`;
    return schema.format && t !== 'null' ? `${t} (${schema.format})` : t;
  };
  return [schema.type ?? []].flat().map(label).join(' | ');
}

/** The JSON schema of an operation's first 2xx answer, if it describes one. */
const ResponseSchema: FC<{ responses?: Operation['responses'] }> = (p) => {
  const success = Object.entries(p.responses ?? {}).find(([status, r]) => /^2/.test(status) && r.content?.['application/json']?.schema !== undefined);
  if (!success) return null;
  return (
    <details>
      <summary>Svarets JSON-skema (status {success[0]})</summary>
      <pre class="ramme-pre">{JSON.stringify(success[1].content?.['application/json']?.schema, null, 2)}</pre>
    </details>
  );
};

/** The operations of the OpenAPI document, grouped by their first tag. */
export type DocsPageModel = { tags: string[]; entries: Array<{ path: string; method: string; op: Operation }> };

export function docsPageModel(doc: OpenApiDoc): DocsPageModel {
  const entries = Object.entries(doc.paths ?? {}).flatMap(([p, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path: p, method: method.toUpperCase(), op })),
  );
  return { entries, tags: [...new Set(entries.map((e) => e.op.tags?.[0] ?? 'Øvrige'))] };
}

export const DocsPage: FC<DocsPageModel> = ({ tags, entries }) => (
  <>
    <h1>API-dokumentation</h1>
    <p>
      Ramme har et dokumenteret JSON-API. Det maskinlæsbare OpenAPI 3.1-dokument ligger på <a href="/api/openapi.json">/api/openapi.json</a>. Kald med en
      personlig API-nøgle i headeren <code>Authorization: Bearer &lt;nøgle&gt;</code>; nøglen oprettes på din profilside. Fejl besvares med status 4xx og{' '}
      <code>{'{"error": "...", "fields": {...}}'}</code> på dansk.
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
                            <code>{schemaTypeLabel(prm.schema)}</code>
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
              <ResponseSchema responses={e.op.responses} />
            </article>
          ))}
      </section>
    ))}
  </>
);
