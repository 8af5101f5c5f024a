import type { IssuedSecrets } from '../simulator/simulator';

/**
 * Secrets issued by simulators that suites started in this extension host (the soak's) and stopped again: the
 * secrets leak search at the end of the suite (zz-secretsLeak.test.ts) looks for them too. Test-side only.
 */
const seen: IssuedSecrets[] = [];

export function rememberIssuedSecrets(secrets: IssuedSecrets): void {
  seen.push(secrets);
}

export function issuedSecretsSeen(): readonly IssuedSecrets[] {
  return seen;
}

/** Every secret value in a set of IssuedSecrets, labelled for failure messages (never the value itself). */
export function secretValues(all: readonly IssuedSecrets[]): Array<{ label: string; value: string }> {
  const out: Array<{ label: string; value: string }> = [];
  for (const s of all) {
    s.passwords.forEach((value, i) => out.push({ label: `password #${i + 1}`, value }));
    s.em.tokens.forEach((value, i) => out.push({ label: `EM session token #${i + 1}`, value }));
    s.em.logonSessionIds.forEach((value, i) => out.push({ label: `EM logon session id #${i + 1} (token = base64 of it)`, value }));
    s.vb365.accessTokens.forEach((value, i) => out.push({ label: `VB365 access token #${i + 1}`, value }));
    s.vb365.refreshTokens.forEach((value, i) => out.push({ label: `VB365 refresh token #${i + 1}`, value }));
    s.vbr.accessTokens.forEach((value, i) => out.push({ label: `VBR access token #${i + 1}`, value }));
    s.vbr.refreshTokens.forEach((value, i) => out.push({ label: `VBR refresh token #${i + 1}`, value }));
  }
  const unique = new Map(out.filter((s) => s.value.length >= 8).map((s) => [s.value, s]));
  return [...unique.values()];
}
