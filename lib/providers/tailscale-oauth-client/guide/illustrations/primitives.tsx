// Drawing kit for the OAuth-client illustrations: the API-key guide's kit (provider folders may
// import each other, docs/decisions/0006), plus Settings' left menu as it looks since Tailscale
// renamed "OAuth clients" to "Trust credentials".
import { Box, Label, middle } from "@/lib/providers/tailscale/guide/illustrations/primitives";

export {
  AdminTopBar,
  Box,
  Button,
  Callout,
  CopyIcon,
  Highlight,
  Label,
  Line,
  SETTINGS_TAB_BOX,
  TABS,
  TOP_BAR_HEIGHT,
  VIEW_WIDTH,
  middle,
  paint,
  type FillTone,
  type StrokeTone,
} from "@/lib/providers/tailscale/guide/illustrations/primitives";

const MENU = ["General", "User management", "Device management", "Webhooks", "Trust credentials", "Keys"] as const;
export type SettingsMenuItem = (typeof MENU)[number];
export const MENU_X = 12;
export const MENU_WIDTH = 188;
const MENU_TOP = 108;
const MENU_ROW = 34;

/** Box of one left-menu row, for a highlight ring or callout. */
export function menuItemBox(item: SettingsMenuItem) {
  const index = MENU.indexOf(item);
  return { x: MENU_X, y: MENU_TOP + index * MENU_ROW, w: MENU_WIDTH, h: MENU_ROW - 4 };
}

/** Settings' left menu, with "Trust credentials" (formerly "OAuth clients"). */
export function SettingsMenu({ active }: { active: SettingsMenuItem }) {
  return (
    <g>
      {MENU.map((label, i) => {
        const top = MENU_TOP + i * MENU_ROW;
        const isActive = label === active;
        return (
          <g key={label}>
            {isActive ? <Box x={MENU_X} y={top} w={MENU_WIDTH} h={MENU_ROW - 4} r={8} fill="selected" /> : null}
            <Label
              x={MENU_X + 12}
              y={middle(top, MENU_ROW - 4)}
              weight={isActive ? 600 : 400}
              tone={isActive ? "strong" : "muted"}
            >
              {label}
            </Label>
          </g>
        );
      })}
    </g>
  );
}
