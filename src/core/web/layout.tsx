/**
 * @module The page shell: DKFDS header with product name, signed-in user and organisation, main
 * navigation, breadcrumbs, skip link, footer. Every page is rendered through `Layout`.
 */
import type { FC, PropsWithChildren } from 'hono/jsx';
import type { Actor } from '../auth/actor.js';
import type { NavItem } from '../capability.js';
import { CsrfField } from './components.js';

export type Crumb = { href?: string; label: string };

export type LayoutProps = PropsWithChildren<{
  title: string;
  actor: Actor | null;
  csrf: string;
  nav: NavItem[];
  path: string;
  breadcrumbs?: Crumb[];
  /** Extra `<head>` content such as a print stylesheet. */
  wide?: boolean;
}>;

const MenuItems: FC<{ items: NavItem[]; current: NavItem | undefined }> = ({ items, current }) => (
  <>
    {items.map((n) => (
      <li class={n === current ? 'current' : undefined}>
        <a class="nav-link" href={n.href} aria-current={n === current ? 'page' : undefined}>
          <span>{n.label}</span>
        </a>
      </li>
    ))}
  </>
);

export const Layout: FC<LayoutProps> = (p) => {
  const visible = p.nav.filter((n) => !n.isVisible || n.isVisible(p.actor)).sort((a, b) => a.order - b.order);
  const current = visible
    .filter((n) => (n.href === '/' ? p.path === '/' : p.path === n.href || p.path.startsWith(`${n.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return (
    <html lang="da">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${p.title} – Ramme`}</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/static/dkfds/css/dkfds.min.css" />
        <link rel="stylesheet" href="/static/app.css" />
        <script src="/static/app.js" defer></script>
      </head>
      <body>
        <a class="skipnav" href="#main-content">
          Gå til sideindhold
        </a>
        <header class="header">
          <div class="portal-info">
            <div class="portal-info-inner container">
              <a href="/" class="ramme-brand" aria-label="Ramme, forsiden">
                <strong>Ramme</strong>
                <span class="ramme-brand-sub">Rammeaftaler på det specialiserede social- og specialundervisningsområde</span>
              </a>
              <div class="ramme-user">
                {p.actor ? (
                  <>
                    <span>
                      <a href="/profil">{p.actor.displayName}</a>
                      <br />
                      <span class="ramme-org">{p.actor.organisationName}</span>
                    </span>
                    <form method="post" action="/logout">
                      <CsrfField token={p.csrf} />
                      <button type="submit" class="button button-secondary">
                        Log ud
                      </button>
                    </form>
                  </>
                ) : (
                  <a
                    href={p.path === '/login' || p.path.startsWith('/login/') ? '/login' : `/login?next=${encodeURIComponent(p.path)}`}
                    class="button button-secondary"
                  >
                    Log ind
                  </a>
                )}
              </div>
            </div>
          </div>
          <nav class="navigation-menu ramme-nav" aria-label="Hovedmenu">
            <div class="navigation-menu-inner container">
              <ul class="nav mainmenu ramme-nav__wide">
                <MenuItems items={visible} current={current} />
              </ul>
              {/* Narrow screens: DKFDS's menu button, as a disclosure that opens the same links without JavaScript. */}
              <details class="ramme-nav__mobile">
                <summary class="button button-secondary button-menu-open">Menu</summary>
                <ul class="ramme-nav__mobile-list">
                  <MenuItems items={visible} current={current} />
                </ul>
              </details>
            </div>
          </nav>
        </header>
        <div class="container page-container">
          {p.breadcrumbs && p.breadcrumbs.length > 0 && (
            <nav class="breadcrumbs" aria-label="Brødkrummesti">
              <ol class="breadcrumbs__list">
                {p.breadcrumbs.map((c) => (
                  <li class="breadcrumbs__list-item">
                    {c.href ? (
                      <a class="breadcrumbs__link" href={c.href}>
                        {c.label}
                      </a>
                    ) : (
                      <span aria-current="page">{c.label}</span>
                    )}
                  </li>
                ))}
              </ol>
            </nav>
          )}
          <main id="main-content" tabindex={-1}>
            {p.children}
          </main>
        </div>
        <footer class="footer">
          <div class="container">
            <div class="row">
              <div class="col-12 col-md-8">
                <p>
                  <strong>Ramme</strong> – fælles platform for kommunernes og regionernes samarbejde om rammeaftaler.
                </p>
                <ul class="inline-list">
                  <li>
                    <a class="function-link" href="/api/docs">
                      API-dokumentation
                    </a>
                  </li>
                  <li>
                    <a class="function-link" href="/om">
                      Om Ramme og tilgængelighed
                    </a>
                  </li>
                </ul>
              </div>
            </div>
          </div>
        </footer>
      </body>
    </html>
  );
};
