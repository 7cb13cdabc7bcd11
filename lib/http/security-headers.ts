/**
 * The security headers every response carries. Scripts run only with this request's nonce
 * (no 'unsafe-inline' for scripts); nothing may frame the app. `imageSources` are the only other
 * origins images may come from (a brand logo on https: lib/brand/image-sources.ts).
 */
export function buildSecurityHeaders(
  nonce: string,
  production: boolean,
  formTargets: string[] = [],
  imageSources: string[] = [],
): Record<string, string> {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${production ? "" : " 'unsafe-eval'"}`,
    // React and Next set style attributes at runtime; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data:", ...imageSources].join(" "),
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // Sign-in with GitHub/OIDC redirects a form post to the provider.
    ["form-action 'self'", ...formTargets].join(" "),
    "frame-ancestors 'none'",
  ].join("; ");
  const headers: Record<string, string> = {
    "Content-Security-Policy": csp,
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (production) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}
