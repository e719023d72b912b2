/**
 * A service context on a test database that keeps what the services did outside the database — mails,
 * revocations, rights refreshes and notifications — for the test to read. The clock can be set.
 */
import type { Db } from '../db/client';
import type { Via } from '../server/audit/record';
import { RateLimiter } from '../server/auth/rate-limit';
import type { NotifyTopic, ServiceContext } from '../server/context';
import type { Mail } from '../server/mail/send';

/** Where the test's requests come from: a documentation address (RFC 5737) and the test runner. */
export const VIA: Via = { accessPoint: '192.0.2.7', client: 'vitest' };

export interface TestContext {
  ctx: ServiceContext;
  mails: Mail[];
  revoked: { planId: string; userId: string }[];
  refreshed: { planId: string; role: string }[];
  notified: { docName: string; topic: NotifyTopic }[];
}

export function testContext(db: Db, options: { invitesPerHour?: number; failMail?: boolean; now?: () => Date } = {}): TestContext {
  const mails: Mail[] = [];
  const revoked: TestContext['revoked'] = [];
  const refreshed: TestContext['refreshed'] = [];
  const notified: TestContext['notified'] = [];
  const ctx: ServiceContext = {
    db,
    realtime: {
      revoke: (p) => revoked.push(p),
      refreshRights: (p) => refreshed.push(p),
      notify: (docName, topic) => notified.push({ docName, topic }),
    },
    mail: {
      appUrl: 'http://onsplan.test',
      async send(mail) {
        if (options.failMail) throw new Error('SMTP refused');
        mails.push(mail);
      },
    },
    clock: options.now ?? (() => new Date()),
    limits: { invitations: new RateLimiter(options.invitesPerHour ?? 1000, 60 * 60 * 1000) },
  };
  return { ctx, mails, revoked, refreshed, notified };
}
