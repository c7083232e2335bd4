/**
 * @module The organisation chart drawn on the server as SVG (boxes and connectors from chart.ts), with the text
 * version beside it: the same tree as a nested list, for screen readers and for copying into a document.
 */
import { BOX_HEIGHT, BOX_WIDTH, layout, outline, type ChartNode, type OutlineNode } from '../chart.js';

export const OrgChart = (p: { nodes: ChartNode[]; title: string; id: string; highlight?: ReadonlySet<number> }) => {
  if (!p.nodes.length) return <p>Der er ingen organer i denne organisering endnu.</p>;
  const l = layout(p.nodes);
  return (
    <figure class="ramme-chart">
      <section class="ramme-table-wrap" tabindex={0} aria-label={`Organisationsdiagram: ${p.title}`}>
        <svg
          xmlns="http://www.w3.org/2000/svg"
          viewBox={`0 0 ${l.width} ${l.height}`}
          width={l.width}
          height={l.height}
          role="img"
          aria-labelledby={`${p.id}-title`}
          font-family="IBM Plex Sans, Arial, sans-serif"
        >
          <title id={`${p.id}-title`}>{`Organisationsdiagram: ${p.title}. Tekstversionen står under diagrammet.`}</title>
          {l.edges.map((e) => {
            const mid = (e.y1 + e.y2) / 2;
            return <path d={`M${e.x1} ${e.y1} V${mid} H${e.x2} V${e.y2}`} fill="none" stroke="#545454" stroke-width="1.5" />;
          })}
          {l.boxes.map((b) => {
            const isNew = p.highlight?.has(b.id);
            return (
              <g>
                <rect
                  x={b.x}
                  y={b.y}
                  width={BOX_WIDTH}
                  height={BOX_HEIGHT}
                  rx="4"
                  fill={isNew ? '#fff4d6' : '#ffffff'}
                  stroke={b.depth === 0 ? '#004993' : '#545454'}
                  stroke-width={b.depth === 0 ? '2.5' : '1.5'}
                  stroke-dasharray={isNew ? '6 3' : undefined}
                />
                <text x={b.x + BOX_WIDTH / 2} y={b.y + 15} text-anchor="middle" font-size="10" fill="#545454">
                  {b.kindLabel}
                </text>
                {b.lines.map((line, i) => (
                  <text x={b.x + BOX_WIDTH / 2} y={b.y + 31 + i * 14} text-anchor="middle" font-size="12" font-weight="600" fill="#1a1a1a">
                    {line}
                  </text>
                ))}
              </g>
            );
          })}
        </svg>
      </section>
      <figcaption>
        <h3 class="h5">Tekstversion: {p.title}</h3>
        <Outline nodes={outline(p.nodes)} highlight={p.highlight} />
      </figcaption>
    </figure>
  );
};

const Outline = (p: { nodes: OutlineNode[]; highlight?: ReadonlySet<number> }) => (
  <ul>
    {p.nodes.map((n) => (
      <li>
        {n.name} <span class="form-hint">({n.kindLabel})</span>
        {p.highlight?.has(n.id) ? ' – nyt i forslaget' : ''}
        {n.children.length > 0 && <Outline nodes={n.children} highlight={p.highlight} />}
      </li>
    ))}
  </ul>
);
