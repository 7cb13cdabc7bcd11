import { useId, type ReactNode } from "react";

import { Box, VIEW_WIDTH } from "./primitives";

export interface IllustrationProps {
  /** Replaces the visible caption under the drawing. */
  caption?: ReactNode;
  /** Classes for the outer <figure>, e.g. spacing or a max width. */
  className?: string;
  /** Prefix for the ids of the SVG's <title> and <desc>; defaults to a React-generated id. */
  idPrefix?: string;
}

interface FigureProps extends IllustrationProps {
  height: number;
  /** Short name of the screen, read first by screen readers. */
  title: string;
  /** What the screen shows and where each numbered callout points. */
  description: string;
  defaultCaption: ReactNode;
  children: ReactNode;
}

/**
 * A figure holding one drawn admin-console screen: an accessible SVG (role="img", labelled by
 * its own <title> and <desc>) plus a visible caption. Server component: useId works in RSC.
 */
export function IllustrationFigure({
  height,
  title,
  description,
  defaultCaption,
  caption,
  className,
  idPrefix,
  children,
}: FigureProps) {
  const generated = useId();
  const prefix = idPrefix ?? `illustration-${generated.replace(/[^A-Za-z0-9_-]/g, "")}`;
  const titleId = `${prefix}-title`;
  const descId = `${prefix}-desc`;
  return (
    <figure className={["my-6", className].filter(Boolean).join(" ")}>
      <div className="overflow-hidden rounded-xl border border-slate-300 dark:border-slate-600">
        <svg
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
          focusable="false"
          viewBox={`0 0 ${VIEW_WIDTH} ${height}`}
          width="100%"
          className="block h-auto w-full"
        >
          <title id={titleId}>{title}</title>
          <desc id={descId}>{description}</desc>
          <Box x={0} y={0} w={VIEW_WIDTH} h={height} fill="ground" />
          {children}
        </svg>
      </div>
      <figcaption className="mt-2 text-sm text-slate-600 dark:text-slate-300">{caption ?? defaultCaption}</figcaption>
    </figure>
  );
}
