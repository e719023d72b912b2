/**
 * Demo content for evaluatie and Naar 18+: Familie Jansen had a review and has part of the Big Five stable (so
 * closing is still refused without a reason); Familie Bos has started on what is arranged after Noah turns 18.
 * Written as server-made Yjs updates, through the same shape helpers the screens use.
 */
import * as Y from 'yjs';
import type { Db } from '../client';
import { appendUpdates } from '../queries/yjs';
import { docNameFor } from '../../lib/sections';
import { addReview, evaluationTypes, setStable, stabilityNote } from '../../lib/shapes/evaluation';
import { arrangedText, transition18Types } from '../../lib/shapes/transition18';

function update(build: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => build(doc));
  const out = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return out;
}

export async function seedEvaluationDemo(db: Db, params: { plans: { jansen: string; bos: string } }): Promise<void> {
  const jansen = update((doc) => {
    addReview(doc, {
      date: '2026-10-14',
      by: 'Mo Ait Taleb',
      summary:
        'Eerste evaluatie met Sanne, Peter en Daan. Daan gaat weer vier dagen per week naar school. Het wisselen tussen de huizen gaat rustiger sinds er een vast schema is. De schulden zijn aangemeld bij de schuldhulp; dat loopt nog.',
    });
    setStable(doc, 'support', true);
    stabilityNote(doc, 'support').insert(0, 'Oma Ria is er elke woensdag en springt bij als het nodig is.');
    setStable(doc, 'wonen', true);
    stabilityNote(doc, 'wonen').insert(0, 'Beide ouders hebben een vaste woning.');
    setStable(doc, 'school_werk', false);
    stabilityNote(doc, 'school_werk').insert(0, 'Daan gaat weer, maar mist nog lessen op maandag.');
    setStable(doc, 'inkomen', false);
    stabilityNote(doc, 'inkomen').insert(0, 'Schuldhulp loopt; eerst een stabiel budget.');
    stabilityNote(doc, 'welzijn');
    evaluationTypes(doc).aftercare.insert(0, 'Na het afsluiten belt Mo na drie maanden om te horen hoe het gaat.');
  });
  const bos = update((doc) => {
    transition18Types(doc).director.insert(0, 'Noah wil zelf de regie. Opa Gerrit helpt met post en afspraken; de GI draagt over aan het wijkteam.');
    arrangedText(doc, 'wonen').insert(0, 'Noah blijft bij Linda wonen tot hij een kamer vindt; hij staat ingeschreven voor een jongerenwoning.');
    arrangedText(doc, 'school_werk').insert(0, 'Noah maakt MBO 2 Logistiek af; de stage loopt tot juni.');
    arrangedText(doc, 'inkomen');
    arrangedText(doc, 'support');
    arrangedText(doc, 'welzijn');
  });
  await appendUpdates(db, [
    { doc: docNameFor(params.plans.jansen, 'evaluatie'), userId: null, update: jansen },
    { doc: docNameFor(params.plans.bos, 'overgang18'), userId: null, update: bos },
  ]);
}
