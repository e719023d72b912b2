import 'server-only';
/**
 * The one shape of an API route. Every handler is wrapped by `planRoute` (a plan's routes) or `userRoute` (the
 * signed-in person's own routes), which do, in this order and nowhere else:
 *
 *   Origin (writes) 403 → session 401 → member, loaded once from the database 404 → section visible 404 →
 *   policy 403 → guard 403 → body (JSON, no control characters, zod) 400 → handler → read audit → JSON, no-store
 *
 * A refusal anywhere is a `Refusal` (server/refusal.ts) answered in one body shape (respond.ts). The handler gets
 * the member it may act as, the request's access point, and the service context; it returns plain data.
 * A GET of plan content is an audit event (`plan.read` with what was read) unless the service audits the read
 * itself (`audit: 'service'`, e.g. the export or the member list, which write their own event).
 */
import type { z } from 'zod';
import type { Action } from '@/lib/policy';
import { can, canManage } from '@/lib/policy';
import { findControlCharacter } from '@/lib/text';
import { isSectionKey, type SectionKey } from '@/lib/sections';
import { auditAs, type Via } from '../audit/record';
import { currentUser, type SessionUser } from '../auth/session';
import { serviceContext, type ServiceContext } from '../context';
import { requirePlanAccess, type PlanAccess } from '../plans/plan-access';
import { notSignedIn, Refusal, sectionNotFound } from '../refusal';
import { clientAddress } from './client-address';
import { json, refusalResponse } from './respond';
import { refuseCrossSite } from './same-origin';

type Params = Record<string, string>;
type RouteContext<P extends Params> = { params: Promise<P> };
type Handler<P extends Params> = (req: Request, ctx: RouteContext<P>) => Promise<Response>;

/** Who may call a plan route: any active member, the casusregisseur, or a right on one section. */
export type PlanAccessRule = 'member' | { manage: true; forbidden: string } | { section: SectionKey | 'param'; action: Action; forbidden?: string };

interface RouteSpec<B> {
  /** The request body's schema; without it the body is not read. */
  body?: z.ZodType<B>;
  /** The status of a successful answer (201 for a created record). */
  status?: number;
}

export interface PlanRouteSpec<P extends Params, B> extends RouteSpec<B> {
  access: PlanAccessRule;
  /** A further check before the body is read (e.g. "decides about consent"); throws a Refusal. */
  guard?: (r: Omit<PlanRequest<P, never>, 'body'>) => Promise<void>;
  /** For GET: what the read is called on the audit trail (`details.via`), or 'service' when the service audits it. */
  audit?: { read: string } | 'service';
}

export interface UserRequest<P extends Params, B> {
  req: Request;
  params: P;
  user: SessionUser;
  via: Via;
  body: B;
  services: ServiceContext;
}

export interface PlanRequest<P extends Params, B> extends UserRequest<P, B>, PlanAccess {
  /** The section the route acts on (from the rule or the `[section]` path segment), when it has one. */
  section: SectionKey | null;
}

/** The request's access point for the audit trail (the same for every route). */
export function viaOf(req: Request): Via {
  return { accessPoint: clientAddress(req), client: req.headers.get('user-agent') };
}

const isWrite = (req: Request) => req.method !== 'GET' && req.method !== 'HEAD';

async function readBody<B>(req: Request, schema: z.ZodType<B> | undefined): Promise<B> {
  if (!schema) return undefined as B;
  const raw: unknown = await req.json().catch(() => undefined);
  const bad = findControlCharacter(raw);
  if (bad !== null) {
    throw new Refusal('invalid', 'De tekst bevat een teken dat niet kan worden bewaard (een stuurteken). Haal het weg en probeer het opnieuw.', {
      code: 'control_character',
      issues: [{ path: bad, message: 'bevat een stuurteken' }],
    });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new Refusal('invalid', issues.length === 1 && issues[0] ? issues[0].message : 'Niet alles is goed ingevuld.', { code: 'invalid_input', issues });
  }
  return parsed.data;
}

async function signedIn(req: Request): Promise<SessionUser> {
  if (isWrite(req)) {
    const crossSite = refuseCrossSite(req);
    if (crossSite) throw crossSite;
  }
  const user = await currentUser();
  if (!user) throw notSignedIn();
  return user;
}

function answer(result: unknown, status: number): Response {
  return result instanceof Response ? result : json(result ?? { ok: true }, status);
}

/** A route of the signed-in person that is not about one plan (their plan list, starting a plan, an invitation). */
export function userRoute<P extends Params = Params, B = undefined, R = unknown>(
  spec: RouteSpec<B>,
  handler: (r: UserRequest<P, B>) => Promise<R>,
): Handler<P> {
  return async (req, ctx) => {
    try {
      const user = await signedIn(req);
      const params = ctx?.params ? await ctx.params : ({} as P);
      const body = await readBody(req, spec.body);
      return answer(await handler({ req, params, user, via: viaOf(req), body, services: serviceContext() }), spec.status ?? 200);
    } catch (err) {
      return refusalResponse(err);
    }
  };
}

/** A route of one plan (`/api/plans/[planId]/…`). */
export function planRoute<P extends Params & { planId: string }, B = undefined, R = unknown>(
  spec: PlanRouteSpec<P, B>,
  handler: (r: PlanRequest<P, B>) => Promise<R>,
): Handler<P> {
  return async (req, ctx) => {
    try {
      const user = await signedIn(req);
      const params = await ctx.params;
      const services = serviceContext();
      const access = await requirePlanAccess(services.db, { planId: params.planId, userId: user.id });
      const section = checkRule(spec.access, access, params);
      const base = { req, params, user, via: viaOf(req), services, ...access, section };
      if (spec.guard) await spec.guard(base);
      const body = await readBody(req, spec.body);
      const result = await handler({ ...base, body });
      if (!isWrite(req) && spec.audit !== 'service') {
        await auditAs(services.db, access.member, 'plan.read', base.via, {
          section,
          details: { via: spec.audit?.read ?? new URL(req.url).pathname.split('/').slice(4).join('/') },
        });
      }
      return answer(result, spec.status ?? 200);
    } catch (err) {
      return refusalResponse(err);
    }
  };
}

/** Applies the access rule; returns the section acted on. A section the member may not see answers as missing. */
function checkRule(rule: PlanAccessRule, access: PlanAccess, params: Params): SectionKey | null {
  if (rule === 'member') return null;
  if ('manage' in rule) {
    if (!canManage(access.member)) throw new Refusal('forbidden', rule.forbidden, { code: 'not_casusregisseur' });
    return null;
  }
  const section = rule.section === 'param' ? params.section : rule.section;
  if (!section || !isSectionKey(section) || !access.sections.some((s) => s.key === section)) throw sectionNotFound();
  if (!can(access.member, rule.action, section)) {
    const message =
      rule.forbidden ??
      (rule.action === 'comment'
        ? 'Je mag in dit onderdeel niet reageren.'
        : rule.action === 'edit'
          ? 'Je mag dit onderdeel niet aanpassen.'
          : 'Je mag dit onderdeel niet lezen.');
    throw new Refusal('forbidden', message, { code: 'not_allowed' });
  }
  return section;
}
