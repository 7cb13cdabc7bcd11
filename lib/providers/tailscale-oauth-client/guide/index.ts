// The OAuth-client connection guide: step metadata, step components and drawings. Server components only.
export * from "./steps";
export {
  CLIENT_SECTION_ID,
  OAuthClientSection,
  ChooseScopesStep,
  ChooseTailnetStep,
  CopyCredentialsStep,
  OAuthClientGuide,
  OpenTrustCredentialsStep,
  type HeadingLevel,
  type StepProps,
} from "./content";
export type { IllustrationProps } from "./illustrations/figure";
export { CredentialCreatedIllustration } from "./illustrations/credential-created";
export { ScopesFormIllustration } from "./illustrations/scopes-form";
export { TrustCredentialsPageIllustration } from "./illustrations/trust-credentials-page";
