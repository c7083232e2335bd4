/**
 * The organisation chart's pure parts: the tree, the layout the SVG is drawn from, wrapping of names, and the
 * comparison of a proposal with the version in force.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BOX_HEIGHT, BOX_WIDTH, compare, layout, outline, wrap, type ChartNode } from './chart.js';

const n = (id: number, name: string, reportsToId: number | null = null): ChartNode => ({ id, name, kindLabel: 'Gruppe', reportsToId });

describe('organisation chart', () => {
  it('centres a steering group over its three groups and gives each leaf its own column', () => {
    const l = layout([n(1, 'Styregruppen'), n(2, 'Udviklingsgruppen', 1), n(3, 'Økonomigruppen', 1), n(4, 'Netværk Børn', 1)]);
    const x = (id: number) => l.boxes.find((b) => b.id === id)!.x;
    assert.deepEqual([x(2), x(3), x(4)], [10, 210, 410]);
    assert.equal(x(1), 210);
    assert.equal(l.width, 3 * 200 - 20 + 20);
    assert.equal(l.height, 2 * (BOX_HEIGHT + 48) - 48 + 20);
    assert.equal(l.edges.length, 3);
    assert.deepEqual(
      l.edges.find((e) => e.from === 2),
      { from: 2, to: 1, x1: 210 + BOX_WIDTH / 2, y1: 10 + BOX_HEIGHT, x2: 10 + BOX_WIDTH / 2, y2: 10 + BOX_HEIGHT + 48 },
    );
  });

  it('treats a body whose superior is missing or whose chain loops as a root', () => {
    const roots = outline([n(1, 'A', 2), n(2, 'B', 1), n(3, 'C', 99), n(4, 'D', 3)]);
    assert.deepEqual(
      roots.map((r) => [r.id, r.children.map((c) => c.id)]),
      [
        [1, []],
        [2, []],
        [3, [4]],
      ],
    );
  });

  it('wraps long names at spaces into at most three lines', () => {
    assert.deepEqual(wrap('Netværksgruppe Voksne Sindslidende'), ['Netværksgruppe Voksne', 'Sindslidende']);
    assert.equal(wrap('a b c d e f g h', 1, 3).length, 3);
    assert.match(wrap('a b c d e f g h', 1, 3)[2]!, /…$/);
  });

  it('tells a proposal’s new, removed and moved bodies apart from the unchanged ones', () => {
    const current = [n(1, 'Styregruppen'), n(2, 'Udviklingsgruppen', 1), n(3, 'Udbydernetværket', 1), n(5, 'Økonomigruppen', 1)];
    const proposal = [n(1, 'Styregruppen'), n(2, 'Udviklingsgruppen', 1), n(4, 'Chef- og direktørforum', 1), n(5, 'Økonomigruppen', 4)];
    const c = compare(current, proposal);
    assert.deepEqual(
      c.added.map((x) => x.name),
      ['Chef- og direktørforum'],
    );
    assert.deepEqual(
      c.removed.map((x) => x.name),
      ['Udbydernetværket'],
    );
    assert.deepEqual(
      c.moved.map((m) => [m.node.name, m.from, m.to]),
      [['Økonomigruppen', 'Styregruppen', 'Chef- og direktørforum']],
    );
    assert.deepEqual(
      c.unchanged.map((x) => x.id),
      [1, 2],
    );
  });

  it('places every body exactly once, inside the drawing, with no two boxes overlapping', () => {
    const forest = fc.array(fc.option(fc.nat(30), { nil: null }), { maxLength: 30 }).map((parents) => parents.map((p, i) => n(i + 1, `Organ ${i + 1}`, p)));
    fc.assert(
      fc.property(forest, (nodes) => {
        const l = layout(nodes);
        assert.equal(l.boxes.length, nodes.length);
        assert.equal(new Set(l.boxes.map((b) => b.id)).size, nodes.length);
        for (const b of l.boxes) assert.ok(b.x >= 0 && b.y >= 0 && b.x + BOX_WIDTH <= l.width && b.y + BOX_HEIGHT <= l.height);
        for (const a of l.boxes)
          for (const b of l.boxes) if (a !== b && a.depth === b.depth) assert.ok(Math.abs(a.x - b.x) >= BOX_WIDTH, `${a.id} and ${b.id} overlap`);
      }),
    );
  });
});
