import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import { getSettings } from "@/lib/config/settings";
import { rememberRequestLocale } from "@/lib/i18n/user-locale";
import { CLIENT_ADDRESS_HEADER_NAME } from "@/lib/http/edge-of-server";
import { consumeRateLimit } from "@/lib/rate-limit";
import { findOrCreateOAuthUser } from "./oauth-users";
import { verifyPassword } from "./password";
import { signInSchema } from "./schemas";
import { currentSessionVersion, endSessions, findUserForSignIn } from "./users";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
}

/** Raised by authorize() when the sign-in limit is reached; `code` carries the wait in seconds. */
export class SignInRateLimited extends CredentialsSignin {
  constructor(retryAfterSeconds: number) {
    super();
    this.code = `rate_limited:${retryAfterSeconds}`;
  }
}

// Built per request (lazily) so that `next build` never reads settings or opens the database.
function config(): NextAuthConfig {
  const settings = getSettings();
  const providers: NextAuthConfig["providers"] = [
    Credentials({
      credentials: { email: {}, password: {} },
      // Every credentials sign-in, through our form or Auth.js's own endpoint, passes here, so
      // the limit lives here too.
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const address = request.headers.get(CLIENT_ADDRESS_HEADER_NAME) ?? "unknown";
        const limit = await consumeRateLimit("signIn", [`email:${parsed.data.email}`, `address:${address}`]);
        if (!limit.ok) throw new SignInRateLimited(limit.retryAfterSeconds);
        const user = await findUserForSignIn(parsed.data.email);
        // Always verify, against a dummy hash when there is no account: same cost either way.
        const ok = await verifyPassword(user?.passwordHash, parsed.data.password);
        if (!user || !ok) return null;
        return { id: user.id, email: user.email, sessionVersion: user.sessionVersion };
      },
    }),
  ];
  if (settings.githubEnabled) {
    providers.push(GitHub({ clientId: settings.AUTH_GITHUB_ID, clientSecret: settings.AUTH_GITHUB_SECRET }));
  }
  if (settings.oidcEnabled) {
    providers.push({
      id: "oidc",
      name: settings.AUTH_OIDC_NAME,
      type: "oidc",
      issuer: settings.AUTH_OIDC_ISSUER,
      clientId: settings.AUTH_OIDC_ID,
      clientSecret: settings.AUTH_OIDC_SECRET,
    });
  }
  return {
    secret: settings.AUTH_SECRET,
    trustHost: true,
    session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers,
    callbacks: {
      async signIn({ user, account, profile }) {
        if (!account || account.type === "credentials") return true;
        const result = await findOrCreateOAuthUser({
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          email: user.email ?? profile?.email ?? undefined,
          emailVerified: account.provider === "github" || profile?.email_verified === true,
          name: user.name ?? undefined,
        });
        if (!result.ok) return `/sign-in?error=${encodeURIComponent(result.reason)}`;
        user.id = result.user.id;
        user.sessionVersion = result.user.sessionVersion;
        return true;
      },
      async jwt({ token, user }) {
        if (user?.id) {
          token.uid = user.id;
          token.sv = user.sessionVersion ?? 0;
          return token;
        }
        // Not a sign-in: Auth.js's own endpoints (/api/auth/session) are about to renew this
        // token. Only while its version is the account's: null makes Auth.js clear the cookie.
        // Pages and actions do not come here; they compare the version in lib/auth/session.ts.
        if (typeof token.uid !== "string" || typeof token.sv !== "number") return null;
        return (await currentSessionVersion(token.uid)) === token.sv ? token : null;
      },
      session({ session, token }) {
        if (typeof token.uid === "string") {
          session.user.id = token.uid;
          (session as { sessionVersion?: number }).sessionVersion = typeof token.sv === "number" ? token.sv : -1;
        }
        return session;
      },
    },
    events: {
      // Sign-in, and sign-up (which signs in): the account's emails speak the language in use.
      async signIn({ user }) {
        if (user.id) await rememberRequestLocale(user.id);
      },
      // Every sign-out (our button, Auth.js's /api/auth/signout) ends the session everywhere its
      // cookie was copied, and with it the account's other sessions.
      async signOut(message) {
        const token = "token" in message ? message.token : null;
        if (typeof token?.uid === "string" && typeof token.sv === "number") await endSessions(token.uid, token.sv);
      },
    },
    logger: {
      // A wrong password is an expected outcome, not an error worth a stack trace.
      error(error) {
        if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
        console.error(`[auth] ${error.name}: ${error.message}`);
      },
      warn(code) {
        if (code !== "debug-enabled") console.warn(`[auth] warning: ${code}`);
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());
