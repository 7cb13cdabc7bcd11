// The Tailscale connection guide: one source of text and drawings for the public guide page
// and the signed-in connect flow. Server components only; words come from the tailscaleGuide
// messages. Components load lazily (see ./lazy.ts); tests import them from their modules.
import { lazyComponent } from "./lazy";
import type { StepProps } from "./content/organization-step";
import type { GuideSectionProps } from "./content/shared";
import type { IllustrationProps } from "./illustrations/figure";
import type { ReactNode } from "react";

export * from "./steps";
export type { StepProps } from "./content/organization-step";
export type { GuideSectionProps, HeadingLevel } from "./content/shared";
export type { IllustrationProps } from "./illustrations/figure";

export const GuideIntro = lazyComponent<GuideSectionProps>(async () => (await import("./content/intro")).GuideIntro);
export const OrganizationStep = lazyComponent<StepProps>(
  async () => (await import("./content/organization-step")).OrganizationStep,
);
export const TokenStep = lazyComponent<StepProps>(async () => (await import("./content/token-step")).TokenStep);
export const GuideOutro = lazyComponent<{ after: ReactNode }>(async () => (await import("./content/outro")).GuideOutro);
export const GeneralSettingsIllustration = lazyComponent<IllustrationProps>(
  async () => (await import("./illustrations/general-settings")).GeneralSettingsIllustration,
);
export const KeysPageIllustration = lazyComponent<IllustrationProps>(
  async () => (await import("./illustrations/keys-page")).KeysPageIllustration,
);
export const GenerateTokenDialogIllustration = lazyComponent<IllustrationProps>(
  async () => (await import("./illustrations/generate-token-dialog")).GenerateTokenDialogIllustration,
);
export const TokenShownOnceIllustration = lazyComponent<IllustrationProps>(
  async () => (await import("./illustrations/token-shown-once")).TokenShownOnceIllustration,
);
