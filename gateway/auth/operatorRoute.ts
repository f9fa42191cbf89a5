// Routes that belong to the operator role (metrics): a bearer token whose role is `operator`,
// verified like any caller's, or 401/403 with a code. Health and the IDE page stay open.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, type RouteHandler } from '../../platform/httpServer.js';
import { TokenRefused, type AccessTokenVerifier } from '../../platform/trust/accessToken.js';

function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] }, status === 401 ? { 'www-authenticate': 'Bearer realm="rantau"' } : {});
}

export function operatorOnly(tokens: AccessTokenVerifier, route: RouteHandler): RouteHandler {
  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const token = /^Bearer +(\S+)$/i.exec(req.headers.authorization?.trim() ?? '')?.[1];
    if (!token) return refuse(res, 401, 'UNAUTHENTICATED', `${url.pathname} is for operators: send an operator's bearer token.`);
    try {
      const { caller } = await tokens.verify(token);
      if (caller.role !== 'operator') return refuse(res, 403, 'FORBIDDEN', `${url.pathname} is for operators, not for role ${caller.role}.`);
    } catch (error) {
      if (!(error instanceof TokenRefused)) throw error;
      return refuse(res, 401, 'UNAUTHENTICATED', `The bearer token was refused: ${error.message}.`);
    }
    await route(req, res, url);
  };
}
