/** The y-websocket wire protocol: message type tags. */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
/** Ours, not y-websocket's: "something about this doc changed outside it" (payload: a topic string, e.g. comments). */
export const MESSAGE_NOTIFY = 100;
