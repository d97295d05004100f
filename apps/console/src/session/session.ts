/**
 * The signed-in user: the gateway's bearer token and the claims it carries. Kept in the
 * tab's session storage only, so closing the tab ends the session on this machine.
 */
export interface Session {
  token: string;
  username: string;
  role: string;
  institutionId: string | null;
  mustChangePassword: boolean;
  /** Seconds since the epoch when the token stops being accepted. */
  expiresAt: number;
}

const KEY = 'v2v.session';

/** The claims of a JWT, read (not verified: the gateway verifies every request). */
export function sessionOf(token: string): Session {
  const payload = token.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  const claims = JSON.parse(
    new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))),
  );
  return {
    token,
    username: String(claims.username),
    role: String(claims.role),
    institutionId: claims.institutionId ?? null,
    mustChangePassword: claims.mustChangePassword === true,
    expiresAt: Number(claims.exp ?? 0),
  };
}

export function storedSession(): Session | undefined {
  const token = sessionStorage.getItem(KEY);
  return token ? sessionOf(token) : undefined;
}

export function storeSession(session: Session | undefined): void {
  if (session) sessionStorage.setItem(KEY, session.token);
  else sessionStorage.removeItem(KEY);
}
