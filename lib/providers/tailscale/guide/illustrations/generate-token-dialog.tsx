import { useTranslations } from "next-intl";
import { DIALOG, DIALOG_INNER_W, DIALOG_INNER_X, DialogShell } from "./dialog";
import { IllustrationFigure, type IllustrationProps } from "./figure";
import { Box, Button, Callout, Highlight, Label, middle } from "./primitives";
import { TOKEN_MAX_EXPIRY_DAYS } from "../steps";

const HEIGHT = 352;

/** Step 2, second screen: the dialog asking for a Description and an Expiration. */
export function GenerateTokenDialogIllustration(props: IllustrationProps) {
  const t = useTranslations("tailscaleGuide.illustrations.generateTokenDialog");
  const x = DIALOG_INNER_X;
  const description = { x, y: 116, w: DIALOG_INNER_W, h: 40 };
  const expiry = { x, y: 226, w: 120, h: 40 };
  const submit = { x: DIALOG.x + DIALOG.w - DIALOG.padding - 220, y: 312, w: 220, h: 40 };
  return (
    <IllustrationFigure
      {...props}
      height={HEIGHT + 2 * DIALOG.y}
      title={t("title")}
      description={t("description", { days: TOKEN_MAX_EXPIRY_DAYS })}
      defaultCaption={t("caption")}
    >
      <DialogShell height={HEIGHT} title="Generate access token">
        <Label x={x} y={104} weight={600}>
          Description
        </Label>
        <Box {...description} r={8} fill="input" stroke="field" />
        <Label x={x + 14} y={middle(description.y, description.h, 16)} size={16}>
          Tailnet Connect
        </Label>
        <Label x={x} y={178} size={14} tone="muted">
          Optional. Helps you recognise the token later.
        </Label>

        <Label x={x} y={214} weight={600}>
          Expiration
        </Label>
        <Box {...expiry} r={8} fill="input" stroke="field" />
        <Label x={x + 14} y={middle(expiry.y, expiry.h, 16)} size={16}>
          90
        </Label>
        <Label x={expiry.x + expiry.w + 12} y={middle(expiry.y, expiry.h, 16)} size={16}>
          days
        </Label>
        <Label x={x} y={288} size={14} tone="muted">
          Between 1 and 90 days.
        </Label>

        <Button x={submit.x - 108} y={submit.y} w={96} h={submit.h} label="Cancel" />
        <Button {...submit} label="Generate access token" primary />
      </DialogShell>

      <Highlight x={description.x - 5} y={description.y - 5} w={description.w + 10} h={description.h + 10} />
      <Callout n={3} cx={description.x + description.w + 3} cy={description.y - 5} />
      <Highlight x={expiry.x - 5} y={expiry.y - 5} w={expiry.w + 70} h={expiry.h + 10} />
      <Callout n={4} cx={expiry.x + expiry.w + 66} cy={expiry.y - 5} />
      <Highlight x={submit.x - 5} y={submit.y - 5} w={submit.w + 10} h={submit.h + 10} />
      <Callout n={5} cx={submit.x - 5} cy={submit.y - 5} />
    </IllustrationFigure>
  );
}
