import { useTranslations } from "next-intl";
import { IllustrationFigure, type IllustrationProps } from "./figure";
import {
  AdminTopBar,
  Box,
  Callout,
  CopyIcon,
  Highlight,
  Label,
  Line,
  SETTINGS_TAB_BOX,
  SettingsMenu,
  menuItemBox,
  middle,
} from "./primitives";

const CARD = { x: 216, y: 148, w: 372 } as const;
const FIELD = { x: CARD.x + 16, w: CARD.w - 32, h: 40 } as const;

function IdentifierRow({ top, label, help, value }: { top: number; label: string; help: string; value: string }) {
  const fieldTop = top + 64;
  return (
    <g>
      <Label x={FIELD.x} y={top + 30} weight={600}>
        {label}
      </Label>
      <Label x={FIELD.x} y={top + 52} size={14} tone="muted">
        {help}
      </Label>
      <Box x={FIELD.x} y={fieldTop} w={FIELD.w} h={FIELD.h} r={8} fill="ground" stroke="border" />
      <Label x={FIELD.x + 14} y={middle(fieldTop, FIELD.h, 16)} size={16} mono>
        {value}
      </Label>
      <CopyIcon x={FIELD.x + FIELD.w - 32} y={fieldTop + 11} />
    </g>
  );
}

/** Step 1: Settings > General, where the Tailnet ID and the legacy Organization name are shown. */
export function GeneralSettingsIllustration(props: IllustrationProps) {
  const t = useTranslations("tailscaleGuide.illustrations.generalSettings");
  const general = menuItemBox("General");
  const tab = SETTINGS_TAB_BOX;
  const row1 = CARD.y;
  const row2 = CARD.y + 122;
  return (
    <IllustrationFigure
      {...props}
      height={406}
      title={t("title")}
      description={t("description")}
      defaultCaption={t("caption")}
    >
      <AdminTopBar />
      <SettingsMenu active="General" />
      <Label x={CARD.x} y={132} size={20} weight={600}>
        General
      </Label>
      <Box x={CARD.x} y={CARD.y} w={CARD.w} h={242} r={12} fill="surface" stroke="border" />
      <IdentifierRow top={row1} label="Tailnet ID" help="Identifies your tailnet in the API." value="T1234CNTRL" />
      <Line x1={CARD.x + 1} y1={row2} x2={CARD.x + CARD.w - 1} y2={row2} />
      <IdentifierRow
        top={row2}
        label="Organization"
        help="Older tailnets only. Can't be changed."
        value="example.com"
      />

      <Highlight x={tab.x} y={tab.y} w={tab.w} h={tab.h} />
      <Callout n={1} cx={tab.x - 2} cy={46} />
      <Highlight x={general.x - 3} y={general.y - 3} w={general.w + 6} h={general.h + 6} />
      <Callout n={2} cx={general.x + general.w - 20} cy={general.y + general.h / 2} />
      <Highlight x={FIELD.x - 5} y={row1 + 59} w={FIELD.w + 10} h={FIELD.h + 10} />
      <Callout n={3} cx={FIELD.x + FIELD.w + 2} cy={row1 + 59} />
      <Highlight x={FIELD.x - 5} y={row2 + 59} w={FIELD.w + 10} h={FIELD.h + 10} />
      <Callout n={4} cx={FIELD.x + FIELD.w + 2} cy={row2 + 59} />
    </IllustrationFigure>
  );
}
