/**
 * The shape of "Netwerk": the people and professionals around the family, each with how close they are
 * (1 = close, 3 = further), which the ecogram draws as rings. Names, what they do and how to reach them are
 * Y.Text (two people may type in them at once); the rest are single values.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { indexOfItem, ItemId, mapsOf, newItemId, OptionalDate, SafeText, validateItems, yItem, yText, type ReadResult } from './common';

export const NETWORK_KINDS = ['familie', 'vriend', 'buurt', 'school', 'professional', 'anders'] as const;
export type NetworkKind = (typeof NETWORK_KINDS)[number];

export const CLOSENESS = [1, 2, 3] as const;
export type Closeness = (typeof CLOSENESS)[number];

/** The Y.Array of people in the section doc. */
export const NETWORK_ARRAY = 'people';

export const NetworkPerson = z.object({
  id: ItemId,
  name: SafeText(200),
  relation: SafeText(200),
  kind: z.enum(NETWORK_KINDS),
  whatTheyDo: SafeText(1000),
  contact: SafeText(500),
  lastContact: OptionalDate,
  closeness: z.union([z.literal(1), z.literal(2), z.literal(3)]),
});
export type NetworkPerson = z.infer<typeof NetworkPerson>;

export interface NetworkContent {
  people: NetworkPerson[];
}

/** Fields set as a whole (the Y.Text fields are edited in place). */
export type NetworkPersonValues = Partial<Pick<NetworkPerson, 'relation' | 'kind' | 'lastContact' | 'closeness'>>;

export function networkPeople(doc: Y.Doc): Y.Array<unknown> {
  return doc.getArray(NETWORK_ARRAY);
}

/** Adds a person at the end of the list; returns their id. */
export function addNetworkPerson(doc: Y.Doc, params: Partial<Omit<NetworkPerson, 'id'>> = {}): string {
  const id = newItemId();
  const item = yItem({
    id,
    name: yText(params.name ?? ''),
    relation: params.relation ?? '',
    kind: params.kind ?? 'anders',
    whatTheyDo: yText(params.whatTheyDo ?? ''),
    contact: yText(params.contact ?? ''),
    lastContact: params.lastContact ?? '',
    closeness: params.closeness ?? 2,
  });
  doc.transact(() => networkPeople(doc).push([item]));
  return id;
}

/** Sets single-value fields of a person; returns whether the person exists. */
export function updateNetworkPerson(doc: Y.Doc, id: string, values: NetworkPersonValues): boolean {
  const map = mapsOf(networkPeople(doc)).find((m) => m.get('id') === id);
  if (!map) return false;
  doc.transact(() => {
    for (const [key, value] of Object.entries(values)) if (value !== undefined) map.set(key, value);
  });
  return true;
}

/** Removes a person; returns whether they were there. */
export function removeNetworkPerson(doc: Y.Doc, id: string): boolean {
  const array = networkPeople(doc);
  const index = indexOfItem(array, id);
  if (index < 0) return false;
  array.delete(index, 1);
  return true;
}

/** The network as validated JSON; invalid people are skipped and listed in `problems`. */
export function readNetwork(doc: Y.Doc): ReadResult<NetworkContent> {
  const { items, problems } = validateItems(
    mapsOf(networkPeople(doc)).map((m) => m.toJSON()),
    NetworkPerson,
    'people',
  );
  return { value: { people: items }, problems };
}
