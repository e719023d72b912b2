/**
 * Rooms: people in one section see each other's edits, a late joiner gets everything, and the stored state is
 * served before the first sync message (a client can never seed a doc the server has not loaded).
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendUpdates } from '../../db/queries/yjs';
import { docNameFor } from '../../lib/sections';
import { databasePerFile } from '../../test/database-per-file';
import { realtimeNodePerFile } from '../../test/realtime-per-file';
import { connectSynced, rawOpen, syncStep1Frame, textOf, textUpdate, waitFor, closeClientsAndNodes, realtimeFamily } from '../../test/realtime';

const database = databasePerFile();
const node = realtimeNodePerFile(() => ({ db: database.db }));
afterEach(() => closeClientsAndNodes());

const family = () => realtimeFamily(database.db);

describe('rooms', () => {
  it('two clients converge: text typed in one appears in the other, both ways', async () => {
    const { plan, people } = await family();
    const docName = docNameFor(plan.id, 'gezin');
    const a = await connectSynced({ node, docName, cookie: people.moeder.cookie });
    const b = await connectSynced({ node, docName, cookie: people.vader.cookie });

    a.doc.getText('body').insert(0, 'Wij willen rust in huis.');
    await waitFor(() => textOf(b.doc) === 'Wij willen rust in huis.', 'b sees a');

    b.doc.getText('body').insert(textOf(b.doc).length, ' En school.');
    await waitFor(() => textOf(a.doc) === 'Wij willen rust in huis. En school.', 'a sees b');
    expect(textOf(b.doc)).toBe(textOf(a.doc));
  });

  it('rich text (Y.XmlFragment, as tiptap stores it) converges too', async () => {
    const { plan, people } = await family();
    const docName = docNameFor(plan.id, 'doelen');
    const a = await connectSynced({ node, docName, cookie: people.moeder.cookie });
    const b = await connectSynced({ node, docName, cookie: people.wijkteam.cookie });

    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Samen eten op zondag')]);
    a.doc.getXmlFragment('doel').insert(0, [paragraph]);

    await waitFor(() => b.doc.getXmlFragment('doel').toString().includes('Samen eten op zondag'), 'fragment arrives');
    expect(b.doc.getXmlFragment('doel').toString()).toBe('<paragraph>Samen eten op zondag</paragraph>');
  });

  it('a client joining later gets everything typed before it came', async () => {
    const { plan, people } = await family();
    const docName = docNameFor(plan.id, 'gezin');
    const a = await connectSynced({ node, docName, cookie: people.moeder.cookie });
    const b = await connectSynced({ node, docName, cookie: people.vader.cookie });
    a.doc.getText('body').insert(0, 'eerst ');
    b.doc.getText('body').insert(0, 'dan ');
    await waitFor(() => textOf(a.doc) === textOf(b.doc) && textOf(a.doc).length === 'eerst dan '.length, 'a and b agree');

    const c = await connectSynced({ node, docName, cookie: people.wijkteam.cookie });
    expect(textOf(c.doc)).toBe(textOf(a.doc));
  });

  it('sections are separate documents: an edit in one section never reaches another', async () => {
    const { plan, people } = await family();
    const gezin = await connectSynced({ node, docName: docNameFor(plan.id, 'gezin'), cookie: people.moeder.cookie });
    const doelen = await connectSynced({ node, docName: docNameFor(plan.id, 'doelen'), cookie: people.vader.cookie });
    const gezinToo = await connectSynced({ node, docName: docNameFor(plan.id, 'gezin'), cookie: people.vader.cookie });
    gezin.doc.getText('body').insert(0, 'alleen gezin');
    await waitFor(() => textOf(gezinToo.doc) === 'alleen gezin', 'same section receives');
    expect(textOf(doelen.doc)).toBe('');
  });

  it('serves what is stored before the first sync message', async () => {
    const { plan, people } = await family();
    const docName = docNameFor(plan.id, 'evaluatie');
    await appendUpdates(database.db, [{ doc: docName, update: textUpdate('al opgeslagen'), userId: null }]);

    // A raw client that asks once: the very first answer must already hold the stored content.
    const raw = await rawOpen({ node, docName, cookie: people.moeder.cookie });
    raw.send(syncStep1Frame(raw.doc));
    await waitFor(() => textOf(raw.doc) === 'al opgeslagen', 'stored state in the first answer');
  });

  it('destroys a room after its last connection closes, and reopens it with the stored state', async () => {
    const { plan, people } = await family();
    const docName = docNameFor(plan.id, 'netwerk');
    const a = await connectSynced({ node, docName, cookie: people.moeder.cookie });
    a.doc.getText('body').insert(0, 'Oma past op woensdag.');
    await waitFor(() => node.rt.registry.get(docName) !== undefined, 'room open');
    a.destroy();
    await waitFor(() => node.rt.registry.get(docName) === undefined, 'room destroyed after the last leave');

    const b = await connectSynced({ node, docName, cookie: people.vader.cookie });
    expect(textOf(b.doc)).toBe('Oma past op woensdag.');
  });
});
