"use client";

import { useEffect } from "react";

// Set after the first page of this browser tab has rendered: from then on every step that mounts
// was reached by navigating, and its heading takes focus so screen readers start there.
let navigated = false;

/** Moves focus to the step's h1 after a client-side navigation (never on the first load). */
export function FocusStepHeading({ headingId }: { headingId: string }) {
  useEffect(() => {
    if (navigated) document.getElementById(headingId)?.focus();
    navigated = true;
  }, [headingId]);
  return null;
}
