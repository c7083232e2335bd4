/**
 * `npm run build`: compiles Ramme (TypeScript and the TSX pages) to JavaScript in `dist/` and copies the files
 * the server reads at run time (static assets, CSS, data files) beside the compiled modules, so
 * `npm run start:prod` runs `node dist/main.js` without tsx.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
fs.rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

let copied = 0;
const copyAssets = (dir: string) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const from = path.join(dir, entry.name);
    if (entry.isDirectory()) copyAssets(from);
    else if (!/\.tsx?$/.test(entry.name)) {
      const to = path.join(dist, path.relative(path.join(root, 'src'), from));
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(from, to);
      copied++;
    }
  }
};
copyAssets(path.join(root, 'src'));
console.log(`Bygget til dist/ (${copied} filer kopieret ved siden af de oversatte moduler).`);
