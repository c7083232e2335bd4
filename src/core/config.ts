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
};

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const isProduction = env.NODE_ENV === 'production';
  const databaseUrl = env.DATABASE_URL || undefined;
  const demoSetting = env.RAMME_DEMO;
  const isDemo = isProduction ? false : demoSetting ? demoSetting === '1' || demoSetting === 'true' : !databaseUrl;
  return {
    databaseUrl,
    dataDir: path.resolve(env.RAMME_DATA_DIR || './data'),
    port: Number(env.PORT || 3000),
    host: env.HOST || '127.0.0.1',
    isProduction,
    isDemo,
    isSecureCookies: isProduction || env.RAMME_SECURE_COOKIES === '1',
  };
}
