/** Builds the seeded test database template once per test run (see src/testing/template.ts). */
import { buildTemplate } from '../src/testing/template.js';

const started = Date.now();
await buildTemplate();
console.log(`Testdatabase (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}) bygget på ${((Date.now() - started) / 1000).toFixed(1)} s.`);
