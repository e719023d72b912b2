import 'server-only';
/**
 * What the demo mode shows: the demo people to sign in as (sign-in page, GET /api/demo/people) and the local
 * outbox of mails written while no SMTP server is set. Outside demo mode there is nothing: null.
 */
import { listDemoPeople, type DemoPerson } from '@/db/queries/demo';
import { listOutboxMails } from '@/db/queries/outbox';
import { getConfig } from '../config';
import type { ServiceContext } from '../context';

export async function demoPeople(ctx: Pick<ServiceContext, 'db'>): Promise<DemoPerson[] | null> {
  return getConfig().demo ? listDemoPeople(ctx.db) : null;
}

export async function outboxMails(ctx: Pick<ServiceContext, 'db'>, params: { limit: number }) {
  return getConfig().demo ? listOutboxMails(ctx.db, params) : null;
}
