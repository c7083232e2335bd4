/** Builds the seeded test database template once per test run (see src/core/testing/template.ts). */
import { buildTemplate } from '../src/core/testing/template.js';

const started = Date.now();
await buildTemplate();
console.log(`Testdatabase (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}) bygget på ${((Date.now() - started) / 1000).toFixed(1)} s.`);
