import { createUser } from "@/lib/testing/factories";
import { pool } from "./report";
import { Session, actionForms, type Part } from "./http-client";

/** People, seeded through the shared factories, who then use the app over plain HTTP. */
export type Person = { email: string; password: string };

export async function seedPeople(count: number, prefix: string): Promise<Person[]> {
  return pool(
    Array.from({ length: count }, (_, i) => i),
    2,
    async (i) => {
      const user = await createUser({ email: `${prefix}-${i}@example.org` });
      return { email: user.email, password: user.password };
    },
  );
}

const formCache = new Map<string, Part[]>();

/** The hidden `$ACTION_*` fields of the `index`th action form on a page (fetched once per app and page). */
export async function actionHidden(session: Session, path: string, index = 0): Promise<Part[]> {
  const key = `${session.baseUrl}${path}#${index}`;
  const cached = formCache.get(key);
  if (cached) return cached;
  const page = await session.get(path);
  const form = actionForms(page.body)[index];
  if (!form) throw new Error(`${path} (${page.status}) has no action form #${index}`);
  formCache.set(key, form.hidden);
  return form.hidden;
}

export async function signInOverHttp(
  baseUrl: string,
  person: Person,
  options: { keepReplies?: boolean } = {},
): Promise<Session> {
  const session = new Session(baseUrl, options);
  const hidden = await actionHidden(session, "/sign-in");
  const reply = await session.post("/sign-in", [
    ...hidden,
    { name: "email", value: person.email },
    { name: "password", value: person.password },
    { name: "callbackUrl", value: "/connect/tailscale" },
  ]);
  if (reply.status !== 303 || !session.cookies.has("authjs.session-token"))
    throw new Error(`sign-in of ${person.email} answered ${reply.status}`);
  return session;
}

/** Steps 1 and 2 of the connect flow: the organization and the sealed token are now in the session's cookies. */
export async function fillConnectDraft(session: Session, tailnet: string, token: string): Promise<void> {
  const organization = await session.post("/connect/tailscale/organization", [
    ...(await actionHidden(session, "/connect/tailscale/organization")),
    { name: "tailnet", value: tailnet },
  ]);
  if (organization.status !== 303) throw new Error(`the organization step answered ${organization.status}`);
  const tokenStep = await session.post("/connect/tailscale/token", [
    ...(await actionHidden(session, "/connect/tailscale/token")),
    { name: "token", value: token },
  ]);
  if (tokenStep.status !== 303 || !/\/review/.test(tokenStep.location ?? ""))
    throw new Error(`the token step answered ${tokenStep.status} → ${tokenStep.location}`);
}

/** Presses Connect on the review page (a session with a draft). */
export async function pressConnect(session: Session) {
  return session.post("/connect/tailscale/review", await actionHidden(session, "/connect/tailscale/review"));
}

export function connectionIdOf(location: string | null): string | null {
  if (!location || !location.includes("/connect/tailscale/done")) return null;
  return new URL(location, "http://x").searchParams.get("connection");
}
