/**
 * @module The organisation chart as pure functions: the tree of bodies (each reports to at most one other), a
 * layered layout for the server-drawn SVG (each leaf its own column, a parent centred over its children), the
 * text outline beside it, and the comparison of two versions (today's and a proposal).
 */

export type ChartNode = { id: number; name: string; kindLabel: string; reportsToId: number | null };
export type OutlineNode = ChartNode & { children: OutlineNode[] };
export type Box = { id: number; name: string; kindLabel: string; lines: string[]; x: number; y: number; depth: number };
export type Edge = { from: number; to: number; x1: number; y1: number; x2: number; y2: number };
export type ChartLayout = { width: number; height: number; boxes: Box[]; edges: Edge[] };

export const BOX_WIDTH = 180;
export const BOX_HEIGHT = 64;
const GAP_X = 20;
const GAP_Y = 48;
const MARGIN = 10;
const LINE_CHARS = 24;

/** The bodies as a forest: a body whose superior is missing, or whose chain of superiors loops, is a root. */
export function outline(nodes: readonly ChartNode[]): OutlineNode[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  /** The body's superior, or null when it has none in the set or is part of a loop of superiors. */
  const parentOf = (n: ChartNode): number | null => {
    if (n.reportsToId === null || !byId.has(n.reportsToId)) return null;
    const seen = new Set<number>();
    let p: number | null = n.reportsToId;
    while (p !== null && byId.has(p) && !seen.has(p)) {
      if (p === n.id) return null;
      seen.add(p);
      p = byId.get(p)!.reportsToId;
    }
    return n.reportsToId;
  };
  const tree = new Map<number, OutlineNode>(nodes.map((n) => [n.id, { ...n, children: [] }]));
  const roots: OutlineNode[] = [];
  for (const n of nodes) {
    const parent = parentOf(n);
    const node = tree.get(n.id)!;
    if (parent === null) roots.push(node);
    else tree.get(parent)!.children.push(node);
  }
  return roots;
}

/** Splits a name into lines of at most ~24 characters (at spaces), at most three lines. */
export function wrap(text: string, width = LINE_CHARS, maxLines = 3): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && (last + ' ' + word).length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
  return kept;
}

/** Positions of the boxes and connectors: leaves take one column each, from left to right in outline order. */
export function layout(nodes: readonly ChartNode[]): ChartLayout {
  const boxes: Box[] = [];
  const edges: Edge[] = [];
  let column = 0;
  let maxDepth = 0;
  const place = (n: OutlineNode, depth: number): number => {
    maxDepth = Math.max(maxDepth, depth);
    let x: number;
    if (!n.children.length) x = MARGIN + column++ * (BOX_WIDTH + GAP_X);
    else {
      const xs = n.children.map((c) => place(c, depth + 1));
      x = (xs[0]! + xs[xs.length - 1]!) / 2;
    }
    const y = MARGIN + depth * (BOX_HEIGHT + GAP_Y);
    boxes.push({ id: n.id, name: n.name, kindLabel: n.kindLabel, lines: wrap(n.name), x, y, depth });
    return x;
  };
  for (const root of outline(nodes)) place(root, 0);
  const pos = new Map(boxes.map((b) => [b.id, b]));
  for (const b of boxes) {
    const node = nodes.find((n) => n.id === b.id)!;
    const parent = node.reportsToId !== null ? pos.get(node.reportsToId) : undefined;
    if (parent && parent.depth === b.depth - 1)
      edges.push({ from: b.id, to: parent.id, x1: parent.x + BOX_WIDTH / 2, y1: parent.y + BOX_HEIGHT, x2: b.x + BOX_WIDTH / 2, y2: b.y });
  }
  boxes.sort((a, b) => a.depth - b.depth || a.x - b.x);
  return {
    width: Math.max(1, column) * (BOX_WIDTH + GAP_X) - GAP_X + 2 * MARGIN,
    height: (maxDepth + 1) * (BOX_HEIGHT + GAP_Y) - GAP_Y + 2 * MARGIN,
    boxes,
    edges,
  };
}

export type Comparison = {
  added: ChartNode[];
  removed: ChartNode[];
  moved: Array<{ node: ChartNode; from: string | null; to: string | null }>;
  unchanged: ChartNode[];
};

/** What a proposal changes against the version in force: bodies added, removed, and reporting elsewhere. */
export function compare(current: readonly ChartNode[], proposal: readonly ChartNode[]): Comparison {
  const cur = new Map(current.map((n) => [n.id, n]));
  const prop = new Map(proposal.map((n) => [n.id, n]));
  const nameIn = (m: Map<number, ChartNode>, id: number | null) => (id === null ? null : (m.get(id)?.name ?? null));
  const out: Comparison = { added: [], removed: [], moved: [], unchanged: [] };
  for (const n of proposal) {
    const before = cur.get(n.id);
    if (!before) out.added.push(n);
    else if (before.reportsToId !== n.reportsToId) out.moved.push({ node: n, from: nameIn(cur, before.reportsToId), to: nameIn(prop, n.reportsToId) });
    else out.unchanged.push(n);
  }
  for (const n of current) if (!prop.has(n.id)) out.removed.push(n);
  return out;
}
