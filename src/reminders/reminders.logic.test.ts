import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DueGroup } from '../core/capability.js';
import { itemsToRemind, reminderMail } from './reminders.logic.js';

const groups: DueGroup[] = [
  {
    heading: 'Takster at indsende',
    href: '/takster',
    items: [
      { title: 'Indsend takst 2027: Bo A', href: '/takster/1', due: '2026-12-01' },
      { title: 'Indsend takst 2027: Bo B', href: '/takster/2', due: '2026-12-09' },
      { title: 'Indsend takst 2027: Bo C', href: '/takster/3', due: '2026-12-08' },
      { title: 'Uden frist', href: '/takster/4', due: null },
    ],
  },
  { heading: 'Høringer', href: '/aftaler', items: [{ title: 'Høring: Aftale', href: '/aftaler/5/hoering', due: '2026-11-20' }] },
];

describe('which items to remind of', () => {
  test('deadlines up to the horizon, overdue ones included, nearest first; none without a deadline', () => {
    const items = itemsToRemind(groups, '2026-12-01', 7, []);
    assert.deepEqual(
      items.map((i) => i.href),
      ['/aftaler/5/hoering', '/takster/1', '/takster/3'],
    );
  });
  test('0 days: only today and overdue', () => {
    assert.deepEqual(
      itemsToRemind(groups, '2026-12-01', 0, []).map((i) => i.due),
      ['2026-11-20', '2026-12-01'],
    );
  });
  test('a muted group gives no reminders', () => {
    assert.deepEqual(
      itemsToRemind(groups, '2026-12-01', 30, ['Takster at indsende']).map((i) => i.heading),
      ['Høringer'],
    );
  });
  test('the horizon crosses months and years', () => {
    const g: DueGroup[] = [{ heading: 'X', href: '/', items: [{ title: 'Nytår', href: '/n', due: '2027-01-03' }] }];
    assert.equal(itemsToRemind(g, '2026-12-28', 6, []).length, 1);
    assert.equal(itemsToRemind(g, '2026-12-28', 5, []).length, 0);
  });
});

describe('the reminder e-mail', () => {
  test('names the person, each item with its deadline in Danish and its full address, and where to choose', () => {
    const items = itemsToRemind(groups, '2026-12-01', 7, []);
    const m = reminderMail('Rikke Region', items, '2026-12-01', 'https://ramme.example.dk');
    assert.equal(m.subject, 'Påmindelse fra Ramme: 3 opgaver med frist');
    assert.match(m.text, /^Kære Rikke Region/);
    assert.match(m.text, /- Høring: Aftale, frist 20\. november 2026 \(overskredet\)\n {2}https:\/\/ramme\.example\.dk\/aftaler\/5\/hoering/);
    assert.match(m.text, /- Indsend takst 2027: Bo A, frist i dag, 1\. december 2026/);
    assert.match(m.text, /https:\/\/ramme\.example\.dk\/profil\/paamindelser/);
    assert.equal(reminderMail('X', items.slice(0, 1), '2026-12-01', '').subject, 'Påmindelse fra Ramme: Høring: Aftale');
  });
});
