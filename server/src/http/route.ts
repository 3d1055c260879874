// One declaration per endpoint: the same zod schemas validate the request, check the response
// outside production, and generate the OpenAPI document (http/openapi.ts).
import { can, type Action, type ErrorCode } from '@patchbay/shared';
import type { AuthContext } from '../auth/auth-context';
import { authOf } from '../auth/http';
import type { NextFunction, Request, Response, Router } from 'express';
import type { z } from 'zod';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { checkBodyEncoding, checkQueryEncoding, malformedParamError, parseOr400 } from './validation';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

export interface RouteSpec<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: Method;
  /** Express-style path below `/api`, e.g. `/sessions/:sessionId`. */
  path: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  /** Status of a successful answer; 204 answers no body. */
  status: number;
  response?: R;
  /** A successful answer that is not JSON (the handler sends it itself), e.g. 'text/csv'. */
  produces?: string;
  /** Error codes this endpoint may answer besides validation and access failures. */
  errors?: ErrorCode[];
  /**
   * Who may call it: 'public'; 'signedIn' (any member); or an action of the permission matrix
   * (the role must hold it at least for 'own' things; handlers check the scope).
   */
  access: 'public' | 'signedIn' | Action;
  /**
   * Top-level body fields whose handler applies the shared text rule (`isStorableText`) itself,
   * to report an offence more precisely (a CSV file: by line and column). Every other string is
   * checked before the schema (http/validation.ts).
   */
  ownTextCheck?: string[];
}

export interface RequestInput<P, Q, B> {
  /** The signed-in member; only public routes run without one (and must not read it). */
  auth: AuthContext;
  params: P;
  query: Q;
  body: B;
  req: Request;
  res: Response;
  ctx: AppContext;
}

export interface Route {
  spec: RouteSpec;
  handle: (req: Request, res: Response, ctx: AppContext) => Promise<void>;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/**
 * What a handler returns when it sent the answer itself (a 304, or a body serialized before):
 * the response schema still documents the endpoint in OpenAPI.
 */
export const SENT: unique symbol = Symbol('answer sent by the handler');

export function defineRoute<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType | undefined = undefined,
>(
  spec: Omit<RouteSpec, 'params' | 'query' | 'body' | 'response'> & { params?: P; query?: Q; body?: B; response?: R },
  handler: (input: RequestInput<Out<P>, Out<Q>, Out<B>>) => Promise<(R extends z.ZodType ? z.input<R> : void) | typeof SENT>,
): Route {
  const full = spec as RouteSpec;
  return {
    spec: full,
    handle: async (req, res, ctx) => {
      if (full.body && req.is('application/json') === false) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as JSON (Content-Type: application/json)');
      }
      const auth = authOf(res);
      if (full.access !== 'public') {
        if (!auth) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
        if (full.access !== 'signedIn' && !can(auth.role, full.access)) {
          throw new AppError('FORBIDDEN', 'Your role in this studio does not allow this');
        }
      }
      checkQueryEncoding(req.originalUrl);
      if (full.body) checkBodyEncoding(req);
      const params = (full.params ? parseOr400(full.params, req.params, 'params') : undefined) as Out<P>;
      const query = (full.query ? parseOr400(full.query, { ...req.query }, 'query') : undefined) as Out<Q>;
      const body = (full.body ? parseOr400(full.body, req.body ?? {}, 'body', full.ownTextCheck) : undefined) as Out<B>;
      const result = await handler({ auth: auth as AuthContext, params, query, body, req, res, ctx });
      if (result === SENT || res.headersSent) return;
      if (full.status === 204 || !full.response) {
        res.status(full.status).end();
        return;
      }
      if (ctx.config.env !== 'production') {
        const checked = full.response.safeParse(result);
        if (!checked.success) {
          throw new Error(`Response of ${full.method.toUpperCase()} ${full.path} does not match its schema: ${checked.error.message}`);
        }
      }
      res.status(full.status).json(result);
    },
  };
}

/** Mounts routes on an Express router, passing errors to the error middleware. */
export function mountRoutes(router: Router, routes: Route[], ctx: AppContext): void {
  for (const route of routes) {
    router[route.spec.method](route.spec.path, (req: Request, res: Response, next: NextFunction) => {
      route.handle(req, res, ctx).catch(next);
    });
  }
  // The router could not decode a path parameter (malformed percent-encoding): a 400 naming it.
  const specs = routes.map((route) => route.spec);
  router.use((err: unknown, req: Request, _res: Response, next: NextFunction) => {
    next(err instanceof URIError && (err as URIError & { status?: number }).status === 400 ? malformedParamError(req, specs) : err);
  });
}
