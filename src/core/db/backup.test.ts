/**
 * Backup and restore of the embedded database: a backup, then changes, then a restore gives back exactly the
 * data of the backup — every table's row count and checksum — and keeps the changed folder beside it.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import { capabilities } from '../../capabilities.js';
import { backupDataDir, restoreDataDir } from './backup.js';
import { openDatabase } from './connect.js';
import { tableChecksums } from './maintenance.repository.js';
import { migrateToLatest } from './migrate.js';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ramme-backup-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));

const dataDir = path.join(work, 'data');
const withDatabase = async <T>(run: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> => {
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    return await run(database.db);
  } finally {
    await database.close();
  }
};

describe('backup and restore (embedded database)', () => {
  it('restores every table to the row count and checksum of the backup', async () => {
    const atBackup = await withDatabase(async (db) => {
      await migrateToLatest(db, capabilities);
      const org = await db.selectFrom('organisation').select('id').orderBy('id').executeTakeFirstOrThrow();
      await db.insertInto('app_user').values({ username: 'backup.bruger', display_name: 'Før backup', organisation_id: org.id }).execute();
      return tableChecksums(db);
    });
    assert.ok(Object.keys(atBackup).length > 20, 'every table is compared');
    assert.ok(atBackup.app_user!.rows >= 1 && atBackup.organisation!.rows > 50);

    const file = path.join(work, 'ramme.tar.gz');
    const bytes = await backupDataDir(dataDir, file);
    assert.ok(bytes > 1000 && fs.statSync(file).size === bytes);

    const changed = await withDatabase(async (db) => {
      await db.updateTable('app_user').set({ display_name: 'Efter backup' }).where('username', '=', 'backup.bruger').execute();
      const org = await db.selectFrom('organisation').select('id').orderBy('id').executeTakeFirstOrThrow();
      await db.insertInto('app_user').values({ username: 'ny.bruger', display_name: 'Ny', organisation_id: org.id }).execute();
      await sql`delete from audit_log`.execute(db);
      await sql`create table efter_backup (id int)`.execute(db);
      return tableChecksums(db);
    });
    assert.notDeepEqual(changed, atBackup, 'the changes show in the checksums');

    const kept = await restoreDataDir(dataDir, file);
    assert.ok(kept && fs.existsSync(kept), 'the changed folder is kept');
    const restored = await withDatabase((db) => tableChecksums(db));
    assert.deepEqual(restored, atBackup);
  });

  it('refuses to back up a folder without a database', async () => {
    await assert.rejects(() => backupDataDir(path.join(work, 'tom'), path.join(work, 'x.tar.gz')), /ikke en Ramme-datamappe/);
  });
});
