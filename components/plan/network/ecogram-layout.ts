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
  /** Baseline of the first label line. */
  labelY: number;
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

const overlap = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

function labelBox(x: number, firstBaseline: number, lines: string[]): Box {
  const width = Math.max(...lines.map((l) => l.length)) * FONT * GLYPH;
  return { x1: x - width / 2, x2: x + width / 2, y1: firstBaseline - FONT * 0.8, y2: firstBaseline + (lines.length - 1) * LINE + FONT * 0.25 };
}

/** Places the people (in their kinds' order, stable by their order in the list). */
export function layoutEcogram(people: EcogramPerson[]): EcogramLayout {
  const ordered = [...people].sort((a, b) => NETWORK_KINDS.indexOf(a.kind) - NETWORK_KINDS.indexOf(b.kind));
  const n = ordered.length;
  const placed: PlacedPerson[] = [];
  const boxes: Box[] = [{ x1: CENTRE - 95, x2: CENTRE + 95, y1: CENTRE - 95, y2: CENTRE + 95 }];
  ordered.forEach((p, i) => {
    // Start at the top and go clockwise; an odd count is turned half a step so nobody sits exactly at the bottom.
    const angle = -Math.PI / 2 + (2 * Math.PI * (i + (n % 2 ? 0.5 : 0.25))) / Math.max(n, 1);
    const r = RINGS[p.closeness - 1] ?? RINGS[1] ?? 205;
    const x = CENTRE + r * Math.cos(angle);
    const y = CENTRE + r * Math.sin(angle);
    const lines = labelLines(p.name);
    const below = y + NODE + FONT;
    const above = y - NODE - 8 - (lines.length - 1) * LINE;
    // Prefer the side away from the centre; switch when that collides and the other side does not.
    const outward = y >= CENTRE ? below : above;
    const inward = y >= CENTRE ? above : below;
    const collides = (baseline: number) => boxes.some((b) => overlap(b, labelBox(x, baseline, lines)));
    const labelY = collides(outward) && !collides(inward) ? inward : outward;
    // Keep labels inside the drawing.
    const box = labelBox(x, labelY, lines);
    const shiftX = box.x1 < 4 ? 4 - box.x1 : box.x2 > SIZE - 4 ? SIZE - 4 - box.x2 : 0;
    boxes.push(labelBox(x + shiftX, labelY, lines));
    placed.push({ ...p, x, y, lines, labelY: Math.min(Math.max(labelY, FONT), SIZE - 4 - (lines.length - 1) * LINE) });
  });
  return { size: SIZE, centre: CENTRE, centreRadius: 80, rings: RINGS, nodeRadius: NODE, fontSize: FONT, lineHeight: LINE, people: placed };
}

/** Horizontal position of a label: centred under its node but kept inside the drawing. */
export function labelX(person: PlacedPerson): number {
  const width = Math.max(...person.lines.map((l) => l.length)) * FONT * GLYPH;
  return Math.min(Math.max(person.x, 4 + width / 2), SIZE - 4 - width / 2);
}
