import { createHash, randomBytes } from "node:crypto";
import {
  ANY_TAILNET_KEY_PREFIX,
  DEMO_TAILNET,
  FIXTURE_KEYS,
  FIXTURE_USERS,
  OTHER_TAILNET,
  demoDevices,
  type FakeRole,
  type Fault,
  type FixtureTailnet,
  type FixtureUser,
} from "./fixtures";
import {
  ACCESS_TOKEN_KEY_PREFIX,
  ACCESS_TOKEN_LIFETIME_SECONDS,
  FIXTURE_OAUTH_CLIENTS,
  type OAuthClientFault,
} from "./oauth-fixtures";

/* The fake's mutable world. Everything is in memory and rebuilt by `reset()`. */

export interface FakeTailnet extends FixtureTailnet {
  devices: Array<Record<string, unknown>>;
}

export interface FakeKey {
  keyId: string;
  /** null: any secret is accepted (load-test keys). */
  secret: string | null;
  /** null: valid on any tailnet (load-test keys). */
  tailnetId: string | null;
  userId: string;
  description: string;
  created: string;
  expires: string;
  revoked?: string;
  /** Revoked through `DELETE`: the token no longer authenticates at all. */
  deleted?: boolean;
  invalidFlag?: boolean;
  fault?: Fault;
  /**
   * Set only on access tokens minted by an OAuth client: every route checks them. Absent on API
   * access tokens, which act with their creator's role instead (all scopes), as before.
   */
  scopes?: string[];
}

export interface FakeOAuthClient {
  clientId: string;
  secret: string;
  tailnetId: string;
  scopes: string[];
  fault?: OAuthClientFault;
}

export interface CallRecord {
  method: string;
  /** The route template, e.g. `GET /api/v2/tailnet/{tailnet}/devices`, or `unmatched`. */
  route: string;
  /** The raw path as received (still percent-encoded). */
  path: string;
  status: number;
  durationMs: number;
}

export interface MintRequest {
  tailnet: string;
  expiresInDays?: number;
  role?: FakeRole;
  description?: string;
}

export interface MintedToken {
  token: string;
  keyId: string;
  userId: string;
  tailnetId: string;
  expires: string;
}

const DAY_MS = 86_400_000;

export function derivedTailnetId(name: string): string {
  const hash = createHash("sha256").update(name.toLowerCase()).digest("hex").slice(0, 10).toUpperCase();
  return `T${hash}CNTRL`;
}

export class FakeTailscaleState {
  tailnets = new Map<string, FakeTailnet>();
  users = new Map<string, FixtureUser>();
  keys = new Map<string, FakeKey>();
  /** OAuth clients by their full secret: Tailscale identifies a client by its secret alone. */
  oauthClients = new Map<string, FakeOAuthClient>();
  calls: CallRecord[] = [];
  /** Per token and route, for faults that alternate. */
  faultCounters = new Map<string, number>();
  startedAt = Date.now();
  /** Bumped by reset(), so a request that straddles a reset does not count against the new world. */
  generation = 0;

  constructor() {
    this.reset();
  }

  reset(): void {
    this.generation++;
    this.startedAt = Date.now();
    this.tailnets.clear();
    this.users.clear();
    this.keys.clear();
    this.oauthClients.clear();
    this.calls = [];
    this.faultCounters.clear();
    this.addTailnet(DEMO_TAILNET, demoDevices(this.startedAt, "tail1234.ts.net"));
    this.addTailnet(OTHER_TAILNET, demoDevices(this.startedAt, "tail5678.ts.net").slice(0, 1));
    for (const user of FIXTURE_USERS) this.users.set(user.id, { ...user });
    for (const k of FIXTURE_KEYS) {
      const fixture: FakeKey = {
        keyId: k.keyId,
        secret: k.secret,
        tailnetId: k.tailnetId,
        userId: k.userId,
        description: k.description,
        created: this.daysFromStart(-k.createdDaysAgo),
        expires: this.daysFromStart(k.expiresInDays),
      };
      if ("revoked" in k && k.revoked) fixture.revoked = this.daysFromStart(-1);
      if ("invalidFlag" in k && k.invalidFlag) fixture.invalidFlag = true;
      if ("fault" in k) fixture.fault = k.fault;
      this.keys.set(k.keyId, fixture);
    }
    for (const c of FIXTURE_OAUTH_CLIENTS) {
      this.oauthClients.set(c.secret, {
        clientId: c.clientId,
        secret: c.secret,
        tailnetId: c.tailnetId,
        scopes: [...c.scopes],
        ...("fault" in c ? { fault: c.fault } : {}),
      });
    }
  }

  private daysFromStart(days: number): string {
    return new Date(this.startedAt + days * DAY_MS).toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  private addTailnet(tailnet: FixtureTailnet, devices: Array<Record<string, unknown>>): FakeTailnet {
    const created: FakeTailnet = { ...tailnet, devices };
    this.tailnets.set(tailnet.canonicalId, created);
    return created;
  }

  /** The key a token stands for, or null when Tailscale would answer 401. */
  authenticate(token: string | null): FakeKey | null {
    const match = token ? /^tskey-api-([0-9A-Za-z_]+)-([0-9A-Za-z_]+)$/.exec(token) : null;
    if (!match) return null;
    const [, keyId = "", secret = ""] = match;
    let key = this.keys.get(keyId);
    if (!key && keyId.startsWith(ANY_TAILNET_KEY_PREFIX)) {
      key = {
        keyId,
        secret: null,
        tailnetId: null,
        userId: "",
        description: "load-test token",
        created: this.daysFromStart(0),
        expires: this.daysFromStart(90),
      };
      this.keys.set(keyId, key);
    }
    if (!key || key.deleted) return null;
    if (key.secret !== null && key.secret !== secret) return null;
    return key;
  }

  /** Finds the tailnet a path names, as the given key sees it; load-test keys create it. */
  resolveTailnet(name: string, key: FakeKey): FakeTailnet | null {
    if (name === "-") {
      if (key.tailnetId) return this.tailnets.get(key.tailnetId) ?? null;
      return this.tailnetByName(`${key.keyId.toLowerCase()}.any.test`, true);
    }
    return this.tailnetByName(name, key.tailnetId === null);
  }

  private tailnetByName(name: string, createIfMissing: boolean): FakeTailnet | null {
    const exact = this.tailnets.get(name);
    if (exact) return exact;
    const lower = name.toLowerCase();
    for (const tailnet of this.tailnets.values()) {
      if (tailnet.legacyName.toLowerCase() === lower) return tailnet;
    }
    if (!createIfMissing) return null;
    const canonicalId = derivedTailnetId(name);
    const existing = this.tailnets.get(canonicalId);
    if (existing) return existing;
    const tailnet = this.addTailnet(
      { canonicalId, legacyName: lower },
      demoDevices(this.startedAt, `${canonicalId.toLowerCase()}.ts.net`).slice(0, 2),
    );
    this.users.set(`uany${canonicalId}`, {
      id: `uany${canonicalId}`,
      tailnetId: canonicalId,
      loginName: `load@${lower}`,
      displayName: "Load Test",
      role: "owner",
    });
    return tailnet;
  }

  /** The user a key acts as in a tailnet (load-test keys act as that tailnet's owner). */
  userFor(key: FakeKey, tailnet: FakeTailnet): FixtureUser | null {
    if (key.tailnetId === null) return this.users.get(`uany${tailnet.canonicalId}`) ?? null;
    return this.users.get(key.userId) ?? null;
  }

  mint(request: MintRequest): MintedToken {
    const tailnet = this.tailnetByName(request.tailnet, false);
    if (!tailnet) throw new Error(`unknown tailnet ${request.tailnet}`);
    const role = request.role ?? "admin";
    let user = [...this.users.values()].find((u) => u.tailnetId === tailnet.canonicalId && u.role === role);
    if (!user) {
      const id = `u${role.replace(/-/g, "")}${randomBytes(3).toString("hex")}CNTRL`;
      user = {
        id,
        tailnetId: tailnet.canonicalId,
        loginName: `${role}@${tailnet.legacyName}`,
        displayName: `Minted ${role}`,
        role,
      };
      this.users.set(id, user);
    }
    const keyId = `kMint${randomBytes(5).toString("hex")}CNTRL`;
    const secret = randomBytes(24).toString("base64url").replace(/-/g, "_");
    const now = Date.now();
    const expires = new Date(now + (request.expiresInDays ?? 90) * DAY_MS).toISOString().replace(/\.\d{3}Z$/, "Z");
    this.keys.set(keyId, {
      keyId,
      secret,
      tailnetId: tailnet.canonicalId,
      userId: user.id,
      description: request.description ?? "minted by a test",
      created: new Date(now).toISOString().replace(/\.\d{3}Z$/, "Z"),
      expires,
    });
    return { token: `tskey-api-${keyId}-${secret}`, keyId, userId: user.id, tailnetId: tailnet.canonicalId, expires };
  }

  /** An access token for an OAuth client, valid for an hour with exactly `scopes`. */
  mintAccessToken(
    client: FakeOAuthClient,
    scopes: string[],
  ): { token: string; keyId: string; expiresInSeconds: number } {
    const keyId = `${ACCESS_TOKEN_KEY_PREFIX}${randomBytes(5).toString("hex")}CNTRL`;
    const secret = randomBytes(24).toString("base64url").replace(/-/g, "_");
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
    this.keys.set(keyId, {
      keyId,
      secret,
      tailnetId: client.tailnetId,
      // Keys created by trust credentials have no user [SPEC Key.userId].
      userId: "",
      description: "",
      created: iso(now),
      expires: iso(now + ACCESS_TOKEN_LIFETIME_SECONDS * 1000),
      scopes,
    });
    return { token: `tskey-api-${keyId}-${secret}`, keyId, expiresInSeconds: ACCESS_TOKEN_LIFETIME_SECONDS };
  }

  callCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const call of this.calls) counts[call.route] = (counts[call.route] ?? 0) + 1;
    return counts;
  }
}
