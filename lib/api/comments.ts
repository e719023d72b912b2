/**
 * Response bodies of a section's comment routes (`…/sections/[section]/comments…`), shared by the routes and the
 * browser. `At` is the type of a moment: a `Date` in the route, the ISO string JSON makes of it in the browser.
 */
import type { PlanRole } from '../roles';

export interface Comment<At = string> {
  id: string;
  authorId: string;
  authorName: string | null;
  authorRole: PlanRole;
  body: string;
  createdAt: At;
}

/** An open thread on a text range (its anchors are Yjs relative positions, base64). */
export interface CommentThread<At = string> {
  id: string;
  section: string;
  anchorStart: string;
  anchorEnd: string;
  quote: string;
  createdBy: string;
  createdAt: At;
  resolvedAt: At | null;
  comments: Comment<At>[];
}

/** GET …/comments: the section's open threads, oldest first, with their comments. */
export interface ThreadsResponse<At = string> {
  threads: CommentThread<At>[];
}

/** POST …/comments (201): the new thread. */
export interface ThreadStarted {
  id: string;
}

/** POST …/[threadId]/replies (201) and …/[threadId]/resolve. */
export interface CommentDone {
  ok: true;
}
