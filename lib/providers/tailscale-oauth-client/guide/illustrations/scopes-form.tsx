import { useTranslations } from "next-intl";
import { IllustrationFigure, type IllustrationProps } from "./figure";
import { Box, Button, Callout, Highlight, Label, Line, VIEW_WIDTH, middle, paint } from "./primitives";

const ROW_H = 40;
const LEFT = 32;
const READ_X = 380;
const WRITE_X = 470;

function Choice({ cx, cy, on }: { cx: number; cy: number; on: boolean }) {
  return (
    <g>
      <circle cx={cx} cy={cy} r={9} strokeWidth={2} {...paint("surface", on ? "accent" : "field")} />
      {on ? <circle cx={cx} cy={cy} r={4.5} {...paint("accent")} /> : null}
    </g>
  );
}

const ROWS = [
  { label: "All", read: false },
  { label: "Devices Core", read: true },
  { label: "Devices Routes", read: false },
  { label: "Users", read: true },
  { label: "DNS", read: false },
] as const;

/** Step 2: the OAuth credential form with Read ticked for Devices Core and Users. */
export function ScopesFormIllustration(props: IllustrationProps) {
  const t = useTranslations("tailscaleOauthGuide.illustrations.scopesForm");
  const top = 96;
  const rowY = (i: number) => top + i * ROW_H;
  const devices = rowY(1);
  const users = rowY(3);
  const generate = { x: VIEW_WIDTH - LEFT - 190, y: rowY(ROWS.length) + 22, w: 190, h: 40 };
  return (
    <IllustrationFigure
      {...props}
      height={generate.y + generate.h + 24}
      title={t("title")}
      description={t("description")}
      defaultCaption={t("caption")}
    >
      <Box x={16} y={16} w={VIEW_WIDTH - 32} h={generate.y + generate.h - 4} r={12} fill="surface" stroke="border" />
      <Label x={LEFT} y={50} size={18} weight={600}>
        New OAuth credential
      </Label>
      <Label x={READ_X} y={82} size={14} tone="muted" anchor="middle">
        Read
      </Label>
      <Label x={WRITE_X} y={82} size={14} tone="muted" anchor="middle">
        Write
      </Label>
      {ROWS.map((row, i) => (
        <g key={row.label}>
          <Line x1={LEFT} y1={rowY(i)} x2={VIEW_WIDTH - LEFT} y2={rowY(i)} />
          <Label x={LEFT} y={middle(rowY(i), ROW_H)} weight={row.read ? 600 : 400}>
            {row.label}
          </Label>
          <Choice cx={READ_X} cy={rowY(i) + ROW_H / 2} on={row.read} />
          <Choice cx={WRITE_X} cy={rowY(i) + ROW_H / 2} on={false} />
        </g>
      ))}
      <Button x={generate.x} y={generate.y} w={generate.w} h={generate.h} label="Generate credential" primary />

      <Highlight x={READ_X - 18} y={devices + 4} w={36} h={ROW_H - 8} />
      <Callout n={4} cx={READ_X + 44} cy={devices + ROW_H / 2} />
      <Highlight x={READ_X - 18} y={users + 4} w={36} h={ROW_H - 8} />
      <Callout n={5} cx={READ_X + 44} cy={users + ROW_H / 2} />
      <Highlight x={generate.x - 5} y={generate.y - 5} w={generate.w + 10} h={generate.h + 10} r={12} />
      <Callout n={6} cx={generate.x - 24} cy={generate.y + generate.h / 2} />
    </IllustrationFigure>
  );
}
