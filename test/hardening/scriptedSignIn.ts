import type { ServerResponse } from 'http';
import type { HostileHandler, ReceivedRequest } from './hostileServer';

/** Credentials and tokens the scripted servers use; tests assert none of them ever shows up in a message or log. */
export const SCRIPTED_SECRETS = {
  username: 'EXAMPLE\\restore-operator',
  password: 'Pa55-hostile-#1-secret',
  emSessionToken: 'ZW0tc2Vzc2lvbi10b2tlbi1zZWNyZXQtMDAx',
  vb365AccessToken: 'vb365-access-token-secret-0002',
  vb365RefreshToken: 'vb365-refresh-token-secret-0003',
} as const;

/** Every string that must never leave the client in a message, detail or log line (incl. the Basic header value). */
export function secretStrings(): string[] {
  const basic = Buffer.from(`${SCRIPTED_SECRETS.username}:${SCRIPTED_SECRETS.password}`, 'utf8').toString('base64');
  return [SCRIPTED_SECRETS.password, SCRIPTED_SECRETS.emSessionToken, SCRIPTED_SECRETS.vb365AccessToken, SCRIPTED_SECRETS.vb365RefreshToken, basic];
}

const LOGON_SESSION_ID = '0f3a4c5d-1111-4222-8333-944455556666';

/** A correct EM logon answer (A.2 step 2). */
export function answerEnterpriseManagerLogon(res: ServerResponse): void {
  const body =
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<LogonSession xmlns="http://www.veeam.com/ent/v1.0" Type="LogonSession" Href="https://localhost:9398/api/logonSessions/${LOGON_SESSION_ID}">` +
    `<UserName>EXAMPLE\\restore-operator</UserName><SessionId>${LOGON_SESSION_ID}</SessionId></LogonSession>`;
  res.writeHead(201, { 'Content-Type': 'application/xml; charset=utf-8', 'X-RestSvcSessionId': SCRIPTED_SECRETS.emSessionToken });
  res.end(body);
}

/** A correct VB365 token answer (B.2.1). */
export function answerMicrosoft365Token(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ access_token: SCRIPTED_SECRETS.vb365AccessToken, token_type: 'bearer', expires_in: 3600, refresh_token: SCRIPTED_SECRETS.vb365RefreshToken }));
}

export function isSignInRequest(request: ReceivedRequest): boolean {
  return request.method === 'POST' && (/^\/api\/sessionMngr/i.test(request.path) || /^\/v\d+\/token$/i.test(request.path));
}

/** Signs in like a real server of either kind, and hands every other request to `data`. */
export function withSignIn(data: HostileHandler): HostileHandler {
  return (request, res) => {
    if (request.method === 'POST' && /^\/api\/sessionMngr/i.test(request.path)) return answerEnterpriseManagerLogon(res);
    if (request.method === 'POST' && /^\/v\d+\/token$/i.test(request.path)) return answerMicrosoft365Token(res);
    return data(request, res);
  };
}
