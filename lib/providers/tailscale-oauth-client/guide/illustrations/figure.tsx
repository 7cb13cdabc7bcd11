// The API-key guide's figure frame: one accessible SVG with a caption (provider folders may import each other).
export { IllustrationFigure, type IllustrationProps } from "@/lib/providers/tailscale/guide/illustrations/figure";
