/**
 * The export as text blocks for paper, in Dutch: the PDF renders exactly these blocks, and tests read them to
 * check what a reader would see. Structured content is described per section where we know its shape
 * (evaluatie, overgang18) and by a generic, labelled walk otherwise.
 */
import { BIG_FIVE } from '@/lib/bigfive';
import type { Evaluation } from '@/lib/shapes/evaluation';
import type { Transition18 } from '@/lib/shapes/transition18';
import nl from '@/messages/nl.json';
import type { ExportModel, ExportSection } from './model';

export type PrintBlock =
  | { t: 'title'; text: string }
  | { t: 'h2'; text: string }
  | { t: 'h3'; text: string }
  | { t: 'field'; label: string; text: string; indent: number }
  | { t: 'para'; text: string; indent: number; strong?: boolean }
  | { t: 'note'; text: string };

const m = nl.export;
const labels = m.labels as Record<string, string>;
const domainLabels = nl.evaluation.domains as Record<string, string>;
const roles = nl.roles as Record<string, string>;
const statuses = nl.status as Record<string, string>;
const kaders = nl.kader as Record<string, string>;
const kinds = nl.evaluation.kinds as Record<string, string>;

/** Fills `{name}` placeholders. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

const dateFmt = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
/** A date as a Dutch reader writes it ("3 november 2026"); '' stays ''. */
export function dutchDate(value: string | Date): string {
  if (!value) return '';
  const d = value instanceof Date ? value : new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
  return Number.isNaN(d.getTime()) ? String(value) : dateFmt.format(d);
}

function ageOn(birthDate: string, today: Date): number {
  const b = new Date(`${birthDate}T00:00:00Z`);
  let age = today.getUTCFullYear() - b.getUTCFullYear();
  if (today.getUTCMonth() < b.getUTCMonth() || (today.getUTCMonth() === b.getUTCMonth() && today.getUTCDate() < b.getUTCDate())) age -= 1;
  return age;
}

const labelOf = (key: string) =>
  labels[key] ??
  key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .replace(/^./, (c) => c.toUpperCase());

/** Keys whose text says what an item is: shown first, as the item's own line. */
const PRIMARY_KEYS = ['words', 'text', 'what', 'name', 'title', 'summary'];

/** A primitive value as a reader would write it: dates and domains as words, booleans as ja/nee. */
function primitiveText(key: string, value: unknown): string {
  if (typeof value === 'boolean') return value ? m.yes : m.no;
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  const text = String(value);
  if (key === 'domain') return domainLabels[text] ?? text;
  if (typeof value === 'string' && /(Date|At|Contact|^due)$/.test(key)) return dutchDate(value);
  return text;
}

const skipKey = (key: string) => key === 'id' || key.endsWith('Id');
const isPrimitive = (v: unknown) => v === null || typeof v !== 'object';

/**
 * One item of a list: its primary text as a numbered line, its other short facts on one line below it, and
 * nested lists (a goal's actions) further in.
 */
function describeItem(item: unknown, n: number, indent: number, out: PrintBlock[]): void {
  if (isPrimitive(item)) {
    const text = primitiveText('', item);
    if (text) out.push({ t: 'para', text: `${n}. ${text}`, indent });
    return;
  }
  const entries = Object.entries(item as Record<string, unknown>).filter(([k, v]) => !skipKey(k) && v !== null && v !== undefined && v !== '');
  const primary = PRIMARY_KEYS.map((k) => entries.find(([key]) => key === k)).find((e) => e && typeof e[1] === 'string');
  out.push({ t: 'para', text: `${n}. ${primary ? String(primary[1]) : ''}`.trimEnd(), indent });
  const facts = entries
    .filter((e) => e !== primary && isPrimitive(e[1]))
    .map(([k, v]) => [labelOf(k), primitiveText(k, v)] as const)
    .filter(([, v]) => v.trim() !== '');
  if (facts.length > 0) out.push({ t: 'para', text: facts.map(([l, v]) => `${l}: ${v}`).join(' · '), indent: indent + 1 });
  for (const [k, v] of entries) if (!isPrimitive(v)) describeValue(k, v, indent + 1, out);
}

/** A generic, labelled walk of validated content: ids are left out, dates and domains read as words. */
function describeValue(key: string, value: unknown, indent: number, out: PrintBlock[]): void {
  if (skipKey(key) || value === null || value === undefined || value === '') return;
  if (isPrimitive(value)) {
    const text = primitiveText(key, value);
    if (text.trim()) out.push({ t: 'field', label: labelOf(key), text, indent });
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return;
    if (value.every(isPrimitive)) {
      out.push({ t: 'field', label: labelOf(key), text: value.map((v) => primitiveText(key, v)).join(', '), indent });
      return;
    }
    if (key) out.push({ t: 'para', text: `${labelOf(key)}:`, indent, strong: true });
    value.forEach((item, i) => describeItem(item, i + 1, key ? indent + 1 : indent, out));
    return;
  }
  if (key) out.push({ t: 'para', text: `${labelOf(key)}:`, indent, strong: true });
  describeObject(value, key ? indent + 1 : indent, out);
}

function describeObject(value: unknown, indent: number, out: PrintBlock[]): void {
  if (Array.isArray(value)) {
    describeValue('', value, indent, out);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [k, v] of Object.entries(value)) describeValue(k, v, indent, out);
}

function describeEvaluation(e: Evaluation, out: PrintBlock[]): void {
  if (e.reviews.length > 0) {
    out.push({ t: 'h3', text: labels.reviews ?? 'Evaluaties' });
    for (const r of e.reviews) {
      const head = [r.date ? dutchDate(r.date) : nl.evaluation.reviewNoDate, r.by].filter(Boolean).join(' — ');
      out.push({ t: 'field', label: head, text: r.summary || '–', indent: 0 });
    }
  }
  out.push({ t: 'h3', text: labels.stability ?? 'Stabiel' });
  for (const d of BIG_FIVE) {
    const entry = e.stability[d];
    const state = entry?.stable ? 'stabiel' : 'nog niet stabiel';
    out.push({ t: 'field', label: domainLabels[d] ?? d, text: entry?.note ? `${state} — ${entry.note}` : state, indent: 0 });
  }
  for (const k of ['aftercare', 'waakvlam', 'closingReason'] as const) {
    if (e[k].trim()) out.push({ t: 'field', label: labels[k] ?? k, text: e[k], indent: 0 });
  }
}

function describeTransition18(v: Transition18, out: PrintBlock[]): void {
  if (v.director.trim()) out.push({ t: 'field', label: labels.director ?? 'Regie', text: v.director, indent: 0 });
  const domains = [...BIG_FIVE, ...Object.keys(v.arranged).filter((k) => !(BIG_FIVE as readonly string[]).includes(k))].filter((d) => v.arranged[d]);
  if (domains.length > 0) out.push({ t: 'h3', text: labels.arranged ?? 'Geregeld na 18 jaar' });
  for (const d of domains) out.push({ t: 'field', label: domainLabels[d] ?? d, text: v.arranged[d] ?? '', indent: 0 });
}

/** Every string inside structured content, to leave out rich text that a reader already returned as plain text. */
function stringsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') into.add(value.trim());
  else if (Array.isArray(value)) value.forEach((v) => stringsIn(v, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => stringsIn(v, into));
  return into;
}

function describeSection(s: ExportSection, out: PrintBlock[]): void {
  out.push({ t: 'h2', text: s.title });
  const before = out.length;
  if (s.content !== null && s.content !== undefined) {
    if (s.key === 'evaluatie') describeEvaluation(s.content as Evaluation, out);
    else if (s.key === 'overgang18') describeTransition18(s.content as Transition18, out);
    else describeObject(s.content, 0, out);
  }
  const known = stringsIn(s.content);
  const texts = s.richText.filter((r) => !known.has(r.text.trim()));
  for (const r of texts) {
    if (texts.length > 1 || out.length > before) out.push({ t: 'h3', text: r.field === 'body' ? m.text : labelOf(r.field) });
    for (const line of r.text.split('\n')) if (line.trim()) out.push({ t: 'para', text: line, indent: 0 });
  }
  if (s.comments.length > 0) {
    out.push({ t: 'h3', text: m.comments });
    for (const thread of s.comments) {
      out.push({ t: 'para', text: fill(m.commentOn, { quote: thread.quote }) + (thread.resolvedAt ? ` (${m.resolved})` : ''), indent: 0 });
      for (const c of thread.comments) {
        out.push({
          t: 'para',
          text: fill(m.commentLine, { name: c.authorName ?? '', role: roles[c.authorRole] ?? c.authorRole, date: dutchDate(c.createdAt), body: c.body }),
          indent: 1,
        });
      }
    }
  }
  if (out.length === before) out.push({ t: 'note', text: m.empty });
  if (s.skipped > 0) out.push({ t: 'note', text: fill(m.skipped, { count: s.skipped }) });
}

/** One section's blocks without its title (the version view renders the title itself, in the reader's language). */
export function sectionBlocks(s: ExportSection): PrintBlock[] {
  const out: PrintBlock[] = [];
  describeSection(s, out);
  return out.slice(1);
}

/** The whole export as blocks, in reading order. */
export function printableExport(model: ExportModel): PrintBlock[] {
  const out: PrintBlock[] = [];
  const today = new Date(model.exportedAt);
  out.push({ t: 'title', text: fill(m.title, { household: model.plan.household }) });
  out.push({
    t: 'note',
    text: fill(m.intro, { name: model.exportedBy.name ?? '', role: roles[model.exportedBy.role] ?? model.exportedBy.role, date: dutchDate(model.exportedAt) }),
  });
  out.push({ t: 'field', label: m.status, text: statuses[model.plan.status] ?? model.plan.status, indent: 0 });
  out.push({ t: 'field', label: m.kader, text: kaders[model.plan.kader] ?? model.plan.kader, indent: 0 });
  out.push({ t: 'field', label: m.regisseur, text: model.plan.casusregisseur ?? m.noRegisseur, indent: 0 });
  out.push({ t: 'h3', text: m.people });
  for (const p of model.plan.people) {
    const parts = [p.name, p.birthDate ? fill(m.age, { age: ageOn(p.birthDate, today) }) : '', p.gezag ? m.gezag : ''].filter(Boolean);
    out.push({ t: 'para', text: parts.join(', '), indent: 0 });
  }
  if (model.plan.summary) out.push({ t: 'field', label: m.summary, text: model.plan.summary, indent: 0 });

  for (const s of model.sections) describeSection(s, out);

  if (model.ratings) {
    out.push({ t: 'h2', text: m.ratings });
    const { goals, domains } = model.ratings.outcomes;
    if (goals.length === 0 && domains.length === 0) out.push({ t: 'note', text: m.noRatings });
    const line = (l: (typeof domains)[number]['lines'][number]) =>
      fill(m.ratingLine, {
        role: roles[l.role] ?? l.role,
        kind: kinds[l.kind] ?? l.kind,
        first: l.first.value,
        firstDate: dutchDate(l.first.at),
        latest: l.latest.value,
        latestDate: dutchDate(l.latest.at),
      });
    for (const d of domains) {
      out.push({ t: 'h3', text: domainLabels[d.domain] ?? d.domain });
      for (const l of d.lines) out.push({ t: 'para', text: line(l), indent: 0 });
    }
    for (const g of goals) {
      out.push({ t: 'h3', text: g.title ? fill(m.goal, { title: g.title }) : m.unnamedGoal });
      for (const l of g.lines) out.push({ t: 'para', text: line(l), indent: 0 });
    }
  }
  if (model.statusHistory && model.statusHistory.length > 0) {
    out.push({ t: 'h2', text: m.statusHistory });
    for (const c of model.statusHistory) {
      out.push({
        t: 'para',
        text: fill(m.statusLine, { date: dutchDate(c.at), from: statuses[c.from] ?? c.from, to: statuses[c.to] ?? c.to, name: c.changedBy ?? '' }),
        indent: 0,
      });
      if (c.reason) out.push({ t: 'para', text: fill(m.reasonLine, { reason: c.reason }), indent: 1 });
    }
  }
  if (model.versions.length > 0) {
    out.push({ t: 'h2', text: m.versions });
    for (const v of model.versions) {
      out.push({ t: 'para', text: fill(m.versionLine, { name: v.name, date: dutchDate(v.createdAt) }), indent: 0 });
      for (const s of v.signatures) {
        out.push({
          t: 'para',
          text: fill(nl.versions.signedLine, { name: s.name ?? '', role: roles[s.role] ?? s.role, date: dutchDate(s.signedAt) }),
          indent: 1,
        });
      }
    }
  }
  return out;
}

/** The blocks as plain text, one block a line (what the PDF shows, for tests and a quick look). */
export function printableText(blocks: readonly PrintBlock[]): string {
  return blocks.map((b) => (b.t === 'field' ? `${b.label}: ${b.text}` : b.text)).join('\n');
}
