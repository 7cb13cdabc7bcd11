import { z } from "zod";
import { tokenSchema } from "@/lib/providers/tailscale/fields";

/* The connection action forms, enforced by the server and reused by the browser. No secrets kept. */

const connectionId = z
  .string({ error: "This form lost track of its connection. Reload the page and try again." })
  .min(1, { error: "This form lost track of its connection. Reload the page and try again." })
  .max(100, { error: "This form lost track of its connection. Reload the page and try again." });

/** A checkbox: sent as "on" when ticked, absent when not. */
const checkbox = z.literal("on", { error: "Tick the box or leave it empty." }).optional().transform((v) => v === "on");

export const reverifySchema = z.object({ connectionId });
export const rotateSchema = z.object({ connectionId, token: tokenSchema, revokeOld: checkbox });
export const disconnectSchema = z.object({ connectionId, revokeAtTailscale: checkbox });
