/**
 * Versions and signatures against a real database: the snapshot holds every section's stored state under a hash
 * that can be recomputed; a viewer gets only the sections they may see now; a signature needs the hash the signer
 * saw; and the database itself refuses any change to a stored version or signature.
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendUpdates } from '@/db/queries/yjs';
import { auditEvents, planSignatures, planVersions } from '@/db/schema';
import { docNameFor } from '@/lib/sections';
import { fragmentText } from '@/lib/shapes/common';
import { testContext, VIA } from '@/test/context';
import { refusalOf } from '@/test/assert';
import { databasePerFile } from '@/test/database-per-file';
import { buildPlanWithPeople, buildUser } from '@/test/factories';
import { docFromUpdates } from './section-state';
import { canonicalJson, hashSnapshot } from './version-hash';
import { createVersion, signVersion, versionsOfPlan, viewVersion } from './versions';

const database = databasePerFile();
const ctx = () => testContext(database.db).ctx;

function paragraphUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('body').push([p]);
  return Y.encodeStateAsUpdate(doc);
}

async function family() {
  const { plan, people } = await buildPlanWithPeople(database.db, {
    regisseur: { name: 'Mo', role: 'lokaal_team', casusregisseur: true },
    parent: { name: 'Sanne', role: 'ouder', gezag: true },
    provider: { name: 'Eva', role: 'aanbieder' },
    network: { name: 'Ria', role: 'netwerk' },
  });
  await appendUpdates(database.db, [
    { doc: docNameFor(plan.id, 'gezin'), update: paragraphUpdate('Wij willen rust in huis.'), userId: null },
    { doc: docNameFor(plan.id, 'professioneel'), update: paragraphUpdate('Meldcode: geen acuut gevaar.'), userId: null },
  ]);
  return { plan, ...people };
}

/** Awaits a statement the database must refuse; returns its own message (drizzle wraps it as the cause). */
async function databaseRefusal(p: PromiseLike<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    const cause = (err as { cause?: { message?: string } }).cause;
    return cause?.message ?? (err as Error).message;
  }
  throw new Error('expected the database to refuse');
}

describe('canonical hash', () => {
  it('does not depend on key order, and changes with any content', () => {
    expect(canonicalJson({ b: '2', a: { d: 1, c: [2, 1] } })).toBe('{"a":{"c":[2,1],"d":1},"b":"2"}');
    expect(hashSnapshot({ gezin: 'AA==', doelen: 'AQ==' })).toBe(hashSnapshot({ doelen: 'AQ==', gezin: 'AA==' }));
    expect(hashSnapshot({ gezin: 'AA==' })).not.toBe(hashSnapshot({ gezin: 'AB==' }));
    expect(hashSnapshot({})).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('versions', () => {
  it('snapshots every section of the plan with a hash that recomputes from the stored snapshot', async () => {
    const f = await family();
    const created = await createVersion(ctx(), { actor: { planId: f.plan.id, userId: f.regisseur.id }, via: VIA, name: 'Plan na intake' });
    const [row] = await database.db.select().from(planVersions).where(eq(planVersions.id, created.id));
    const snapshot = row?.snapshot as Record<string, string>;
    // No child of 16½ in this household: every section but overgang18.
    expect(Object.keys(snapshot).sort()).toEqual(['doelen', 'evaluatie', 'gezin', 'netwerk', 'professioneel', 'tafel', 'veiligheid']);
    expect(row?.hash).toBe(hashSnapshot(snapshot));
    const gezin = docFromUpdates([new Uint8Array(Buffer.from(snapshot.gezin ?? '', 'base64'))]);
    expect(fragmentText(gezin.getXmlFragment('body'))).toBe('Wij willen rust in huis.');
    const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.planId, f.plan.id));
    expect(audit.map((a) => a.action)).toContain('version.create');
  });

  it('only the casusregisseur creates a version', async () => {
    const f = await family();
    expect((await refusalOf(createVersion(ctx(), { actor: { planId: f.plan.id, userId: f.provider.id }, via: VIA, name: 'x' }))).kind).toBe('forbidden');
    expect((await refusalOf(createVersion(ctx(), { actor: { planId: f.plan.id, userId: (await buildUser(database.db)).id }, via: VIA, name: 'x' }))).kind).toBe(
      'not_found',
    );
  });

  it('shows a parent the version without the professional notes, and a provider with them', async () => {
    const f = await family();
    const { id } = await createVersion(ctx(), { actor: { planId: f.plan.id, userId: f.regisseur.id }, via: VIA, name: 'v1' });
    const forParent = await viewVersion(ctx(), { actor: { planId: f.plan.id, userId: f.parent.id }, versionId: id, via: VIA });
    expect(forParent.sections.map((s) => s.key)).not.toContain('professioneel');
    expect(forParent.sections.map((s) => s.key)).toContain('gezin');
    const forProvider = await viewVersion(ctx(), { actor: { planId: f.plan.id, userId: f.provider.id }, versionId: id, via: VIA });
    expect(forProvider.sections.map((s) => s.key)).toContain('professioneel');
    // Another plan's version cannot be reached through this plan.
    const other = await family();
    expect((await refusalOf(viewVersion(ctx(), { actor: { planId: other.plan.id, userId: other.parent.id }, versionId: id, via: VIA }))).kind).toBe(
      'not_found',
    );
  });

  it('a signature needs the hash the signer saw; twice is refused; network members do not sign', async () => {
    const f = await family();
    const v = await createVersion(ctx(), { actor: { planId: f.plan.id, userId: f.regisseur.id }, via: VIA, name: 'v1' });
    const wrong = await refusalOf(signVersion(ctx(), { actor: { planId: f.plan.id, userId: f.parent.id }, versionId: v.id, via: VIA, hash: 'a'.repeat(64) }));
    expect(wrong.kind).toBe('conflict');
    await signVersion(ctx(), { actor: { planId: f.plan.id, userId: f.parent.id }, versionId: v.id, via: VIA, hash: v.hash });
    await signVersion(ctx(), { actor: { planId: f.plan.id, userId: f.provider.id }, versionId: v.id, via: VIA, hash: v.hash });
    expect(
      (await refusalOf(signVersion(ctx(), { actor: { planId: f.plan.id, userId: f.parent.id }, versionId: v.id, via: VIA, hash: v.hash }))).message,
    ).toContain('al ondertekend');
    expect((await refusalOf(signVersion(ctx(), { actor: { planId: f.plan.id, userId: f.network.id }, versionId: v.id, via: VIA, hash: v.hash }))).kind).toBe(
      'forbidden',
    );
    const [listed] = await versionsOfPlan(ctx(), { actor: { planId: f.plan.id, userId: f.network.id } });
    expect(listed?.signatures.map((s) => [s.name, s.role, s.hash])).toEqual([
      ['Sanne', 'ouder', v.hash],
      ['Eva', 'aanbieder', v.hash],
    ]);
  });

  it('the database refuses to change or delete a stored version or signature', async () => {
    const f = await family();
    const v = await createVersion(ctx(), { actor: { planId: f.plan.id, userId: f.regisseur.id }, via: VIA, name: 'v1' });
    await signVersion(ctx(), { actor: { planId: f.plan.id, userId: f.parent.id }, versionId: v.id, via: VIA, hash: v.hash });
    expect(await databaseRefusal(database.db.update(planVersions).set({ name: 'vervalst' }).where(eq(planVersions.id, v.id)))).toMatch(/immutable/);
    expect(await databaseRefusal(database.db.update(planVersions).set({ snapshot: {} }).where(eq(planVersions.id, v.id)))).toMatch(/immutable/);
    expect(await databaseRefusal(database.db.delete(planVersions).where(eq(planVersions.id, v.id)))).toMatch(/immutable/);
    expect(
      await databaseRefusal(
        database.db
          .update(planSignatures)
          .set({ hash: 'b'.repeat(64) })
          .where(eq(planSignatures.versionId, v.id)),
      ),
    ).toMatch(/immutable/);
    expect(await databaseRefusal(database.db.delete(planSignatures).where(eq(planSignatures.versionId, v.id)))).toMatch(/immutable/);
    const [row] = await database.db
      .select({ name: planVersions.name, n: sql<number>`(select count(*) from plan_signatures where version_id = ${v.id})` })
      .from(planVersions)
      .where(eq(planVersions.id, v.id));
    expect(row?.name).toBe('v1');
    expect(Number(row?.n)).toBe(1);
  });
});
