import { createElement as h, Fragment, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

// The components themselves (index.ts hands the pages lazy ones).
import { GuideIntro } from "./content/intro";
import { OrganizationStep } from "./content/organization-step";
import { GuideOutro } from "./content/outro";
import { TokenStep } from "./content/token-step";
import type { IllustrationProps } from "./illustrations/figure";
import { GeneralSettingsIllustration } from "./illustrations/general-settings";
import { GenerateTokenDialogIllustration } from "./illustrations/generate-token-dialog";
import { KeysPageIllustration } from "./illustrations/keys-page";
import { TokenShownOnceIllustration } from "./illustrations/token-shown-once";
import { ORGANIZATION_STEP, TOKEN_STEP } from "./steps";
import { connectPath, guidePath } from "@/lib/providers";
import type { Locale } from "@/lib/i18n/locales";
import { intlWrapper } from "@/lib/testing/intl";
import { TAILSCALE_STEPS } from "../flow-copy";
import { tailscaleApiKey } from "../provider";

// The guide translates (useTranslations): render it inside the app's real messages, as the pages do.
const wrappers = new Map<Locale, Awaited<ReturnType<typeof intlWrapper>>>();
for (const locale of ["en", "de", "ja"] as const) wrappers.set(locale, await intlWrapper(locale));
const renderIn = <P extends object>(locale: Locale, component: ComponentType<P>, props: P = {} as P) =>
  renderToStaticMarkup(h(wrappers.get(locale)!, null, h(component, props)));
const render = <P extends object>(component: ComponentType<P>, props: P = {} as P) => renderIn("en", component, props);

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
    const twice = renderToStaticMarkup(
      h(wrappers.get("en")!, null, h(Fragment, null, h(KeysPageIllustration), h(KeysPageIllustration))),
    );
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

  it("outro keeps its anchor and numbers itself after the steps", () => {
    const html = decode(render(GuideOutro, { after: null }));
    expect(html).toMatch(
      /^<section aria-labelledby="step-3-connecting"[^>]*><h2 id="step-3-connecting"[^>]*>Step 3: Connecting<\/h2>/,
    );
    expect(html).toContain("fix the organization name (step 1)");
  });
});

describe("in other languages", () => {
  const cases = [
    {
      locale: "de" as const,
      headings: ["Schritt 1: Den Organisationsnamen finden", "Schritt 2: Ein API-Zugriffstoken erzeugen"],
      troubleshooting: "Wenn etwas nicht klappt",
      consoleInEnglish: /auf Englisch/,
      drawing: "(Zeichnung)",
      newTab: "(öffnet in einem neuen Tab)",
      intro: ["Bevor Sie beginnen", "Owner, Admin, IT admin oder Network admin", "verschlüsselt"],
      since: "Oktober 2025",
      maxDays: ">90</code> Tage",
    },
    {
      locale: "ja" as const,
      headings: ["ステップ 1：組織名を確認する", "ステップ 2：API アクセストークンを生成する"],
      troubleshooting: "うまくいかないときは",
      consoleInEnglish: /英語表示/,
      drawing: "（図）",
      newTab: "（新しいタブで開きます）",
      intro: ["始める前に", "Owner、Admin、IT admin、またはNetwork admin", "暗号化"],
      since: "2025年10月",
      maxDays: ">90</code> 日",
    },
  ];
  const steps = [
    { step: ORGANIZATION_STEP, component: OrganizationStep },
    { step: TOKEN_STEP, component: TokenStep },
  ];

  it.each(cases)("$locale: headings translated, anchors unchanged", ({ locale, headings, troubleshooting }) => {
    steps.forEach(({ step, component }, i) => {
      const html = decode(renderIn(locale, component));
      expect(html).toMatch(new RegExp(`<h2 id="${step.id}"[^>]*>${headings[i]}</h2>`));
      expect(html).toContain(`aria-labelledby="${step.id}"`);
      expect(html).toMatch(new RegExp(`<h3[^>]*>${troubleshooting}</h3>`));
      expect(html).not.toContain("If something goes wrong");
      expect(html).not.toMatch(/tailscaleGuide\./);
    });
  });

  it.each(cases)("$locale: numbered instructions still match the drawings' callouts", ({ locale }) => {
    for (const { component } of steps) {
      const html = renderIn(locale, component);
      expect(instructionNumbers(html)).toEqual(callouts(html));
    }
  });

  it.each(cases)(
    "$locale: drawn console labels stay English; captions, titles and descriptions are translated",
    ({ locale, consoleInEnglish, drawing }) => {
      for (const [name, component, labels] of illustrations) {
        const html = decode(renderIn(locale, component));
        const english = decode(render(component));
        expect(svgTexts(html), name).toEqual(svgTexts(english));
        for (const label of labels) expect(svgTexts(html), name).toContain(label);
        const caption = /<figcaption[^>]*>([^<]+)<\/figcaption>/.exec(html)?.[1] ?? "";
        expect(caption, name).toMatch(consoleInEnglish);
        expect(html, name).toMatch(new RegExp(`<title id="[^"]+">[^<]+${drawing.replace(/[()]/g, "\\$&")}</title>`));
        const desc = /<desc[^>]*>([^<]+)<\/desc>/.exec(html)?.[1];
        const englishDesc = /<desc[^>]*>([^<]+)<\/desc>/.exec(english)?.[1];
        expect(desc, name).not.toBe(englishDesc);
      }
    },
  );

  it.each(cases)(
    "$locale: intro, dates, numbers and links in the language",
    ({ locale, intro, since, maxDays, newTab }) => {
      const introHtml = decode(renderIn(locale, GuideIntro));
      for (const text of intro) expect(introHtml).toContain(text);
      expect(introHtml).toContain(newTab);
      expect(decode(renderIn(locale, OrganizationStep, { illustrations: false }))).toContain(since);
      const token = decode(renderIn(locale, TokenStep, { illustrations: false }));
      expect(token).toContain(maxDays);
      // Values, key prefixes and console labels stay as written.
      for (const text of ["tskey-api-", "tskey-auth-", "Tailnet Connect", "Generate access token…", "Revoke"]) {
        expect(token).toContain(text);
      }
    },
  );
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
