/**
 * Prepares a test run: builds the seeded test database template once (see src/testing/template.ts) and compiles
 * the code and tests to JavaScript (see build-tests.ts).
 */
import { buildTemplate } from '../src/testing/template.js';
import { buildTests } from './build-tests.js';

let started = Date.now();
const compiled = await buildTests();
console.log(`${compiled} TypeScript-filer oversat til testkørslen på ${((Date.now() - started) / 1000).toFixed(1)} s.`);
started = Date.now();
await buildTemplate();
console.log(`Testdatabase (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}) bygget på ${((Date.now() - started) / 1000).toFixed(1)} s.`);
