import { useTranslations } from "next-intl";
import { IllustrationFigure, type IllustrationProps } from "./figure";
import { AdminTopBar, Box, Button, Callout, Highlight, Label, Line, SettingsMenu, menuItemBox } from "./primitives";

const CARD = { x: 216, w: 372 } as const;
const INNER_X = CARD.x + 16;

/** Step 1: Settings > Trust credentials, the Credential button and its OAuth choice. */
export function TrustCredentialsPageIllustration(props: IllustrationProps) {
  const t = useTranslations("tailscaleOauthGuide.illustrations.trustCredentialsPage");
  const menu = menuItemBox("Trust credentials");
  const credential = { x: CARD.x + CARD.w - 140, y: 112, w: 140, h: 36 };
  const oauth = { x: credential.x, y: credential.y + 44, w: 140, h: 34 };
  return (
    <IllustrationFigure
      {...props}
      height={400}
      title={t("title")}
      description={t("description")}
      defaultCaption={t("caption")}
    >
      <AdminTopBar />
      <SettingsMenu active="Trust credentials" />
      <Label x={CARD.x} y={134} size={20} weight={600}>
        Trust credentials
      </Label>
      <Button x={credential.x} y={credential.y} w={credential.w} h={credential.h} label="Credential" primary />

      <Box x={CARD.x} y={200} w={CARD.w} h={150} r={12} fill="surface" stroke="border" />
      <Label x={INNER_X} y={228} weight={600}>
        OAuth clients
      </Label>
      <Line x1={CARD.x + 1} y1={244} x2={CARD.x + CARD.w - 1} y2={244} />
      <Label x={INNER_X} y={274} size={14} mono>
        k4udsb7CNTRL
      </Label>
      <Label x={CARD.x + CARD.w - 16} y={274} size={14} tone="muted" anchor="end">
        devices:core:read
      </Label>
      <Label x={INNER_X} y={306} size={14} mono>
        k1234511CNTRL
      </Label>
      <Label x={CARD.x + CARD.w - 16} y={306} size={14} tone="muted" anchor="end">
        all:read
      </Label>

      {/* The open menu sits above the list, as a dropdown does. */}
      <Box x={oauth.x - 10} y={oauth.y - 4} w={oauth.w + 10} h={80} r={8} fill="surface" stroke="field" />
      <Label x={oauth.x + 8} y={oauth.y + 22} weight={600}>
        OAuth
      </Label>
      <Label x={oauth.x + 8} y={oauth.y + 58} size={14} tone="muted">
        Federated identity
      </Label>

      <Highlight x={menu.x - 3} y={menu.y - 3} w={menu.w + 6} h={menu.h + 6} />
      <Callout n={1} cx={menu.x + menu.w - 20} cy={menu.y + menu.h / 2} />
      <Highlight x={credential.x - 5} y={credential.y - 5} w={credential.w + 10} h={credential.h + 10} r={12} />
      <Callout n={2} cx={credential.x - 22} cy={credential.y + credential.h / 2} />
      <Highlight x={oauth.x - 6} y={oauth.y} w={oauth.w + 2} h={oauth.h} />
      <Callout n={3} cx={oauth.x - 30} cy={oauth.y + oauth.h / 2} />
    </IllustrationFigure>
  );
}
