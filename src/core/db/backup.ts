/**
 * @module Backup and restore of the embedded database (PGlite): the whole data folder as one gzip'ed tar file
 * (PGlite's `dumpDataDir`), and back. Both take the folder's lock, so Ramme must be stopped first (only one
 * process may open the folder). A restore loads the file into a new folder beside the data folder, checks that
 * it opens, and only then swaps it in; the previous folder is kept as `<folder>.before-restore-<time>`.
 * PostgreSQL is backed up with its own tools (`pg_dump -Fc` / `pg_restore`, see the README).
 */
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './lock.js';

const LOCK_FILE = 'ramme.lock';

/** Writes the data folder to `file` (gzip'ed tar); returns its size in bytes. */
export async function backupDataDir(dataDir: string, file: string): Promise<number> {
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) throw new Error(`${dataDir} er ikke en Ramme-datamappe (ingen database).`);
  const release = lockDataDir(dataDir);
  try {
    const lite = await PGlite.create(dataDir);
    const dump = await lite.dumpDataDir('none');
    await lite.close();
    const bytes = gzipSync(Buffer.from(await dump.arrayBuffer()));
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(`${file}.tmp`, bytes);
    fs.renameSync(`${file}.tmp`, file);
    return bytes.length;
  } finally {
    release();
  }
}

/** Replaces the data folder with the backup in `file`; returns where the previous folder was kept (null: there was none). */
export async function restoreDataDir(dataDir: string, file: string, now = new Date()): Promise<string | null> {
  const raw = fs.readFileSync(file);
  const tar = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
  const release = lockDataDir(dataDir);
  const incoming = `${dataDir}.restoring-${process.pid}`;
  try {
    fs.rmSync(incoming, { recursive: true, force: true });
    const lite = await PGlite.create(incoming, { loadDataDir: new Blob([tar]) });
    await lite.query('select 1');
    await lite.close();
    fs.rmSync(path.join(incoming, LOCK_FILE), { force: true });
    const kept = `${dataDir}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    const hadData = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
    release();
    if (hadData) fs.renameSync(dataDir, kept);
    else fs.rmSync(dataDir, { recursive: true, force: true });
    fs.renameSync(incoming, dataDir);
    return hadData ? kept : null;
  } catch (error) {
    fs.rmSync(incoming, { recursive: true, force: true });
    throw error;
  } finally {
    release();
  }
}
