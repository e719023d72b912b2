/** Input shapes for comments (zod), shared by the API and the comment form. */
import { z } from 'zod';

/** A Yjs relative position, encoded with Y.encodeRelativePosition and base64. */
const Anchor = z
  .string()
  .min(4)
  .max(1000)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Ongeldig anker.');
const Body = z.string().trim().min(1, 'Schrijf een reactie.').max(4000, 'Deze reactie is te lang (meer dan 4000 tekens).');

export const NewThreadInput = z.object({
  anchorStart: Anchor,
  anchorEnd: Anchor,
  quote: z
    .string()
    .trim()
    .min(1, 'Kies eerst een stuk tekst.')
    .max(500)
    .transform((q) => q.slice(0, 500)),
  body: Body,
});

export const ReplyInput = z.object({ body: Body });
