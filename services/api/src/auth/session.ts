import { jwtVerify, SignJWT } from 'jose';

/** Who is calling. Officers act on their organisation; members and trustees on one election. */
export type Principal =
  | {
      readonly kind: 'officer';
      readonly userId: string;
      readonly organisationId: string;
      readonly role: 'admin' | 'officer';
    }
  | { readonly kind: 'member'; readonly rollEntryId: string; readonly electionId: string }
  | { readonly kind: 'trustee'; readonly trusteeId: string; readonly electionId: string };

const ISSUER = 'openslate';
const LIFETIME: Record<Principal['kind'], string> = { officer: '8h', member: '2h', trustee: '12h' };

/** Short-lived session tokens: JWT (RFC 7519) signed with HS256 under the deployment's session key. */
export class Sessions {
  private readonly key: Uint8Array;
  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  issue(principal: Principal): Promise<string> {
    return new SignJWT({ p: principal })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(LIFETIME[principal.kind])
      .sign(this.key);
  }

  /** The principal of a valid token, or null for anything expired, forged or malformed. */
  async verify(token: string): Promise<Principal | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      const p = payload['p'] as Principal | undefined;
      return p && typeof p === 'object' && typeof p.kind === 'string' ? p : null;
    } catch {
      return null;
    }
  }
}
