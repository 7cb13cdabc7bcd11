// The Tailscale connection guide: one source of text and drawings for the public guide page
// and the signed-in connect flow. Server components only; words come from the tailscaleGuide messages.
export * from "./steps";
export { GuideIntro, GUIDE_INTRO_ID } from "./content/intro";
export { OrganizationStep, type StepProps } from "./content/organization-step";
export { TokenStep } from "./content/token-step";
export { GuideOutro } from "./content/outro";
export type { GuideSectionProps, HeadingLevel } from "./content/shared";
export type { IllustrationProps } from "./illustrations/figure";
export { GeneralSettingsIllustration } from "./illustrations/general-settings";
export { KeysPageIllustration } from "./illustrations/keys-page";
export { GenerateTokenDialogIllustration } from "./illustrations/generate-token-dialog";
export { TokenShownOnceIllustration } from "./illustrations/token-shown-once";
