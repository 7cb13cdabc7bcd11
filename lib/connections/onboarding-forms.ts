import { z } from "zod";
import { organizationSchema, tokenSchema } from "@/lib/providers/tailscale/fields";

/*
 * The connect flow's forms, shared by the server actions and the browser's instant checks.
 * No `server-only`: client components import these.
 */
export const organizationFormSchema = z.object({ tailnet: organizationSchema });
export const tokenFormSchema = z.object({ token: tokenSchema });
/** Connect sends no values: both come from the draft cookies, and are checked again there. */
export const connectFormSchema = z.object({});

/** The connect flow's pages, in order: the stepper, back links and "continue" read this. */
export const CONNECT_STEPS = [
  { key: "start", name: "Before you start", path: "/connect/tailscale" },
  { key: "organization", name: "Organization", path: "/connect/tailscale/organization" },
  { key: "token", name: "Access token", path: "/connect/tailscale/token" },
  { key: "review", name: "Review and connect", path: "/connect/tailscale/review" },
  { key: "done", name: "Done", path: "/connect/tailscale/done" },
] as const;
export type ConnectStepKey = (typeof CONNECT_STEPS)[number]["key"];
