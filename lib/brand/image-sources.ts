/**
 * What a brand logo adds to the CSP's img-src: the origin of an https logo, nothing for a file
 * under public/ ('self' covers it) or anything else. Kept free of Node APIs: proxy.ts imports it.
 */
export function logoImageSources(logoUrl: string | undefined): string[] {
  if (!logoUrl) return [];
  try {
    const url = new URL(logoUrl);
    return url.protocol === "https:" ? [url.origin] : [];
  } catch {
    return [];
  }
}
