/**
 * The short-lived read cache: remembers for its time to live, shares one load between concurrent misses,
 * forgets failures, and can be invalidated.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clearAllCaches, ttlCache } from './cache.js';

describe('ttl cache', () => {
  it('remembers a value for its time to live, then loads again', async () => {
    let now = 1000;
    let loads = 0;
    const c = ttlCache<number>({ ttlMs: 100, now: () => now });
    const load = async () => ++loads;
    assert.equal(await c.get('a', load), 1);
    now += 99;
    assert.equal(await c.get('a', load), 1);
    now += 1;
    assert.equal(await c.get('a', load), 2);
  });
  it('shares one load between concurrent misses and does not remember a failure', async () => {
    let loads = 0;
    const c = ttlCache<number>({ ttlMs: 1000 });
    const [x, y] = await Promise.all([c.get('k', async () => ++loads), c.get('k', async () => ++loads)]);
    assert.deepEqual([x, y, loads], [1, 1, 1]);
    await assert.rejects(c.get('bad', async () => Promise.reject(new Error('nej'))));
    await new Promise((r) => setImmediate(r));
    assert.equal(await c.get('bad', async () => 7), 7);
  });
  it('forgets on delete, by key pattern, on clearAllCaches, and beyond its size', async () => {
    const c = ttlCache<string>({ ttlMs: 60_000, maxEntries: 2 });
    await c.get('1|a', async () => 'a');
    await c.get('2|b', async () => 'b');
    c.deleteWhere((k) => k.startsWith('1|'));
    assert.equal(await c.get('1|a', async () => 'A'), 'A');
    clearAllCaches();
    assert.equal(await c.get('2|b', async () => 'B'), 'B');
    await c.get('3|c', async () => 'c');
    assert.equal(c.size, 2);
  });
});
