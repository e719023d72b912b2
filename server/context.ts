/**
 * What every service gets: `(ctx: ServiceContext, params)`. The database, the running realtime server (revoke,
 * refresh rights, notify), mail, the clock and the per-process limits — passed in, never fetched inside a
 * service, so a test hands a real database and reads the mails, revocations and notifications a service made
 * (test/context.ts).
 */
import { getDb, type Db } from '../db/client';
import type { DocName } from '../lib/sections';
import { RateLimiter } from './auth/rate-limit';
import { getConfig } from './config';
import { sendMail, type Mail } from './mail/send';
import { getRuntime } from './runtime';

/** What a service may ask of the realtime server; each reaches every node. */
export interface RealtimeControl {
  /** Closes one user's live connections to a plan (4403): consent withdrawn, member removed. */
  revoke(params: { planId: string; userId: string }): void;
  /** Makes one role's live connections to a plan reconnect with changed rights (4000). */
  refreshRights(params: { planId: string; role: string }): void;
  /** Tells everyone with the doc open that something beside it (comments, ratings) changed. */
  notify(docName: DocName, topic: NotifyTopic): void;
}

export type NotifyTopic = 'comments' | 'ratings';

export interface MailControl {
  /** The public URL links in mails point to. */
  appUrl: string;
  send(mail: Mail): Promise<void>;
}

export interface ServiceContext {
  db: Db;
  realtime: RealtimeControl;
  mail: MailControl;
  clock: () => Date;
  limits: { invitations: RateLimiter };
}

/** Invitations one person may send per hour (QUALITY.md: rate limits on invitations). */
export const INVITES_PER_HOUR = 20;

const LIMITER_KEY = Symbol.for('onsplan.inviteLimiter');
type WithLimiter = typeof globalThis & { [LIMITER_KEY]?: RateLimiter };

/** The context of the running server. One invitation limiter per process, shared by every route bundle. */
export function serviceContext(): ServiceContext {
  const config = getConfig();
  const g = globalThis as WithLimiter;
  g[LIMITER_KEY] ??= new RateLimiter(INVITES_PER_HOUR, 60 * 60 * 1000);
  return {
    db: getDb(),
    realtime: {
      revoke: (params) => getRuntime()?.revoke(params),
      refreshRights: (params) => getRuntime()?.refreshRights?.(params),
      notify: (docName, topic) => getRuntime()?.notify?.(docName, topic),
    },
    mail: { appUrl: config.appUrl, send: (mail) => sendMail(mail, { smtpUrl: config.smtpUrl, from: config.emailFrom }) },
    clock: () => new Date(),
    limits: { invitations: g[LIMITER_KEY] },
  };
}
