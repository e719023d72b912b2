import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

/** What every section body gets: the live doc, the member's rights on it, and who is working. */
export interface SectionBodyProps {
  planId: string;
  section: string;
  sectionLabel: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  editable: boolean;
  canComment: boolean;
  user: { id: string; name: string };
}
