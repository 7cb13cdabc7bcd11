import "server-only";
import { headers } from "next/headers";
import { CLIENT_ADDRESS_HEADER_NAME } from "./edge-of-server";

/**
 * The client's address as set by our server (server.ts): the socket's peer, or, with TRUST_PROXY,
 * the X-Forwarded-For entry our own proxies wrote (clientAddressFor). Never read X-Forwarded-For
 * directly here.
 */
export async function clientAddress(): Promise<string> {
  return (await headers()).get(CLIENT_ADDRESS_HEADER_NAME) ?? "unknown";
}
