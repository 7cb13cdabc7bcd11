/*
 * The fake Tailscale API's fixed world: tailnets, users, devices and the tokens that drive every
 * behaviour. Tests, demo mode and benchmarks use these names rather than literal strings, so the
 * README's table and the code cannot drift apart. Expiry dates are relative to the moment the
 * fake starts (or is reset).
 */

export type FakeRole = "owner" | "admin" | "it-admin" | "network-admin" | "billing-admin" | "auditor" | "member";

/** Roles that may read the tailnet's devices and users (and delete others' keys). */
export const READER_ROLES: ReadonlySet<FakeRole> = new Set(["owner", "admin", "it-admin", "network-admin", "auditor"]);
export const ADMIN_ROLES: ReadonlySet<FakeRole> = new Set(["owner", "admin", "it-admin", "network-admin"]);

export type Fault =
  /** Key read waits 30 s (or until the client gives up) before answering. */
  | "slow"
  /** Key read alternates: 429 with `Retry-After: 1`, then a normal answer, per token. */
  | "429-once"
  /** Key read always answers 429 with `Retry-After: 3600`. */
  | "429-long"
  /** Key read always answers 429 without `Retry-After`. */
  | "429-bare"
  /** Key read answers 500 with a plain-text body. */
  | "500-text"
  /** Key read answers 502 with an HTML gateway page. */
  | "502-html"
  /** Key read answers 504 with an HTML gateway page. */
  | "504-html"
  /** Key read answers 200 with truncated JSON. */
  | "malformed-json"
  /** Key read answers 200 with JSON of the wrong shape (`id` is a number). */
  | "wrong-shape"
  /** Key read destroys the socket without answering (connection reset). */
  | "reset"
  /** Everything works except `GET /users/{userId}`, which answers 500 (the users list still names the tailnet). */
  | "user-read-fails"
  /**
   * Everything works except `GET /users/{userId}` and `GET /tailnet/{tailnet}/users`, which answer 500: nothing
   * names the tailnet.
   */
  | "identity-unknown";

export interface FixtureTailnet {
  canonicalId: string;
  /** The legacy "Organization name"; matched case-insensitively. */
  legacyName: string;
}

export const DEMO_TAILNET: FixtureTailnet = { canonicalId: "T1234CNTRL", legacyName: "example.com" };
export const OTHER_TAILNET: FixtureTailnet = { canonicalId: "T5678CNTRL", legacyName: "other.example" };

export interface FixtureUser {
  id: string;
  tailnetId: string;
  loginName: string;
  displayName: string;
  role: FakeRole;
}

export const FIXTURE_USERS: readonly FixtureUser[] = [
  {
    id: "uAlice1CNTRL",
    tailnetId: DEMO_TAILNET.canonicalId,
    loginName: "alice@example.com",
    displayName: "Alice Owner",
    role: "owner",
  },
  {
    id: "uBob1CNTRL",
    tailnetId: DEMO_TAILNET.canonicalId,
    loginName: "bob@example.com",
    displayName: "Bob Admin",
    role: "admin",
  },
  {
    id: "uCarol1CNTRL",
    tailnetId: DEMO_TAILNET.canonicalId,
    loginName: "carol@example.com",
    displayName: "Carol Member",
    role: "member",
  },
  {
    id: "uDave1CNTRL",
    tailnetId: OTHER_TAILNET.canonicalId,
    loginName: "dave@other.example",
    displayName: "Dave Other",
    role: "owner",
  },
];

export interface FixtureKey {
  name: string;
  keyId: string;
  secret: string;
  tailnetId: string;
  userId: string;
  description: string;
  /** Days from start-up; negative means already expired. */
  expiresInDays: number;
  createdDaysAgo: number;
  /** Revoked at fixture time: its own key read answers 200 with `revoked` and `invalid: true`. */
  revoked?: boolean;
  /** `invalid: true` with no other reason given. */
  invalidFlag?: boolean;
  fault?: Fault;
}

const owner = "uAlice1CNTRL";
const demo = DEMO_TAILNET.canonicalId;

// prettier-ignore
export const FIXTURE_KEYS = [
  { name: "demoOwner",       keyId: "kDemo1CNTRL",      secret: "WJ9YG52LqXJXY9oJ7RtmXJdzWkdRMgB1", tailnetId: demo, userId: owner, description: "demo owner token", expiresInDays: 90, createdDaysAgo: 1 },
  { name: "demoAdmin",       keyId: "kDemo2CNTRL",      secret: "Qm7TzP4vKx9bN2cR8sLw3yHf6dJg5aE2", tailnetId: demo, userId: "uBob1CNTRL", description: "demo admin token", expiresInDays: 60, createdDaysAgo: 2 },
  { name: "demoRotation",    keyId: "kDemo3CNTRL",      secret: "Zx8Vb3Nm6Qw1Er4Ty7Ui0Op2As5Df9G3", tailnetId: demo, userId: owner, description: "demo token for rotation", expiresInDays: 90, createdDaysAgo: 0 },
  { name: "noCntrlSuffix",   keyId: "k7Hpb9Lcv611",     secret: "under_scored_Secret_0123456789ab", tailnetId: demo, userId: owner, description: "id without CNTRL, _ in secret", expiresInDays: 30, createdDaysAgo: 3 },
  { name: "expiringSoon",    keyId: "kSoon1CNTRL",      secret: "Hs5Kd8Lf2Jg7Pq1Wr4Et6Yu9Io3Pa0S4", tailnetId: demo, userId: owner, description: "expires in 10 days", expiresInDays: 10, createdDaysAgo: 80 },
  { name: "expired",         keyId: "kExpired1CNTRL",   secret: "Ex1Pi2Re3Dt4Ok5En6Ab7Cd8Ef9Gh0I5", tailnetId: demo, userId: owner, description: "expired 2 days ago", expiresInDays: -2, createdDaysAgo: 92, invalidFlag: true },
  { name: "revoked",         keyId: "kRevoked1CNTRL",   secret: "Rv1Ok2Ed3Tk4En5Zz6Yy7Xx8Ww9Vv0U6", tailnetId: demo, userId: owner, description: "revoked in the console", expiresInDays: 50, createdDaysAgo: 40, revoked: true, invalidFlag: true },
  { name: "invalidFlag",     keyId: "kInvalid1CNTRL",   secret: "In1Va2Li3Df4La5Gg6Hh7Jj8Kk9Ll0M7", tailnetId: demo, userId: owner, description: "invalid with no reason", expiresInDays: 50, createdDaysAgo: 5, invalidFlag: true },
  { name: "member",          keyId: "kMember1CNTRL",    secret: "Me1Mb2Er3Ro4Le5Nn6Bb7Vv8Cc9Xx0Z8", tailnetId: demo, userId: "uCarol1CNTRL", description: "creator is now a member", expiresInDays: 30, createdDaysAgo: 5 },
  { name: "otherTailnet",    keyId: "kOther1CNTRL",     secret: "Ot1He2Rt3Ai4Ln5Et6Qq7Ww8Ee9Rr0T9", tailnetId: OTHER_TAILNET.canonicalId, userId: "uDave1CNTRL", description: "belongs to other.example", expiresInDays: 30, createdDaysAgo: 5 },
  { name: "userReadFails",   keyId: "kNoUser1CNTRL",    secret: "No1Us2Er3Re4Ad5Ff6Gg7Hh8Jj9Kk0L0", tailnetId: demo, userId: owner, description: "fault: user read fails", expiresInDays: 30, createdDaysAgo: 5, fault: "user-read-fails" },
  { name: "otherUserReadFails", keyId: "kNoUser2CNTRL",  secret: "No2Us3Er4Re5Ad6Ff7Gg8Hh9Jj0Kk1L1", tailnetId: OTHER_TAILNET.canonicalId, userId: "uDave1CNTRL", description: "fault: user read fails (other tailnet)", expiresInDays: 30, createdDaysAgo: 5, fault: "user-read-fails" },
  { name: "identityUnknown", keyId: "kNoIdent1CNTRL",   secret: "Id1En2Ti3Ty4Un5Kn6Ow7Nn8Mm9Pp0Q2", tailnetId: demo, userId: owner, description: "fault: user read and users list fail", expiresInDays: 30, createdDaysAgo: 5, fault: "identity-unknown" },
  { name: "slow",            keyId: "kSlow1CNTRL",      secret: "Sl1Ow2Sl3Ow4Sl5Ow6Sl7Ow8Sl9Ow0A1", tailnetId: demo, userId: owner, description: "fault: slow", expiresInDays: 30, createdDaysAgo: 1, fault: "slow" },
  { name: "rateLimitedOnce", keyId: "kRate1CNTRL",      secret: "Ra1Te2Li3Mi4Te5Do6On7Ce8Aa9Bb0A2", tailnetId: demo, userId: owner, description: "fault: 429 once", expiresInDays: 30, createdDaysAgo: 1, fault: "429-once" },
  { name: "rateLimitedLong", keyId: "kRate2CNTRL",      secret: "Ra1Te2Lo3Ng4Re5Tr6Yy7Af8Te9Rr0A3", tailnetId: demo, userId: owner, description: "fault: 429 for an hour", expiresInDays: 30, createdDaysAgo: 1, fault: "429-long" },
  { name: "rateLimitedBare", keyId: "kRate3CNTRL",      secret: "Ra1Te2Ba3Re4Nn5Oo6Hh7Ee8Aa9Dd0A4", tailnetId: demo, userId: owner, description: "fault: 429 no Retry-After", expiresInDays: 30, createdDaysAgo: 1, fault: "429-bare" },
  { name: "serverError",     keyId: "kErr500CNTRL",     secret: "Er1Ro2Rf3Iv4Ee5Hh6Uu7Nn8Dd9Rr0A5", tailnetId: demo, userId: owner, description: "fault: 500 text", expiresInDays: 30, createdDaysAgo: 1, fault: "500-text" },
  { name: "badGateway",      keyId: "kErr502CNTRL",     secret: "Er1Ro2Rf3Iv4Ee5Zz6Ww7Oo8Dd9Rr0A6", tailnetId: demo, userId: owner, description: "fault: 502 html", expiresInDays: 30, createdDaysAgo: 1, fault: "502-html" },
  { name: "gatewayTimeout",  keyId: "kErr504CNTRL",     secret: "Er1Ro2Rf3Iv4Ee5Ff6Oo7Uu8Rr9Rr0A7", tailnetId: demo, userId: owner, description: "fault: 504 html", expiresInDays: 30, createdDaysAgo: 1, fault: "504-html" },
  { name: "malformedJson",   keyId: "kBadJson1CNTRL",   secret: "Ba1Dj2So3Nn4Bb5Oo6Dd7Yy8Zz9Xx0A8", tailnetId: demo, userId: owner, description: "fault: malformed JSON", expiresInDays: 30, createdDaysAgo: 1, fault: "malformed-json" },
  { name: "wrongShape",      keyId: "kBadShape1CNTRL",  secret: "Ba1Ds2Ha3Pe4Bb5Oo6Dd7Yy8Zz9Xx0A9", tailnetId: demo, userId: owner, description: "fault: wrong shape", expiresInDays: 30, createdDaysAgo: 1, fault: "wrong-shape" },
  { name: "connectionReset", keyId: "kReset1CNTRL",     secret: "Re1Se2Tc3On4Nn5Ee6Cc7Tt8Ii9Oo0B1", tailnetId: demo, userId: owner, description: "fault: connection reset", expiresInDays: 30, createdDaysAgo: 1, fault: "reset" },
] as const satisfies readonly FixtureKey[];

export type FixtureName = (typeof FIXTURE_KEYS)[number]["name"];

/** Full token strings by fixture name, e.g. `FIXTURE_TOKENS.demoOwner`. */
export const FIXTURE_TOKENS = Object.fromEntries(
  FIXTURE_KEYS.map((k) => [k.name, `tskey-api-${k.keyId}-${k.secret}`]),
) as Record<FixtureName, string>;

/**
 * Load-test tokens: any `tskey-api-kany<anything>-<anything>` is valid on ANY tailnet name. A
 * tailnet named in the path is created on first use with a canonical ID derived from the name;
 * `-` means a tailnet derived from the key ID (`<keyid lower-cased>.any.test`).
 */
export const ANY_TAILNET_KEY_PREFIX = "kany";
export function anyTailnetToken(suffix: string): string {
  return `tskey-api-${ANY_TAILNET_KEY_PREFIX}${suffix}-AnyTailnetSecret0123456789abcdef`;
}

/** Devices in the demo tailnet, shaped like Tailscale's own sample: two online, two not. */
export function demoDevices(now: number, domain: string): Array<Record<string, unknown>> {
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
  const hoursAgo = (h: number) => iso(now - h * 3_600_000);
  const base = (
    id: string,
    host: string,
    os: string,
    version: string,
    online: boolean,
    seenHoursAgo: number,
    ip: number,
  ) => ({
    addresses: [`100.101.102.${ip}`, `fd7a:115c:a1e0:ab12:4843:cd96:6265:${(0x6600 + ip).toString(16)}`],
    authorized: true,
    blocksIncomingConnections: false,
    clientVersion: version,
    connectedToControl: online,
    created: hoursAgo(24 * 30 + ip),
    expires: iso(now + 150 * 86_400_000),
    hostname: host,
    id,
    isEphemeral: false,
    isExternal: false,
    keyExpiryDisabled: false,
    // Tailscale omits lastSeen while a device is connected.
    ...(online ? {} : { lastSeen: hoursAgo(seenHoursAgo) }),
    machineKey: `mkey:${id.padStart(64, "0")}`,
    name: `${host}.${domain}`,
    nodeId: `n${id}CNTRL`,
    nodeKey: `nodekey:${id.padStart(64, "a")}`,
    os,
    tags: [],
    updateAvailable: !online,
    user: "alice@example.com",
  });
  return [
    base("50052", "laptop", "macOS", "1.80.2-t0123abcd", true, 0, 11),
    base("50053", "build-server", "linux", "1.80.2-t0123abcd", true, 0, 12),
    base("50054", "phone", "iOS", "1.78.1-t4567ef01", false, 5, 13),
    base("50055", "old-nas", "linux", "1.62.0-t89abcdef", false, 24 * 40, 14),
  ];
}
