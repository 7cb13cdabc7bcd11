// The OAuth-client connection guide: step metadata, step components and drawings. Server components
// only; words come from the tailscaleOauthGuide messages. Components load lazily (see the API-key
// guide's lazy.ts); tests import them from their modules.
import type { ReactNode } from "react";
import { lazyComponent } from "@/lib/providers/tailscale/guide/lazy";
import type { GuideSectionProps } from "@/lib/providers/tailscale/guide/content/shared";
import type { StepProps } from "./content";
import type { IllustrationProps } from "./illustrations/figure";

export * from "./steps";
export type { HeadingLevel, StepProps } from "./content";
export type { IllustrationProps } from "./illustrations/figure";

const content = () => import("./content");
const sections = () => import("./sections");

export const OAuthClientSection = lazyComponent<StepProps>(async () => (await content()).OAuthClientSection);
export const OAuthClientGuide = lazyComponent<{ headingLevel?: 2 | 3; illustrations?: boolean }>(
  async () => (await content()).OAuthClientGuide,
);
export const OpenTrustCredentialsStep = lazyComponent<StepProps>(
  async () => (await content()).OpenTrustCredentialsStep,
);
export const ChooseScopesStep = lazyComponent<StepProps>(async () => (await content()).ChooseScopesStep);
export const CopyCredentialsStep = lazyComponent<StepProps>(async () => (await content()).CopyCredentialsStep);
export const ChooseTailnetStep = lazyComponent<StepProps>(async () => (await content()).ChooseTailnetStep);
export const OAuthGuideIntro = lazyComponent<GuideSectionProps>(async () => (await sections()).OAuthGuideIntro);
export const OAuthGuideOutro = lazyComponent<{ after: ReactNode }>(async () => (await sections()).OAuthGuideOutro);
export const OAuthRotateGuide = lazyComponent<GuideSectionProps>(async () => (await sections()).OAuthRotateGuide);
export const CredentialCreatedIllustration = lazyComponent<IllustrationProps>(
  async () => (await import("./illustrations/credential-created")).CredentialCreatedIllustration,
);
export const ScopesFormIllustration = lazyComponent<IllustrationProps>(
  async () => (await import("./illustrations/scopes-form")).ScopesFormIllustration,
);
export const TrustCredentialsPageIllustration = lazyComponent<IllustrationProps>(
  async () => (await import("./illustrations/trust-credentials-page")).TrustCredentialsPageIllustration,
);
