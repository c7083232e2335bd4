/**
 * Imports a module of `src/` named by its TypeScript path (`src/testing/access/offerings.ts`) from the code that
 * is running: the compiled test build (`.cache/test-build`, see scripts/build-tests.ts) or the TypeScript
 * sources under tsx. Tests that find modules by scanning `src/` use it.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const runningRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const compiled = !/\.tsx?$/.test(fileURLToPath(import.meta.url));

export function importSource(file: string): Promise<unknown> {
  const relative = path.relative(path.resolve('src'), path.resolve(file));
  return import(pathToFileURL(path.join(runningRoot, compiled ? relative.replace(/\.tsx?$/, '.js') : relative)).href);
}
