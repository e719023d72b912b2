/**
 * The Yjs shape of rich text: each section doc holds its text in the XmlFragment named `body`, in the
 * ProseMirror schema of tiptap's StarterKit (paragraph, heading, bulletList, …).
 */
export const RICH_TEXT_FIELD = 'body';
