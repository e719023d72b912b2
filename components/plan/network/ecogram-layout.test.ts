/** The ecogram's geometry: everyone on their own ring, inside the drawing, labels short and (mostly) apart. */
import { describe, expect, it } from 'vitest';
import type { Closeness, NetworkKind } from '@/lib/shapes/network';
import { labelBoxOf, labelLines, layoutEcogram, type EcogramPerson } from './ecogram-layout';

const person = (id: string, name: string, kind: NetworkKind, closeness: Closeness): EcogramPerson => ({ id, name, kind, closeness });

describe('layoutEcogram', () => {
  const people = [
    person('a', 'Oma Ria', 'familie', 1),
    person('b', 'Eva Bakker (De Linde)', 'professional', 2),
    person('c', 'Meester Joris, mentor', 'school', 2),
    person('d', 'Buurvrouw Anja', 'buurt', 3),
    person('e', 'Opa Henk', 'familie', 1),
    person('f', 'Mo Ait Taleb', 'professional', 3),
    person('g', 'Trainer Bas', 'vriend', 2),
  ];
  const layout = layoutEcogram(people);

  it('puts each person on the ring of their closeness', () => {
    for (const p of layout.people) {
      const r = Math.hypot(p.x - layout.centre, p.y - layout.centre);
      expect(r).toBeCloseTo(layout.rings[p.closeness - 1] ?? 0, 5);
    }
    expect(layout.people).toHaveLength(people.length);
  });

  it('gives everyone their own direction, with people of one kind side by side', () => {
    const angles = layout.people.map((p) => Math.round((Math.atan2(p.y - layout.centre, p.x - layout.centre) * 180) / Math.PI));
    expect(new Set(angles).size).toBe(people.length);
    expect(layout.people.map((p) => p.kind)).toEqual(['familie', 'familie', 'vriend', 'buurt', 'school', 'professional', 'professional']);
  });

  it('keeps nodes and labels inside the drawing', () => {
    for (const p of layout.people) {
      expect(p.x).toBeGreaterThan(layout.nodeRadius);
      expect(p.x).toBeLessThan(layout.size - layout.nodeRadius);
      const box = labelBoxOf(p);
      expect(box.x1).toBeGreaterThanOrEqual(2);
      expect(box.x2).toBeLessThanOrEqual(layout.size - 2);
      expect(box.y1).toBeGreaterThanOrEqual(2);
      expect(box.y2).toBeLessThanOrEqual(layout.size - 2);
    }
  });

  it('keeps labels apart from each other and from the nodes, also with a crowded inner ring', () => {
    const crowded = layoutEcogram([
      person('a', 'Oma Ria', 'familie', 1),
      person('b', 'Peter de Vries', 'familie', 1),
      person('c', 'Opa Henk', 'familie', 1),
      person('d', 'Trainer Bas', 'vriend', 2),
      person('e', 'Coach Ahmed', 'vriend', 1),
      person('f', 'Buurvrouw Anja', 'buurt', 3),
      person('g', 'Meester Joris', 'school', 2),
      person('h', 'Eva Bakker', 'professional', 2),
      person('i', 'Mo Ait Taleb', 'professional', 2),
      person('j', 'Huisarts Visser', 'professional', 3),
    ]);
    const boxes = crowded.people.map(labelBoxOf);
    const overlaps: string[] = [];
    boxes.forEach((a, i) =>
      boxes.forEach((b, j) => {
        if (j > i && a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps.push(`${crowded.people[i]?.name} × ${crowded.people[j]?.name}`);
      }),
    );
    expect(overlaps).toEqual([]);
    for (const [i, box] of boxes.entries()) {
      for (const q of crowded.people) {
        const hit =
          q.x + crowded.nodeRadius > box.x1 && q.x - crowded.nodeRadius < box.x2 && q.y + crowded.nodeRadius > box.y1 && q.y - crowded.nodeRadius < box.y2;
        expect(hit, `${crowded.people[i]?.name} covers the node of ${q.name}`).toBe(false);
      }
    }
  });

  it('handles nobody and one person', () => {
    expect(layoutEcogram([]).people).toEqual([]);
    const [only] = layoutEcogram([person('x', 'Kees', 'buurt', 2)]).people;
    expect(only?.lines).toEqual(['Kees']);
  });
});

describe('labelLines', () => {
  it('wraps long names in two lines and cuts what does not fit', () => {
    expect(labelLines('Oma Ria')).toEqual(['Oma Ria']);
    expect(labelLines('Eva Bakker (De Linde)')).toEqual(['Eva Bakker', '(De Linde)']);
    const lines = labelLines('Mevrouw Wilhelmina van Oranje-Nassau tot Amsberg');
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(15);
    expect(labelLines('   ')).toEqual(['?']);
  });
});
