/**
 * Every secret the simulator has handed out since it started, for leak searches (test/integration/zz-secretsLeak):
 * the demo passwords, EM session tokens with the logon session ids they are derived from (token = base64 of the id,
 * so an id is as good as its token while the logon lives), VB365 and Backup & Replication access and refresh tokens. Expiring or revoking
 * a token does not remove it from here: a dead token in a log is still a leak.
 */
export interface IssuedSecrets {
  passwords: string[];
  em: { tokens: string[]; logonSessionIds: string[] };
  vb365: { accessTokens: string[]; refreshTokens: string[] };
  vbr: { accessTokens: string[]; refreshTokens: string[] };
}

export function isIssuedSecrets(value: unknown): value is IssuedSecrets {
  const strings = (v: unknown): boolean => Array.isArray(v) && v.every((s) => typeof s === 'string');
  if (typeof value !== 'object' || value === null) return false;
  const o = value as Partial<Record<keyof IssuedSecrets, Record<string, unknown>>> & { passwords?: unknown };
  return (
    strings(o.passwords) &&
    typeof o.em === 'object' &&
    o.em !== null &&
    strings(o.em.tokens) &&
    strings(o.em.logonSessionIds) &&
    typeof o.vb365 === 'object' &&
    o.vb365 !== null &&
    strings(o.vb365.accessTokens) &&
    strings(o.vb365.refreshTokens) &&
    typeof o.vbr === 'object' &&
    o.vbr !== null &&
    strings(o.vbr.accessTokens) &&
    strings(o.vbr.refreshTokens)
  );
}
