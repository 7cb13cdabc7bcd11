import { useTranslations } from "next-intl";
import { IllustrationFigure, type IllustrationProps } from "./figure";
import { AdminTopBar, Box, Button, Callout, Highlight, Label, Line, SettingsMenu, menuItemBox } from "./primitives";

const CARD = { x: 216, w: 372 } as const;
const INNER_X = CARD.x + 16;

/** Step 2, first screen: Settings > Keys, with the API access tokens section and its button. */
export function KeysPageIllustration(props: IllustrationProps) {
  const t = useTranslations("tailscaleGuide.illustrations.keysPage");
  const keys = menuItemBox("Keys");
  const authTop = 148;
  const apiTop = 278;
  const generate = { x: INNER_X, y: apiTop + 66, w: 236, h: 38 };
  const listTop = apiTop + 120;
  return (
    <IllustrationFigure
      {...props}
      height={476}
      title={t("title")}
      description={t("description")}
      defaultCaption={t("caption")}
    >
      <AdminTopBar />
      <SettingsMenu active="Keys" />
      <Label x={CARD.x} y={132} size={20} weight={600}>
        Keys
      </Label>

      <Box x={CARD.x} y={authTop} w={CARD.w} h={114} r={12} fill="surface" stroke="border" />
      <Label x={INNER_X} y={authTop + 28} weight={600}>
        Auth keys
      </Label>
      <Label x={INNER_X} y={authTop + 50} size={14} tone="muted">
        Add new devices to your tailnet.
      </Label>
      <Button x={INNER_X} y={authTop + 64} w={196} h={34} label="Generate auth key…" />

      <Box x={CARD.x} y={apiTop} w={CARD.w} h={182} r={12} fill="surface" stroke="border" />
      <Label x={INNER_X} y={apiTop + 28} weight={600}>
        API access tokens
      </Label>
      <Label x={INNER_X} y={apiTop + 50} size={14} tone="muted">
        Use these tokens to call the Tailscale API.
      </Label>
      <Button x={generate.x} y={generate.y} w={generate.w} h={generate.h} label="Generate access token…" primary />
      <Line x1={CARD.x + 1} y1={listTop} x2={CARD.x + CARD.w - 1} y2={listTop} />
      <Label x={INNER_X} y={listTop + 36} size={14}>
        Backup script
      </Label>
      <Label x={INNER_X + 124} y={listTop + 36} size={14} tone="muted">
        Expires in 12 days
      </Label>
      <Label x={CARD.x + CARD.w - 16} y={listTop + 36} size={14} weight={600} anchor="end">
        Revoke
      </Label>

      <Highlight x={keys.x - 3} y={keys.y - 3} w={keys.w + 6} h={keys.h + 6} />
      <Callout n={1} cx={keys.x + keys.w - 20} cy={keys.y + keys.h / 2} />
      <Highlight x={generate.x - 5} y={generate.y - 5} w={generate.w + 10} h={generate.h + 10} />
      <Callout n={2} cx={generate.x + generate.w + 26} cy={generate.y + generate.h / 2} />
    </IllustrationFigure>
  );
}
