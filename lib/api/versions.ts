/**
 * Response bodies of the versions routes (`…/versions`, `…/versions/[versionId]/sign`) and what the version pages
 * show, shared by the routes, the pages and the components. `At` is the type of a moment: a `Date` in the route and
 * on the server-rendered pages, the ISO string JSON makes of it in the browser.
 */
import type { PlanRole } from '../roles';
import type { SectionKey } from '../sections';

/** One signature: who signed which hash, in which role, when. */
export interface Signature<At = string> {
  userId: string;
  name: string | null;
  role: PlanRole;
  hash: string;
  signedAt: At;
}

/** A version in the plan's list, with who signed it (no snapshot content). */
export interface VersionListItem<At = string> {
  id: string;
  name: string;
  hash: string;
  createdAt: At;
  createdByName: string | null;
  signatures: Signature<At>[];
}

/** GET …/versions: the plan's versions, newest first. */
export interface VersionsResponse<At = string> {
  versions: VersionListItem<At>[];
}

/** POST …/versions (201): the recorded version. */
export interface VersionCreated<At = string> {
  id: string;
  name: string;
  hash: string;
  createdAt: At;
}

/** POST …/versions/[versionId]/sign (201): the signature. */
export interface VersionSigned<At = string> {
  versionId: string;
  signedAt: At;
  role: PlanRole;
}

/** One line of a version's section as the version page shows it (the same description as the paper export). */
export type VersionBlock =
  | { t: 'title'; text: string }
  | { t: 'h2'; text: string }
  | { t: 'h3'; text: string }
  | { t: 'field'; label: string; text: string; indent: number }
  | { t: 'para'; text: string; indent: number; strong?: boolean }
  | { t: 'note'; text: string };

/** A section of a version, read from its snapshot: only the sections the viewer may see now. */
export interface VersionSection {
  key: SectionKey;
  title: string;
  blocks: VersionBlock[];
}
