"use client";

import { useEffect } from "react";

export type HostEvent = {
  type: "tailnet-connect:ready" | "tailnet-connect:connected" | "tailnet-connect:cancelled" | "tailnet-connect:error";
  connectionId?: string;
  state?: string;
  outcome?: string;
};

/**
 * Tells the host page that opened this one (a popup's opener, or an iframe's parent) what
 * happened, addressed to each of the session's allowed origins: the browser delivers it only
 * when the host's origin is one of them, never to anyone else (no '*'). A popup closes itself
 * once the host has its final answer.
 */
export function HostMessage({
  origins,
  event,
  closePopup = false,
}: {
  origins: string[];
  event: HostEvent;
  closePopup?: boolean;
}) {
  useEffect(() => {
    const host = window.opener ? (window.opener as Window) : window.parent !== window ? window.parent : null;
    if (!host) return;
    for (const origin of origins) {
      try {
        host.postMessage(event, origin);
      } catch {
        // A malformed origin cannot be addressed; the API refuses those when the session is made.
      }
    }
    if (closePopup && window.opener) window.setTimeout(() => window.close(), 50);
  }, [origins, event, closePopup]);
  return null;
}
