import "server-only";
import { headers } from "next/headers";
import { CLIENT_ADDRESS_HEADER_NAME } from "./edge-of-server";

/**
 * The client's address as set by our server (server.ts): the socket's peer, or the first
 * X-Forwarded-For entry when TRUST_PROXY is on. Never read X-Forwarded-For directly here.
 */
export async function clientAddress(): Promise<string> {
  return (await headers()).get(CLIENT_ADDRESS_HEADER_NAME) ?? "unknown";
}
