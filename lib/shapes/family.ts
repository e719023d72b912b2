/**
 * The shape of "Ons gezin": what goes well (strengths) and worries, each a list of short statements marked with
 * who said it (the family or a professional); the family's own words in the rich text `body`; the professionals'
 * assessment in a second rich text, `assessment`, so the family's statements never blur into professional views.
 * Who belongs to the household is not here: that is SQL (household_people), the source of rights.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { RICH_TEXT_FIELD } from '../richtext';
import { isProfessionalRole, type PlanRole } from '../roles';
import { fragmentText, indexOfItem, ItemId, mapsOf, newItemId, SafeText, validateItems, yItem, yText, type ReadResult } from './common';

export const FAMILY_LISTS = ['strengths', 'worries'] as const;
export type FamilyList = (typeof FAMILY_LISTS)[number];

/** Whose voice a statement is: the family's own (parents, young people, their network) or a professional's. */
export const AUTHOR_SIDES = ['gezin', 'professional'] as const;
export type AuthorSide = (typeof AUTHOR_SIDES)[number];

/** The XmlFragment with the professionals' assessment (the family's own words are the section's `body`). */
export const ASSESSMENT_FIELD = 'assessment';

export const FamilyStatement = z.object({
  id: ItemId,
  text: SafeText(1000),
  by: z.enum(AUTHOR_SIDES),
  authorName: SafeText(200),
  createdAt: z.iso.datetime({ offset: true }),
});
export type FamilyStatement = z.infer<typeof FamilyStatement>;

export interface FamilyContent {
  strengths: FamilyStatement[];
  worries: FamilyStatement[];
  /** The family's own words (plain text of `body`). */
  ownWords: string;
  /** The professionals' assessment (plain text of `assessment`). */
  assessment: string;
}

/** The side a member's statements belong to, from their role in the plan (never from what a client claims). */
export function authorSideOf(role: PlanRole): AuthorSide {
  return isProfessionalRole(role) ? 'professional' : 'gezin';
}

/** The Y.Array holding one list of statements. */
export function familyList(doc: Y.Doc, list: FamilyList): Y.Array<unknown> {
  return doc.getArray(list);
}

/** Adds a statement at the end of the list, marked with the author's side; returns its id. */
export function addFamilyStatement(doc: Y.Doc, list: FamilyList, params: { text: string; role: PlanRole; authorName: string; now?: Date }): string {
  const id = newItemId();
  const item = yItem({
    id,
    text: yText(params.text),
    by: authorSideOf(params.role),
    authorName: params.authorName,
    createdAt: (params.now ?? new Date()).toISOString(),
  });
  doc.transact(() => familyList(doc, list).push([item]));
  return id;
}

/** Removes the statement with this id; returns whether it was there. */
export function removeFamilyStatement(doc: Y.Doc, list: FamilyList, id: string): boolean {
  const array = familyList(doc, list);
  const index = indexOfItem(array, id);
  if (index < 0) return false;
  array.delete(index, 1);
  return true;
}

/** The section's content as validated JSON; invalid statements are skipped and listed in `problems`. */
export function readFamily(doc: Y.Doc): ReadResult<FamilyContent> {
  const problems: string[] = [];
  const read = (list: FamilyList) => {
    const { items, problems: p } = validateItems(
      mapsOf(familyList(doc, list)).map((m) => m.toJSON()),
      FamilyStatement,
      list,
    );
    problems.push(...p);
    return items;
  };
  const strengths = read('strengths');
  const worries = read('worries');
  return {
    value: {
      strengths,
      worries,
      ownWords: fragmentText(doc.getXmlFragment(RICH_TEXT_FIELD)),
      assessment: fragmentText(doc.getXmlFragment(ASSESSMENT_FIELD)),
    },
    problems,
  };
}
