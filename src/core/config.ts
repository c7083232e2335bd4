/**
 * @module Process configuration, read once from the environment.
 */
import path from 'node:path';

export type Config = {
  /** PostgreSQL connection string; when absent Ramme uses embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  isProduction: boolean;
  /** Demo mode offers one-click demo users on the login page. Never on in production. */
  isDemo: boolean;
  /** Cookies get the Secure flag unless explicitly served over plain http in development. */
  isSecureCookies: boolean;
  /** SMTP server for reminders (`smtp://user:pass@host:587`); without one, reminders stay in Ramme. */
  smtpUrl: string | undefined;
  /** Ramme's address as users reach it, for links in e-mail. */
  baseUrl: string;
  /** Sender of Ramme's e-mail. */
  mailFrom: string;
  /** Run the background jobs (pg-boss) in this process; `RAMME_JOBS=0` turns them off. */
  runsJobs: boolean;
  /**
   * Which proxies in front of Ramme to believe about the client's address (`X-Forwarded-For`): false (none,
   * the default), a number of hops, or a comma-separated list of addresses/CIDR ranges (`RAMME_TRUST_PROXY`).
   */
  trustProxy: false | number | string;
  /** Log level of the structured request log (`RAMME_LOG`; `info` in production; none otherwise). */
  logLevel: string | undefined;
  /** Bearer token that `/metrics` requires (`RAMME_METRICS_TOKEN`); without one, `/metrics` answers 404. */
  metricsToken: string | undefined;
  /** OpenID Connect sign-in through an identity broker (`RAMME_OIDC_*`); absent when not configured. */
  oidc: OidcConfig | undefined;
};

export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Ramme's callback as the broker knows it: `<base>/login/oidc/callback`. */
  redirectUrl: string;
  /** Shown on the login page: "Log ind med <name>". */
  name: string;
  /** Extra scopes beyond `openid profile email`. */
  scopes: string;
  /** Claim holding the organisation's CVR number; without it only users an administrator has mapped may sign in. */
  organisationClaim: string | undefined;
  /** Claim holding Ramme role names (a list or a space/comma-separated string). */
  rolesClaim: string | undefined;
};

/** `RAMME_OIDC_ISSUER`, `_CLIENT_ID`, `_CLIENT_SECRET` and `_REDIRECT_URL` together turn OpenID Connect sign-in on. */
export function readOidcConfig(env: NodeJS.ProcessEnv, baseUrl: string): OidcConfig | undefined {
  const issuer = env.RAMME_OIDC_ISSUER?.trim();
  const clientId = env.RAMME_OIDC_CLIENT_ID?.trim();
  if (!issuer || !clientId) return undefined;
  return {
    issuer,
    clientId,
    clientSecret: env.RAMME_OIDC_CLIENT_SECRET ?? '',
    redirectUrl: env.RAMME_OIDC_REDIRECT_URL?.trim() || `${baseUrl}/login/oidc/callback`,
    name: env.RAMME_OIDC_NAME?.trim() || 'identitetsbroker',
    scopes: env.RAMME_OIDC_SCOPES?.trim() ?? '',
    organisationClaim: env.RAMME_OIDC_ORGANISATION_CLAIM?.trim() || undefined,
    rolesClaim: env.RAMME_OIDC_ROLES_CLAIM?.trim() || undefined,
  };
}

/** `RAMME_TRUST_PROXY`: empty/0/false → trust no proxy; a number → that many hops; else a list of addresses. */
export function parseTrustProxy(value: string | undefined): false | number | string {
  const v = (value ?? '').trim();
  if (v === '' || v === '0' || v === 'false') return false;
  if (/^\d+$/.test(v)) return Number(v);
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .join(',');
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const isProduction = env.NODE_ENV === 'production';
  const databaseUrl = env.DATABASE_URL || undefined;
  const demoSetting = env.RAMME_DEMO;
  const isDemo = isProduction ? false : demoSetting ? demoSetting === '1' || demoSetting === 'true' : !databaseUrl;
  const baseUrl = (env.RAMME_BASE_URL || `http://localhost:${Number(env.PORT || 3000)}`).replace(/\/+$/, '');
  return {
    databaseUrl,
    dataDir: path.resolve(env.RAMME_DATA_DIR || './data'),
    port: Number(env.PORT || 3000),
    host: env.HOST || '127.0.0.1',
    isProduction,
    isDemo,
    isSecureCookies: isProduction || env.RAMME_SECURE_COOKIES === '1',
    smtpUrl: env.RAMME_SMTP_URL || undefined,
    baseUrl,
    mailFrom: env.RAMME_MAIL_FROM || 'Ramme <ramme@localhost>',
    runsJobs: env.RAMME_JOBS !== '0',
    trustProxy: parseTrustProxy(env.RAMME_TRUST_PROXY),
    metricsToken: env.RAMME_METRICS_TOKEN || undefined,
    logLevel: env.RAMME_LOG || (isProduction ? 'info' : undefined),
    oidc: readOidcConfig(env, baseUrl),
  };
}
