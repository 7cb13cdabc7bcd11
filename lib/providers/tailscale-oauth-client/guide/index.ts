// The OAuth-client connection guide: step metadata, step components and drawings. Server components
// only; words come from the tailscaleOauthGuide messages.
export * from "./steps";
export {
  OAuthClientSection,
  ChooseScopesStep,
  ChooseTailnetStep,
  CopyCredentialsStep,
  OAuthClientGuide,
  OpenTrustCredentialsStep,
  type HeadingLevel,
  type StepProps,
} from "./content";
export { OAuthGuideIntro, OAuthGuideOutro, OAuthRotateGuide } from "./sections";
export type { IllustrationProps } from "./illustrations/figure";
export { CredentialCreatedIllustration } from "./illustrations/credential-created";
export { ScopesFormIllustration } from "./illustrations/scopes-form";
export { TrustCredentialsPageIllustration } from "./illustrations/trust-credentials-page";
