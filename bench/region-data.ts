/**
 * A generated region for the dashboard benchmark: N plans (10,000 by default) in one region, with what real use
 * leaves behind — households in eight municipalities with their people, memberships (family, network, one to five
 * professionals), casusregie with history, goals and actions in the read model, safety plans with agreements
 * (some broken), evaluations, ratings over time (zelfredzaamheid per domain by family and professionals, progress
 * per goal), status changes (to waakvlam and back), audit events (reads, writes, ratings, broken agreements) and
 * update-log rows of the section docs. One regisseur is casusregisseur of `regisseurPlans` of them (60).
 *
 * Deterministic (a seeded generator), inserted in batches inside one transaction, straight into the tables: this
 * is test data, not a path the application takes.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '../db/client';
import {
  auditEvents,
  householdPeople,
  households,
  organisations,
  placementThreats,
  planMembers,
  planStatusChanges,
  plans,
  projectedActions,
  projectedAgreements,
  projectedEvaluation,
  projectedGoals,
  projectedSafety,
  ratings,
  regieAssignments,
  regions,
  users,
  yjsUpdates,
} from '../db/schema';
import { transaction } from '../db/transaction';
import { BIG_FIVE } from '../lib/bigfive';
import type { PlanRole, PlanStatus } from '../lib/roles';

export const MUNICIPALITIES = ['Tiel', 'Culemborg', 'West Betuwe', 'Buren', 'Zaltbommel', 'Maasdriel', 'West Maas en Waal', 'Neder-Betuwe'] as const;
/** Relative sizes of the municipalities (households), roughly those of the real ones. */
const WEIGHTS = [42, 29, 51, 27, 29, 25, 19, 24];

export interface RegionDataOptions {
  plans: number;
  regisseurPlans: number;
  seed: number;
  now: Date;
}

export interface GeneratedRegion {
  regionId: string;
  regisseurId: string;
  gemeenteUserId: string;
  plans: number;
  rows: Record<string, number>;
  insertMs: number;
}

/** mulberry32: a small seeded generator, so every run builds the same region. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 24 * 3600 * 1000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A small real Yjs update (a few typed characters), reused as the bytes of every generated update row. */
function sampleUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('body').insert(0, 'Afspraak gemaakt.');
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

type Insertable = Parameters<Db['insert']>[0];

/** A value as an SQL literal (the insert's target columns give it its type). */
function literal(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return `'${value.toISOString()}'`;
  if (value instanceof Uint8Array) return `'\\x${Buffer.from(value).toString('hex')}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') return `'${JSON.stringify(value).replace(/'/g, "''")}'`;
  return `'${String(value).replace(/'/g, "''")}'`;
}

/**
 * Inserts generated rows as one literal VALUES statement: drizzle's query builder costs more than the database
 * for half a million rows, and every value here is made by this file (no outside input).
 */
async function insertRows(db: Db, table: Insertable, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.entries(getTableColumns(table as never) as Record<string, { name: string }>);
  const used = columns.filter(([key]) => rows.some((r) => r[key] !== undefined));
  const values = rows.map((r) => `(${used.map(([key]) => (r[key] === undefined ? 'default' : literal(r[key]))).join(', ')})`);
  await db.execute(sql.raw(`insert into "${getTableName(table as never)}" (${used.map(([, c]) => `"${c.name}"`).join(', ')}) values ${values.join(', ')}`));
}

export async function generateRegion(db: Db, options: RegionDataOptions, log: (line: string) => void = console.log): Promise<GeneratedRegion> {
  const random = rng(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const chance = (p: number) => random() < p;
  const now = options.now.getTime();
  const ago = (days: number) => new Date(now - days * DAY);
  const weighted = (): string => {
    const total = WEIGHTS.reduce((a, b) => a + b, 0);
    let r = random() * total;
    for (let i = 0; i < WEIGHTS.length; i++) {
      r -= WEIGHTS[i] ?? 0;
      if (r <= 0) return MUNICIPALITIES[i] ?? 'Tiel';
    }
    return 'Tiel';
  };
  const update = sampleUpdate();
  const started = performance.now();
  const counts: Record<string, number> = {};

  const result = await transaction(db, async (tx) => {
    // Rows wait per table and are written in the order of the foreign keys (users and households before plans,
    // plans before what belongs to them), in large statements, whenever enough are waiting.
    const ORDER: Insertable[] = [
      users,
      households,
      householdPeople,
      plans,
      planMembers,
      regieAssignments,
      planStatusChanges,
      projectedGoals,
      projectedActions,
      projectedAgreements,
      projectedSafety,
      projectedEvaluation,
      placementThreats,
      ratings,
      auditEvents,
      yjsUpdates,
    ];
    const batches = new Map<Insertable, Record<string, unknown>[]>();
    let waiting = 0;
    const flushAll = async () => {
      for (const table of ORDER) {
        const rows = batches.get(table) ?? [];
        for (let i = 0; i < rows.length; i += 2000) await insertRows(tx, table, rows.slice(i, i + 2000));
        batches.set(table, []);
      }
      waiting = 0;
    };
    const add = async (table: Insertable, name: string, row: Record<string, unknown>) => {
      const rows = batches.get(table) ?? [];
      rows.push(row);
      batches.set(table, rows);
      counts[name] = (counts[name] ?? 0) + 1;
      waiting += 1;
    };

    const regionId = randomUUID();
    await tx.insert(regions).values({ id: regionId, name: 'Regio Benchmark' });
    const org = async (name: string, kind: (typeof organisations.$inferInsert)['kind']) => {
      const id = randomUUID();
      await tx.insert(organisations).values({ id, regionId, name, kind });
      return id;
    };
    const gemeente = await org('Gemeente Benchmark', 'gemeente');
    const teams = [];
    for (let i = 0; i < 8; i++) teams.push(await org(`Wijkteam ${i + 1}`, 'lokaal_team'));
    const providers = [];
    for (let i = 0; i < 12; i++) providers.push(await org(`Aanbieder ${i + 1}`, 'aanbieder'));
    const gi = await org('Gecertificeerde instelling', 'gi');

    const gemeenteUserId = randomUUID();
    const regisseurId = randomUUID();
    await tx.insert(users).values([
      { id: gemeenteUserId, name: 'Gemeente Bench', email: 'gemeente@bench.onsplan.localhost', organisationId: gemeente, regionRole: 'gemeente' },
      { id: regisseurId, name: 'Regisseur Bench', email: 'regisseur@bench.onsplan.localhost', organisationId: teams[0] },
    ]);
    // Professionals: team members (who hold regie) and providers' people.
    const teamPeople: { id: string; org: string; role: PlanRole }[] = [];
    const providerPeople: { id: string; org: string; role: PlanRole }[] = [];
    for (let i = 0; i < 240; i++) {
      const person = { id: randomUUID(), org: teams[i % teams.length] ?? gemeente, role: 'lokaal_team' as PlanRole };
      teamPeople.push(person);
      await add(users, 'users', { id: person.id, name: `Wijkteam Medewerker ${i}`, email: `team-${i}@bench.onsplan.localhost`, organisationId: person.org });
    }
    for (let i = 0; i < 360; i++) {
      const person = {
        id: randomUUID(),
        org: i % 9 === 0 ? gi : (providers[i % providers.length] ?? gi),
        role: (i % 9 === 0 ? 'gi' : 'aanbieder') as PlanRole,
      };
      providerPeople.push(person);
      await add(users, 'users', { id: person.id, name: `Hulpverlener ${i}`, email: `hulp-${i}@bench.onsplan.localhost`, organisationId: person.org });
    }

    const statuses: [PlanStatus, number][] = [
      ['concept', 0.05],
      ['actief', 0.6],
      ['afschalen', 0.1],
      ['waakvlam', 0.15],
      ['afgesloten', 0.1],
    ];
    const statusOf = (): PlanStatus => {
      let r = random();
      for (const [s, p] of statuses) {
        r -= p;
        if (r <= 0) return s;
      }
      return 'actief';
    };
    const sections = ['gezin', 'doelen', 'netwerk', 'veiligheid', 'evaluatie'];
    const planReadActions = ['plan.read', 'section.open', 'plan.read', 'section.open', 'plan.read'];

    for (let n = 0; n < options.plans; n++) {
      const mine = n < options.regisseurPlans;
      const householdId = randomUUID();
      const planId = randomUUID();
      const created = ago(int(20, 3 * 365));
      await add(households, 'households', { id: householdId, regionId, name: `Gezin ${n}`, municipality: weighted(), createdAt: created });
      const parentId = randomUUID();
      await add(users, 'users', { id: parentId, name: `Ouder ${n}`, email: `ouder-${n}@bench.onsplan.localhost`, createdAt: created });
      await add(householdPeople, 'household_people', {
        householdId,
        name: `Ouder ${n}`,
        relation: 'ouder',
        birthDate: isoDay(ago(int(25, 50) * 365)),
        gezag: true,
        userId: parentId,
      });
      for (let k = 0; k < int(1, 3); k++) {
        await add(householdPeople, 'household_people', { householdId, name: `Kind ${n}-${k}`, relation: 'kind', birthDate: isoDay(ago(int(1, 17) * 365)) });
      }
      // Mine are active (a regisseur's caseload); the rest follow the status distribution.
      const status: PlanStatus = mine ? (n % 10 === 9 ? 'afschalen' : 'actief') : statusOf();
      await add(plans, 'plans', {
        id: planId,
        householdId,
        status,
        kader: pick(['vrijwillig', 'vrijwillig', 'vrijwillig', 'drang', 'dwang'] as const),
        createdAt: created,
        updatedAt: created,
      });

      // Members: the parent, sometimes a network member, one to five professionals.
      const members: { userId: string; role: PlanRole; since: Date }[] = [{ userId: parentId, role: 'ouder', since: created }];
      const lead = mine ? { id: regisseurId, org: teams[0] ?? gemeente, role: 'lokaal_team' as PlanRole } : pick(teamPeople);
      const professionals = [lead];
      const more = int(0, 4);
      while (professionals.length < 1 + more) {
        const p = pick(providerPeople);
        if (!professionals.some((x) => x.id === p.id)) professionals.push(p);
      }
      await add(planMembers, 'plan_members', { planId, userId: parentId, role: 'ouder', gezag: true, basis: 'eigen_gezin', createdAt: created });
      for (const p of professionals) {
        const since = new Date(created.getTime() + int(0, 30) * DAY);
        const ended = p !== lead && chance(0.05) ? new Date(Math.min(now - DAY, since.getTime() + int(30, 300) * DAY)) : null;
        members.push({ userId: p.id, role: p.role, since });
        await add(planMembers, 'plan_members', {
          planId,
          userId: p.id,
          role: p.role,
          organisationId: p.org,
          basis: p.role === 'gi' ? 'wettelijke_taak' : 'toestemming',
          status: ended ? 'beeindigd' : 'actief',
          createdAt: since,
          endedAt: ended,
        });
      }
      // Casusregie: the lead, for most plans; now and then a handover (the old appointment ended).
      if (mine || chance(0.9)) {
        if (chance(0.15)) {
          const before = pick(teamPeople);
          await add(regieAssignments, 'regie_assignments', {
            planId,
            kind: 'casusregie',
            userId: before.id,
            reason: 'Start',
            startedAt: created,
            endedAt: new Date(created.getTime() + 60 * DAY),
          });
        }
        await add(regieAssignments, 'regie_assignments', {
          planId,
          kind: 'casusregie',
          userId: lead.id,
          reason: 'Regie belegd',
          startedAt: new Date(created.getTime() + 60 * DAY),
        });
      }

      // Status history.
      if (status !== 'concept') {
        const activeAt = new Date(created.getTime() + int(1, 14) * DAY);
        await add(planStatusChanges, 'plan_status_changes', { planId, from: 'concept', to: 'actief', changedBy: lead.id, createdAt: activeAt });
        if (status === 'waakvlam' || status === 'afgesloten' || chance(0.15)) {
          const toWaakvlam = new Date(Math.min(now - DAY, activeAt.getTime() + int(60, 500) * DAY));
          await add(planStatusChanges, 'plan_status_changes', { planId, from: 'actief', to: 'waakvlam', changedBy: lead.id, createdAt: toWaakvlam });
          if (status === 'afgesloten') {
            await add(planStatusChanges, 'plan_status_changes', {
              planId,
              from: 'waakvlam',
              to: 'afgesloten',
              changedBy: lead.id,
              createdAt: new Date(Math.min(now, toWaakvlam.getTime() + 90 * DAY)),
            });
          } else if (status !== 'waakvlam') {
            await add(planStatusChanges, 'plan_status_changes', {
              planId,
              from: 'waakvlam',
              to: 'actief',
              changedBy: lead.id,
              createdAt: new Date(Math.min(now, toWaakvlam.getTime() + int(10, 120) * DAY)),
            });
          }
        }
        if (status === 'afschalen')
          await add(planStatusChanges, 'plan_status_changes', { planId, from: 'actief', to: 'afschalen', changedBy: lead.id, createdAt: ago(int(1, 60)) });
      }

      // Goals and actions (read model), safety, evaluation.
      const goalIds: string[] = [];
      for (let g = 0; g < int(1, 5); g++) {
        const goalId = `g-${g}`;
        goalIds.push(goalId);
        await add(projectedGoals, 'projected_goals', {
          planId,
          goalId,
          domain: pick(BIG_FIVE),
          title: `Doel ${g + 1}`,
          forWhom: 'Gezin',
          owner: 'Ouder',
          status: pick(['open', 'bezig', 'bezig', 'bereikt', 'gestopt'] as const),
          reviewDate: chance(0.7) ? isoDay(new Date(now + int(-60, 120) * DAY)) : null,
          position: g,
        });
        for (let a = 0; a < int(0, 3); a++) {
          const done = chance(0.5);
          await add(projectedActions, 'projected_actions', {
            planId,
            actionId: `${goalId}-a${a}`,
            goalId,
            title: `Actie ${a + 1}`,
            owner: 'Ouder',
            dueDate: chance(0.8) ? isoDay(new Date(now + int(-90, 60) * DAY)) : null,
            done,
            doneAt: done ? ago(int(1, 200)) : null,
          });
        }
      }
      if (chance(0.3)) {
        const agreements = int(1, 4);
        let broken = 0;
        for (let a = 0; a < agreements; a++) {
          const isBroken = chance(0.15);
          if (isBroken) broken += 1;
          await add(projectedAgreements, 'projected_agreements', {
            planId,
            agreementId: `afspraak-${a}`,
            what: 'Afspraak',
            who: 'Ouder',
            status: isBroken ? 'verbroken' : 'geldt',
            brokenAt: isBroken ? isoDay(ago(int(1, 200))) : null,
            escalated: isBroken && chance(0.4),
          });
          if (isBroken) {
            await add(auditEvents, 'audit_events', {
              action: 'safety.agreement_broken',
              actorUserId: lead.id,
              actorRole: lead.role,
              planId,
              section: 'veiligheid',
              at: ago(int(1, 200)),
            });
          }
        }
        await add(projectedSafety, 'projected_safety', {
          planId,
          status: broken > 0 ? 'verbroken' : 'afgesproken',
          reviewDate: isoDay(new Date(now + int(-30, 90) * DAY)),
          agreements,
          brokenAgreements: broken,
        });
      }
      if (chance(0.5)) {
        await add(projectedEvaluation, 'projected_evaluation', {
          planId,
          stability: Object.fromEntries(BIG_FIVE.map((d) => [d, chance(0.5)])),
          reviews: int(0, 4),
          latestReviewDate: chance(0.8) ? isoDay(new Date(now + int(-120, 60) * DAY)) : null,
        });
      }
      if (chance(0.02)) {
        await add(placementThreats, 'placement_threats', {
          planId,
          threatened: true,
          reason: 'Zorgen over de veiligheid',
          setBy: lead.id,
          createdAt: ago(int(1, 90)),
        });
      }

      // Ratings over time: zelfredzaamheid in two or three domains by the family and the professionals; progress per goal.
      const span = Math.max(1, (now - created.getTime()) / DAY);
      for (const domain of [...BIG_FIVE].sort(() => random() - 0.5).slice(0, int(2, 3))) {
        for (const [raterId, raterRole] of [
          [parentId, 'ouder'],
          [lead.id, lead.role],
        ] as const) {
          let value = int(1, 4);
          for (let r = 0; r < int(1, 4); r++) {
            await add(ratings, 'ratings', { planId, kind: 'zelfredzaamheid', domain, value, raterId, raterRole, createdAt: ago(span * (1 - (r + 1) / 5)) });
            value = Math.max(1, Math.min(5, value + int(-1, 1)));
          }
        }
      }
      for (const goalId of goalIds) {
        for (let r = 0; r < int(0, 3); r++) {
          const who = pick(members);
          await add(ratings, 'ratings', {
            planId,
            kind: 'voortgang',
            goalId,
            value: int(0, 10),
            raterId: who.userId,
            raterRole: who.role,
            createdAt: ago(span * (1 - (r + 1) / 4)),
          });
        }
      }

      // Audit trail: reads dominate, with writes and ratings among them; the update log of the section docs.
      for (let e = 0; e < int(10, 30); e++) {
        const who = pick(members);
        const write = chance(0.25);
        await add(auditEvents, 'audit_events', {
          action: write ? pick(['section.write', 'rating.create', 'comment.create'] as const) : pick(planReadActions),
          actorUserId: who.userId,
          actorRole: who.role,
          planId,
          section: pick(sections),
          basis: 'toestemming',
          accessPoint: '127.0.0.1',
          client: 'bench',
          at: ago(Math.min(span, int(0, 365))),
        });
      }
      for (let u = 0; u < int(3, 12); u++) {
        const who = pick(members);
        await add(yjsUpdates, 'yjs_updates', {
          doc: `plan:${planId}:${pick(sections)}`,
          update,
          userId: who.userId,
          createdAt: ago(Math.min(span, int(0, 200))),
        });
      }
      if (waiting >= 20_000) await flushAll();
      if ((n + 1) % 2000 === 0) log(`dashboard: generated ${n + 1} of ${options.plans} plans…`);
    }
    await flushAll();
    return { regionId, regisseurId, gemeenteUserId };
  });
  // Fresh statistics after the bulk load, as autovacuum would gather them on a real database.
  await db.execute(sql`analyze`);
  return { ...result, plans: options.plans, rows: counts, insertMs: performance.now() - started };
}
