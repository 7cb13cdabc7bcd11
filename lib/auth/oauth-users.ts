import "server-only";
import { db } from "@/lib/db";
import { signupRefusal } from "./signup-policy";

type OAuthProfile = {
  provider: string;
  providerAccountId: string;
  email?: string;
  emailVerified: boolean;
  name?: string;
};

/**
 * Links a GitHub/OIDC identity to a user. An existing account is joined by email only when
 * the provider vouches for the address; otherwise a new account is created, under the same
 * sign-up rules as email + password.
 */
export async function findOrCreateOAuthUser(profile: OAuthProfile) {
  const linked = await db().oAuthAccount.findUnique({
    where: { provider_providerAccountId: { provider: profile.provider, providerAccountId: profile.providerAccountId } },
    include: { user: { select: { id: true, sessionVersion: true } } },
  });
  if (linked) return { ok: true as const, user: linked.user };
  const email = profile.email?.trim().toLowerCase();
  if (!email) return { ok: false as const, reason: "OAuthNoEmail" };
  const existing = await db().user.findUnique({ where: { email }, select: { id: true, sessionVersion: true } });
  if (existing) {
    if (!profile.emailVerified) return { ok: false as const, reason: "OAuthAccountNotLinked" };
    await db().oAuthAccount.create({
      data: { userId: existing.id, provider: profile.provider, providerAccountId: profile.providerAccountId },
    });
    return { ok: true as const, user: existing };
  }
  const refusal = signupRefusal(email);
  if (refusal) return { ok: false as const, reason: "SignupClosed" };
  const user = await db().user.create({
    data: {
      email,
      name: profile.name?.slice(0, 200),
      oauthAccounts: { create: { provider: profile.provider, providerAccountId: profile.providerAccountId } },
    },
    select: { id: true, sessionVersion: true },
  });
  return { ok: true as const, user };
}
