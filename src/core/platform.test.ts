/**
 * Unit tests for platform building blocks: passwords, CSV, the data-folder lock,
 * validation messages.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { hashPassword, verifyPassword } from './auth/password.js';
import { DataDirLockedError, lockDataDir } from './db/lock.js';
import { parseCsv, toCsv } from './tabular/csv.js';
import { fieldErrorsFrom, zDate } from './validation.js';
import { formatForFile } from './format.js';
import { formatDecimal } from './web/components.js';

describe('passwords', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('korrekt hest batteri');
    assert.match(hash, /^scrypt\$16384\$8\$1\$/);
    assert.equal(await verifyPassword('korrekt hest batteri', hash), true);
    assert.equal(await verifyPassword('Korrekt hest batteri', hash), false);
    assert.equal(await verifyPassword('x', null), false);
  });
  it('salts every hash', async () => {
    assert.notEqual(await hashPassword('samme'), await hashPassword('samme'));
  });
});

describe('CSV', () => {
  it('round-trips quotes, semicolons, line breaks and Danish letters', () => {
    const text = toCsv(
      ['Navn', 'Beskrivelse'],
      [
        ['Æblehaven; Øst', 'Linje 1\nLinje "2"'],
        ['Åen', null],
      ],
    );
    assert.ok(text.startsWith('\uFEFF'));
    assert.deepEqual(parseCsv(text), [
      ['Navn', 'Beskrivelse'],
      ['Æblehaven; Øst', 'Linje 1\nLinje "2"'],
      ['Åen', ''],
    ]);
  });
  it('neutralises cells that a spreadsheet would run as formulas', () => {
    assert.match(toCsv(['a'], [['=HYPERLINK("x")']]), /'=HYPERLINK/);
    assert.match(toCsv(['a'], [['-12,5']]), /\r\n-12,5\r\n$/);
  });
  it('reads comma-separated files too', () => {
    assert.deepEqual(parseCsv('a,b\n1,2\n'), [
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
  it('reports an unterminated quote in Danish', () => {
    assert.throws(() => parseCsv('a;b\n"1;2\n'), /citationstegn/);
  });
});

describe('data folder lock', () => {
  it('refuses a second process while the first holds the folder, and takes over a stale lock', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramme-lock-'));
    // A live process (the test runner that started this file) owns the lock.
    fs.writeFileSync(path.join(dir, 'ramme.lock'), String(process.ppid));
    assert.throws(
      () => lockDataDir(dir),
      (e: unknown) => e instanceof DataDirLockedError && /allerede i brug/.test((e as Error).message),
    );
    fs.writeFileSync(path.join(dir, 'ramme.lock'), '999999999');
    const release = lockDataDir(dir);
    assert.equal(fs.readFileSync(path.join(dir, 'ramme.lock'), 'utf8'), String(process.pid));
    release();
    assert.equal(fs.existsSync(path.join(dir, 'ramme.lock')), false);
  });
});

describe('validation messages', () => {
  it('names each field with a Danish message', () => {
    const r = z.object({ places: z.number().int().min(0), name: z.string().min(1), when: zDate }).safeParse({ places: -1, name: '', when: '2026-02-30' });
    assert.equal(r.success, false);
    assert.deepEqual(fieldErrorsFrom(r.error!), { places: ['Skal være mindst 0.'], name: ['Skal udfyldes.'], when: ['Datoen findes ikke.'] });
    const empty = z.object({ when: zDate }).safeParse({ when: '' });
    assert.deepEqual(fieldErrorsFrom(empty.error!), { when: ['Skal udfyldes.'] });
    const wrong = z.object({ when: zDate }).safeParse({ when: '1/2/2026' });
    assert.deepEqual(fieldErrorsFrom(wrong.error!), { when: ['Skal være en dato (åååå-mm-dd).'] });
  });
});

describe('Danish number formatting', () => {
  it('formats exact decimal strings without float rounding', () => {
    assert.equal(formatDecimal('1234567.8'), '1.234.567,80');
    assert.equal(formatDecimal('-0.05'), '−0,05');
    assert.equal(formatDecimal('9007199254740993.01'), '9.007.199.254.740.993,01');
  });
  it('writes amounts for a CSV file with a decimal comma, no grouping, every øre and a plain minus', () => {
    assert.equal(formatForFile('82907.1'), '82907,10');
    assert.equal(formatForFile('-5'), '-5,00');
    assert.equal(formatForFile('612.125'), '612,125');
    assert.equal(formatForFile(null), '');
  });
});
