/** Builds a section's rich text as a Yjs update on the server (seed data), in the editor's schema. */
import * as Y from 'yjs';
import { RICH_TEXT_FIELD } from '../../lib/richtext';

export type Block = { h: string } | { p: string } | { ul: string[] };

/** Encodes blocks (headings, paragraphs, bullet lists) as one Yjs update of a fresh doc. */
export function richTextUpdate(blocks: Block[]): Uint8Array {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(RICH_TEXT_FIELD);
  const paragraph = (text: string) => {
    const el = new Y.XmlElement('paragraph');
    el.insert(0, [new Y.XmlText(text)]);
    return el;
  };
  doc.transact(() => {
    for (const block of blocks) {
      if ('h' in block) {
        const el = new Y.XmlElement('heading');
        el.setAttribute('level', 3 as unknown as string);
        el.insert(0, [new Y.XmlText(block.h)]);
        fragment.push([el]);
      } else if ('p' in block) {
        fragment.push([paragraph(block.p)]);
      } else {
        const list = new Y.XmlElement('bulletList');
        list.insert(
          0,
          block.ul.map((item) => {
            const li = new Y.XmlElement('listItem');
            li.insert(0, [paragraph(item)]);
            return li;
          }),
        );
        fragment.push([list]);
      }
    }
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
