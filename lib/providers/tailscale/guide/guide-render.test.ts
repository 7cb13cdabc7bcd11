import { createElement as h, Fragment, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import {
  GeneralSettingsIllustration,
  GenerateTokenDialogIllustration,
  GuideIntro,
  KeysPageIllustration,
  ORGANIZATION_STEP,
  OrganizationStep,
  TOKEN_STEP,
  TokenShownOnceIllustration,
  TokenStep,
  type IllustrationProps,
} from "./index";
import { connectPath, guidePath } from "@/lib/providers";
import { TAILSCALE_STEPS } from "../flow-copy";
import { tailscaleApiKey } from "../provider";

const render = <P extends object>(component: ComponentType<P>, props: P = {} as P) =>
  renderToStaticMarkup(h(component, props));

const decode = (s: string) =>
  s
    .replace(/&amp;/g, "&")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");

/** Every string drawn as SVG <text>, i.e. what a person can read (and find) in the drawing. */
const svgTexts = (html: string) => [...html.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1] ?? ""));
const callouts = (html: string) => [...html.matchAll(/data-callout="(\d+)"/g)].map((m) => Number(m[1]));
const ids = (html: string) => new Set([...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));

/** Numbers of the instructions, in document order, across all of a step's instruction lists. */
function instructionNumbers(html: string): number[] {
  const lists = [...html.matchAll(/<ol[^>]*data-guide-instructions[^>]*>([\s\S]*?)<\/ol>/g)];
  return lists.flatMap((list) =>
    [...(list[1] ?? "").matchAll(/<li\b[^>]*><span[^>]*>(\d+)<\/span>/g)].map((m) => Number(m[1])),
  );
}

const illustrations: [string, ComponentType<IllustrationProps>, string[]][] = [
  [
    "GeneralSettingsIllustration",
    GeneralSettingsIllustration,
    ["Settings", "General", "Tailnet ID", "T1234CNTRL", "Organization", "example.com", "Machines", "DNS"],
  ],
  [
    "KeysPageIllustration",
    KeysPageIllustration,
    ["Keys", "Personal settings", "API access tokens", "Generate access token…", "Auth keys", "Revoke"],
  ],
  [
    "GenerateTokenDialogIllustration",
    GenerateTokenDialogIllustration,
    ["Description", "Tailnet Connect", "Expiration", "90", "days", "Generate access token", "Cancel"],
  ],
  ["TokenShownOnceIllustration", TokenShownOnceIllustration, ["Copy", "Done"]],
];

describe("illustrations", () => {
  it.each(illustrations)("%s draws its labels as real text", (_name, component, labels) => {
    const texts = svgTexts(render(component));
    for (const label of labels) expect(texts).toContain(label);
  });

  it.each(illustrations)("%s is an accessible image with a caption", (_name, component) => {
    const html = render(component);
    expect(html).toMatch(/^<figure[\s\S]*<figcaption[\s\S]*<\/figure>$/);
    const svgs = [...html.matchAll(/<svg\b([^>]*)>/g)].map((m) => m[1] ?? "");
    expect(svgs).toHaveLength(1);
    for (const attrs of svgs) {
      expect(attrs).toContain('role="img"');
      expect(attrs).toContain('focusable="false"');
      const labelledBy = /aria-labelledby="([^"]+)"/.exec(attrs)?.[1]?.split(" ") ?? [];
      expect(labelledBy).toHaveLength(2);
      for (const id of labelledBy) expect(ids(html)).toContain(id);
      expect(html).toMatch(
        new RegExp(`<title id="${labelledBy[0]}">[^<]+</title><desc id="${labelledBy[1]}">[^<]+</desc>`),
      );
    }
  });

  it("keeps the shown-once token masked", () => {
    const texts = svgTexts(render(TokenShownOnceIllustration));
    const token = texts.find((t) => t.startsWith("tskey-api-"));
    expect(token).toMatch(/•{4,}$/);
  });

  it("gives each copy of a drawing its own ids, or the ones asked for", () => {
    const twice = renderToStaticMarkup(h(Fragment, null, h(KeysPageIllustration), h(KeysPageIllustration)));
    const all = [...twice.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(all).size).toBe(all.length);
    expect(render(KeysPageIllustration, { idPrefix: "keys" })).toContain('aria-labelledby="keys-title keys-desc"');
  });

  it("numbers each step's callouts 1..n without gaps", () => {
    const step1 = callouts(render(GeneralSettingsIllustration));
    const step2 = [KeysPageIllustration, GenerateTokenDialogIllustration, TokenShownOnceIllustration].flatMap((c) =>
      callouts(render(c)),
    );
    expect(step1).toEqual([1, 2, 3, 4]);
    expect(step2).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe("guide steps", () => {
  const steps = [
    { step: ORGANIZATION_STEP, component: OrganizationStep },
    { step: TOKEN_STEP, component: TokenStep },
  ];

  it.each(steps)("$step.id: numbered instructions match the drawings' callouts", ({ component }) => {
    const html = render(component);
    const numbers = instructionNumbers(html);
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers).toEqual(callouts(html));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it.each(steps)("$step.id: anchor on the heading, outline follows headingLevel", ({ step, component }) => {
    const h2 = render(component);
    expect(h2).toContain(`<h2 id="${step.id}"`);
    expect(h2).toContain(`aria-labelledby="${step.id}"`);
    expect(h2).toMatch(/<h3[^>]*>If something goes wrong<\/h3>/);
    expect(h2).not.toMatch(/<h1|<h4/);

    const h3 = render(component, { headingLevel: 3, headingId: "custom" });
    expect(h3).toContain('<h3 id="custom"');
    expect(h3).toMatch(/<h4[^>]*>If something goes wrong<\/h4>/);
    expect(h3).not.toMatch(/<h1|<h2/);
  });

  it.each(steps)("$step.id: renders the page's slot last, and can leave out the drawings", ({ component }) => {
    const html = render(component, { after: h("a", { href: "/connect" }, "Connect now") });
    expect(html).toMatch(/<a href="\/connect">Connect now<\/a><\/section>$/);
    const plain = render(component, { illustrations: false });
    expect(plain).not.toContain("<svg");
    expect(instructionNumbers(plain).length).toBe(instructionNumbers(html).length);
  });

  it("explains the values people confuse", () => {
    const org = decode(render(OrganizationStep));
    for (const text of [
      "Settings",
      "General",
      "Tailnet ID",
      "T1234CNTRL",
      "example.com",
      "alice@gmail.com",
      "alice.github",
      "tail1234.ts.net",
      "<code",
      "If something goes wrong",
    ]) {
      expect(org).toContain(text);
    }
    const token = decode(render(TokenStep));
    for (const text of [
      "tskey-api-",
      "tskey-auth-",
      "tskey-client-",
      "90",
      "Tailnet Connect",
      "only once",
      "Revoke",
      "Network admin",
      "Billing admin",
    ]) {
      expect(token).toContain(text);
    }
  });

  it("intro says who can connect and how each value is used", () => {
    const html = decode(render(GuideIntro));
    for (const text of [
      "Owner, Admin, IT admin or Network admin",
      "two minutes",
      "encrypted",
      "Organization name",
      "API access token",
    ]) {
      expect(html).toContain(text);
    }
    expect(render(GuideIntro, { headingLevel: 3 })).toMatch(/^<section[^>]*><h3 /);
  });
});

describe("links", () => {
  const everything = [GuideIntro, OrganizationStep, TokenStep].map((c) => render(c)).join("");

  it("points only at the Tailscale admin console or Tailscale, and says it opens a new tab", () => {
    const urls = [...everything.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0]);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(new URL(url).hostname).toMatch(/^(login\.)?tailscale\.com$/);

    const anchors = [...everything.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a>/g)];
    for (const [, attrs = "", body = ""] of anchors) {
      expect(attrs).toContain('target="_blank"');
      expect(attrs).toContain('rel="noopener noreferrer"');
      expect(body).toContain("(opens in a new tab)");
    }
  });

  it("loads nothing from elsewhere", () => {
    expect(everything).not.toMatch(/<(img|script|link|iframe|image|use)\b/);
    expect(everything).not.toMatch(/\b(src|xlink:href)=/);
  });

  it("builds guide links from the provider's one step list", () => {
    expect(TAILSCALE_STEPS.map((s) => s.guide.id)).toEqual([
      "step-1-finding-your-organization-name",
      "step-2-generating-an-api-access-token",
    ]);
    expect(guidePath(tailscaleApiKey, TAILSCALE_STEPS[1])).toBe(
      "/guides/tailscale-api-key#step-2-generating-an-api-access-token",
    );
    expect(TAILSCALE_STEPS.map((s) => connectPath(tailscaleApiKey, s))).toEqual([
      "/connect/tailscale/organization",
      "/connect/tailscale/token",
    ]);
  });
});
