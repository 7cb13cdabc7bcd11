import type { ReactNode } from "react";

import { Box, Label } from "./primitives";

export const DIALOG = { x: 40, y: 20, w: 520, padding: 24 } as const;
export const DIALOG_INNER_X = DIALOG.x + DIALOG.padding;
export const DIALOG_INNER_W = DIALOG.w - 2 * DIALOG.padding;

/** A modal dialog over the dimmed console, as the generate-token screens appear. */
export function DialogShell({ height, title, children }: { height: number; title: string; children: ReactNode }) {
  return (
    <g>
      <Box x={0} y={0} w={600} h={height + 2 * DIALOG.y} fill="backdrop" />
      <Box x={DIALOG.x} y={DIALOG.y} w={DIALOG.w} h={height} r={16} fill="surface" stroke="border" />
      <Label x={DIALOG_INNER_X} y={DIALOG.y + 42} size={20} weight={600}>
        {title}
      </Label>
      {children}
    </g>
  );
}
