/**
 * Where the ecogram puts everyone: the household in the centre, three rings of closeness around it, one node per
 * person on their ring. Each person gets their own direction (people of one kind sit together, like sectors), so
 * nodes on different rings never line up behind each other; labels sit below a node, or above it when that
 * collides less with labels already placed. Pure geometry: tested without a browser.
 */
import type { Closeness, NetworkKind } from '@/lib/shapes/network';
import { NETWORK_KINDS } from '@/lib/shapes/network';

export interface EcogramPerson {
  id: string;
  name: string;
  kind: NetworkKind;
  closeness: Closeness;
}

export interface PlacedPerson extends EcogramPerson {
  x: number;
  y: number;
  /** Label lines (a long name wraps into two). */
  lines: string[];
  /** Where the label's anchor is, and how the text hangs from it. */
  labelX: number;
  /** Baseline of the first label line. */
  labelY: number;
  anchor: 'start' | 'middle' | 'end';
}

export interface EcogramLayout {
  size: number;
  centre: number;
  centreRadius: number;
  rings: number[];
  nodeRadius: number;
  fontSize: number;
  lineHeight: number;
  people: PlacedPerson[];
}

// The drawing is 760 units square: scaled to a 360 px phone (≈330 px of content) the 28-unit labels are ≈12 px.
const SIZE = 760;
const CENTRE = SIZE / 2;
const RINGS = [125, 205, 285];
const NODE = 15;
const FONT = 28;
const LINE = 31;
const CHARS_PER_LINE = 13;
/** Average glyph width as a fraction of the font size (system sans-serif); used to estimate label boxes. */
const GLYPH = 0.56;

/** Splits a name into at most two lines of about `CHARS_PER_LINE` characters; the rest is cut with an ellipsis. */
export function labelLines(name: string): string[] {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return ['?'];
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const next = current ? `${current} ${word}` : word;
    if (next.length <= CHARS_PER_LINE || !current) current = next;
    else {
      lines.push(current);
      current = word;
    }
  }
  lines.push(current);
  const cut = (s: string) => (s.length > CHARS_PER_LINE + 2 ? `${s.slice(0, CHARS_PER_LINE)}…` : s);
  if (lines.length <= 2) return lines.map(cut);
  return [cut(lines[0] ?? ''), cut(`${lines.slice(1).join(' ')}`)];
}

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const overlapArea = (a: Box, b: Box) => Math.max(0, Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1)) * Math.max(0, Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1));

const textWidth = (lines: string[]) => Math.max(...lines.map((l) => l.length)) * FONT * GLYPH;

function labelBox(x: number, firstBaseline: number, lines: string[], anchor: PlacedPerson['anchor']): Box {
  const width = textWidth(lines);
  const x1 = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
  return { x1, x2: x1 + width, y1: firstBaseline - FONT * 0.8, y2: firstBaseline + (lines.length - 1) * LINE + FONT * 0.25 };
}

interface Candidate {
  labelX: number;
  labelY: number;
  anchor: PlacedPerson['anchor'];
}

/** Label positions around a node: below, above, right and left of it, in the order that points away from the centre. */
function candidates(x: number, y: number, lines: string[], cos: number, sin: number): Candidate[] {
  const width = textWidth(lines);
  const clampX = (cx: number) => Math.min(Math.max(cx, 4 + width / 2), SIZE - 4 - width / 2);
  const block = (lines.length - 1) * LINE;
  const below: Candidate = { labelX: clampX(x), labelY: y + NODE + FONT, anchor: 'middle' };
  const above: Candidate = { labelX: clampX(x), labelY: y - NODE - 10 - block, anchor: 'middle' };
  const middleY = y + FONT * 0.35 - block / 2;
  const right: Candidate = { labelX: x + NODE + 6, labelY: middleY, anchor: 'start' };
  const left: Candidate = { labelX: x - NODE - 6, labelY: middleY, anchor: 'end' };
  const outV = sin >= 0 ? below : above;
  const inV = sin >= 0 ? above : below;
  const outH = cos >= 0 ? right : left;
  const inH = cos >= 0 ? left : right;
  // Corners, for crowded rings: the label beside the node but shifted up or down, pointing away from the centre first.
  const corner = (up: boolean, toRight: boolean): Candidate => ({
    labelX: x + (toRight ? 1 : -1) * (NODE * 0.6),
    labelY: up ? y - NODE - 4 - block : y + NODE + FONT - 4,
    anchor: toRight ? 'start' : 'end',
  });
  const corners = [corner(sin < 0, cos >= 0), corner(sin >= 0, cos >= 0), corner(sin < 0, cos < 0), corner(sin >= 0, cos < 0)];
  return [...(Math.abs(sin) >= Math.abs(cos) * 0.8 ? [outV, outH, inH, inV] : [outH, outV, inV, inH]), ...corners];
}

/** Places the people (in their kinds' order, stable by their order in the list). */
export function layoutEcogram(people: EcogramPerson[]): EcogramLayout {
  const ordered = [...people].sort((a, b) => NETWORK_KINDS.indexOf(a.kind) - NETWORK_KINDS.indexOf(b.kind));
  const n = ordered.length;
  const nodes = ordered.map((p, i) => {
    // Start at the top and go clockwise; an odd count is turned half a step so nobody sits exactly at the bottom.
    const angle = -Math.PI / 2 + (2 * Math.PI * (i + (n % 2 ? 0.5 : 0.25))) / Math.max(n, 1);
    const r = RINGS[p.closeness - 1] ?? RINGS[1] ?? 205;
    return { p, cos: Math.cos(angle), sin: Math.sin(angle), x: CENTRE + r * Math.cos(angle), y: CENTRE + r * Math.sin(angle) };
  });
  // Labels must not cover the family in the centre, any node, or a label placed before them.
  const nodeBoxes: Box[] = nodes.map(({ x, y }) => ({ x1: x - NODE - 2, x2: x + NODE + 2, y1: y - NODE - 2, y2: y + NODE + 2 }));
  const taken: Box[] = [{ x1: CENTRE - 82, x2: CENTRE + 82, y1: CENTRE - 82, y2: CENTRE + 82 }];
  const placed: PlacedPerson[] = nodes.map(({ p, x, y, cos, sin }, index) => {
    // A label sits next to its own node by design; it must clear every other node and label.
    const obstacles = [...taken, ...nodeBoxes.filter((_, i) => i !== index)];
    const lines = labelLines(p.name);
    let best: { c: Candidate; box: Box; cost: number } | null = null;
    for (const [rank, c] of candidates(x, y, lines, cos, sin).entries()) {
      const box = labelBox(c.labelX, c.labelY, lines, c.anchor);
      const outside = box.x1 < 2 || box.x2 > SIZE - 2 || box.y1 < 2 || box.y2 > SIZE - 2;
      const cost = obstacles.reduce((sum, b) => sum + overlapArea(box, b), 0) + (outside ? 1e6 : 0) + rank; // rank: prefer the earlier position on a tie
      if (!best || cost < best.cost) best = { c, box, cost };
      if (cost === rank) break; // free and inside: take it
    }
    if (!best) throw new Error('no label position');
    taken.push(best.box);
    return { ...p, x, y, lines, labelX: best.c.labelX, labelY: best.c.labelY, anchor: best.c.anchor };
  });
  return { size: SIZE, centre: CENTRE, centreRadius: 80, rings: RINGS, nodeRadius: NODE, fontSize: FONT, lineHeight: LINE, people: placed };
}

/** The label's box, for tests and for anyone checking overlaps. */
export function labelBoxOf(person: PlacedPerson): Box {
  return labelBox(person.labelX, person.labelY, person.lines, person.anchor);
}
