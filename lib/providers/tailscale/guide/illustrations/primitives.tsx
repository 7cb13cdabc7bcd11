import type { ReactNode } from "react";

// Drawing kit for the admin-console illustrations. Light colours are SVG presentation
// attributes, so the drawings read correctly even without the stylesheet; dark colours are
// Tailwind `dark:` classes, which beat presentation attributes in the cascade.
// Contrast (WCAG AA) was checked for each text tone on each surface it is drawn on.

export const VIEW_WIDTH = 600;
const SANS = "ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
const MONO = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace";

const FILL = {
  ground: { fill: "#f3f4f6", className: "dark:fill-slate-950" },
  backdrop: { fill: "#cbd5e1", className: "dark:fill-black" },
  surface: { fill: "#ffffff", className: "dark:fill-slate-900" },
  selected: { fill: "#e5e7eb", className: "dark:fill-slate-800" },
  input: { fill: "#ffffff", className: "dark:fill-slate-950" },
  strong: { fill: "#111827", className: "dark:fill-slate-100" },
  muted: { fill: "#4b5563", className: "dark:fill-slate-300" },
  primary: { fill: "#111827", className: "dark:fill-slate-100" },
  onPrimary: { fill: "#ffffff", className: "dark:fill-slate-900" },
  accent: { fill: "#1d4ed8", className: "dark:fill-blue-300" },
  onAccent: { fill: "#ffffff", className: "dark:fill-slate-950" },
  warning: { fill: "#92400e", className: "dark:fill-amber-300" },
} as const;

const STROKE = {
  border: { stroke: "#d1d5db", className: "dark:stroke-slate-600" },
  field: { stroke: "#6b7280", className: "dark:stroke-slate-400" },
  strong: { stroke: "#111827", className: "dark:stroke-slate-100" },
  muted: { stroke: "#4b5563", className: "dark:stroke-slate-300" },
  accent: { stroke: "#1d4ed8", className: "dark:stroke-blue-300" },
  surface: { stroke: "#ffffff", className: "dark:stroke-slate-900" },
  warning: { stroke: "#92400e", className: "dark:stroke-amber-300" },
} as const;

export type FillTone = keyof typeof FILL;
export type StrokeTone = keyof typeof STROKE;

export function paint(fill?: FillTone, stroke?: StrokeTone) {
  const f = fill ? FILL[fill] : undefined;
  const s = stroke ? STROKE[stroke] : undefined;
  const className = [f?.className, s?.className].filter(Boolean).join(" ") || undefined;
  return { fill: f?.fill ?? "none", stroke: s?.stroke, className };
}

interface BoxProps {
  x: number;
  y: number;
  w: number;
  h: number;
  r?: number;
  fill?: FillTone;
  stroke?: StrokeTone;
  strokeWidth?: number;
}

export function Box({ x, y, w, h, r = 0, fill, stroke, strokeWidth = 1 }: BoxProps) {
  return (
    <rect
      x={x}
      y={y}
      width={w}
      height={h}
      rx={r}
      strokeWidth={stroke ? strokeWidth : undefined}
      {...paint(fill, stroke)}
    />
  );
}

export function Line({
  x1,
  y1,
  x2,
  y2,
  tone = "border",
  width = 1,
}: {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  tone?: StrokeTone;
  width?: number;
}) {
  return <line x1={x1} y1={y1} x2={x2} y2={y2} strokeWidth={width} {...paint(undefined, tone)} />;
}

interface LabelProps {
  x: number;
  /** Baseline. */
  y: number;
  children: ReactNode;
  tone?: FillTone;
  size?: number;
  weight?: 400 | 600 | 700;
  mono?: boolean;
  anchor?: "start" | "middle" | "end";
}

/** Real text, never paths: people search the screen for these words. Sizes stay ≥ 14. */
export function Label({ x, y, children, tone = "strong", size = 15, weight = 400, mono, anchor }: LabelProps) {
  return (
    <text
      x={x}
      y={y}
      fontSize={size}
      fontWeight={weight}
      fontFamily={mono ? MONO : SANS}
      textAnchor={anchor}
      {...paint(tone)}
    >
      {children}
    </text>
  );
}

/** Baseline that centres text of `size` in a box from `top` of height `h`. */
export function middle(top: number, h: number, size = 15): number {
  return Math.round(top + h / 2 + size * 0.35);
}

/** The thick accent ring around what to click or copy. */
export function Highlight({ x, y, w, h, r = 10 }: { x: number; y: number; w: number; h: number; r?: number }) {
  return <Box x={x} y={y} w={w} h={h} r={r} stroke="accent" strokeWidth={4} />;
}

/** Numbered marker; the number, not the colour, ties it to the written instruction. */
export function Callout({ n, cx, cy }: { n: number; cx: number; cy: number }) {
  return (
    <g data-callout={n}>
      <circle cx={cx} cy={cy} r={14} strokeWidth={2.5} {...paint("accent", "surface")} />
      <Label x={cx} y={cy + 5.5} size={16} weight={700} tone="onAccent" anchor="middle">
        {n}
      </Label>
    </g>
  );
}

export function Button({
  x,
  y,
  w,
  label,
  primary = false,
  h = 38,
}: {
  x: number;
  y: number;
  w: number;
  label: string;
  primary?: boolean;
  h?: number;
}) {
  return (
    <g>
      <Box
        x={x}
        y={y}
        w={w}
        h={h}
        r={8}
        fill={primary ? "primary" : "surface"}
        stroke={primary ? undefined : "field"}
      />
      <Label x={x + w / 2} y={middle(y, h)} anchor="middle" weight={600} tone={primary ? "onPrimary" : "strong"}>
        {label}
      </Label>
    </g>
  );
}

/** Two overlapping sheets: the console's copy-to-clipboard icon, simplified. */
export function CopyIcon({ x, y }: { x: number; y: number }) {
  return (
    <g strokeWidth={2}>
      <rect x={x + 5} y={y} width={11} height={13} rx={2} {...paint(undefined, "muted")} />
      <rect x={x} y={y + 5} width={11} height={13} rx={2} {...paint("surface", "muted")} />
    </g>
  );
}

export const TABS = ["Machines", "Apps", "Services", "Users", "Access controls", "Logs", "DNS", "Settings"] as const;
// Left edges chosen for the widest likely fallback font (DejaVu Sans at 14px), so no tab overlaps.
const TAB_X = [16, 92, 140, 219, 276, 408, 455, 500] as const;
export const TOP_BAR_HEIGHT = 92;
/** Box around the "Settings" tab, for a highlight ring. */
export const SETTINGS_TAB_BOX = { x: 490, y: 54, w: 84, h: 36 } as const;

/** White top bar: neutral mark, tailnet name, signed-in user, and the tab row with Settings active. */
export function AdminTopBar({ tailnetName = "example.com", user = "Alice" }: { tailnetName?: string; user?: string }) {
  return (
    <g>
      <Box x={0} y={0} w={VIEW_WIDTH} h={TOP_BAR_HEIGHT} fill="surface" />
      {/* A neutral mark (not Tailscale's logo): a rounded square with a diamond. */}
      <Box x={16} y={13} w={26} h={26} r={6} fill="primary" />
      <rect x={23} y={20} width={12} height={12} transform="rotate(45 29 26)" {...paint("onPrimary")} />
      <Label x={54} y={32} size={16} weight={600}>
        {tailnetName}
      </Label>
      <Label x={544} y={31} size={14} tone="muted" anchor="end">
        {user}
      </Label>
      <circle cx={570} cy={26} r={14} {...paint("selected", "border")} />
      <Label x={570} y={31} size={14} weight={600} anchor="middle">
        {user.charAt(0).toUpperCase()}
      </Label>
      {TABS.map((tab, i) => {
        const active = tab === "Settings";
        return (
          <Label
            key={tab}
            x={TAB_X[i] ?? 0}
            y={77}
            size={14}
            weight={active ? 600 : 400}
            tone={active ? "strong" : "muted"}
          >
            {tab}
          </Label>
        );
      })}
      <Box x={500} y={86} w={60} h={3} r={1.5} fill="strong" />
      <Line x1={0} y1={TOP_BAR_HEIGHT - 0.5} x2={VIEW_WIDTH} y2={TOP_BAR_HEIGHT - 0.5} />
    </g>
  );
}

const MENU = [
  { label: "General" },
  { label: "User management" },
  { label: "Device management" },
  { label: "Webhooks" },
  { label: "OAuth clients" },
  { label: "Personal settings", group: true },
  { label: "Keys" },
] as const;
export type SettingsMenuItem = "General" | "Keys";
export const MENU_X = 12;
export const MENU_WIDTH = 188;
const MENU_TOP = 108;
const MENU_ROW = 34;

/** Box of one left-menu row, for a highlight ring or callout. */
export function menuItemBox(item: SettingsMenuItem) {
  const index = MENU.findIndex((m) => m.label === item);
  return { x: MENU_X, y: MENU_TOP + index * MENU_ROW, w: MENU_WIDTH, h: MENU_ROW - 4 };
}

/** Settings' left menu, with "Keys" under the "Personal settings" group. */
export function SettingsMenu({ active }: { active: SettingsMenuItem }) {
  return (
    <g>
      {MENU.map((item, i) => {
        const top = MENU_TOP + i * MENU_ROW;
        const isActive = item.label === active;
        const isGroup = "group" in item;
        return (
          <g key={item.label}>
            {isActive ? <Box x={MENU_X} y={top} w={MENU_WIDTH} h={MENU_ROW - 4} r={8} fill="selected" /> : null}
            <Label
              x={MENU_X + 12}
              y={middle(top, MENU_ROW - 4, isGroup ? 14 : 15) + (isGroup ? 4 : 0)}
              size={isGroup ? 14 : 15}
              weight={isActive || isGroup ? 600 : 400}
              tone={isActive ? "strong" : "muted"}
            >
              {item.label}
            </Label>
          </g>
        );
      })}
    </g>
  );
}
