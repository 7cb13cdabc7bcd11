import { describe, expect, it } from "vitest";
import { withTestDatabase } from "@/lib/testing/database";
import { createUser } from "@/lib/testing/factories";
import { listRecentDeliveries, resendDelivery } from "./endpoints";

const db = withTestDatabase();

/** One failed delivery to the person's own endpoint, and one to the instance-wide WEBHOOK_URL. */
async function deliveriesOf(ownerId: string) {
  const endpoint = await db().webhookEndpoint.create({
    data: {
      userId: ownerId,
      url: "https://hooks.example.com/x",
      events: ["connection.created"],
      secretCiphertext: "x",
    },
  });
  const failed = { channel: "webhook", eventType: "connection.created", payload: "{}", status: "failed", attempts: 8 };
  const own = await db().outboxMessage.create({
    data: { ...failed, userId: ownerId, endpointId: endpoint.id, eventId: `evt_own_${ownerId}` },
  });
  const instance = await db().outboxMessage.create({
    data: { ...failed, userId: ownerId, endpointId: null, eventId: `evt_instance_${ownerId}` },
  });
  return { own, instance };
}

describe("recent deliveries: whose a person sees and may resend", () => {
  it("shows a person their own endpoints' deliveries, never the instance-wide WEBHOOK_URL's", async () => {
    const person = await createUser();
    const { own, instance } = await deliveriesOf(person.id);
    const seen = (await listRecentDeliveries({ ownerId: person.id, operator: false })).map((d) => d.id);
    expect(seen).toContain(own.id);
    expect(seen).not.toContain(instance.id);
    expect(await resendDelivery({ ownerId: person.id, operator: false }, instance.id)).toBe(false);
    expect((await db().outboxMessage.findUniqueOrThrow({ where: { id: instance.id } })).status).toBe("failed");
  });

  it("shows an operator the instance-wide deliveries of every account too, and lets them resend one", async () => {
    const operator = await createUser();
    const someone = await createUser();
    const theirs = await deliveriesOf(someone.id);
    const seen = (await listRecentDeliveries({ ownerId: operator.id, operator: true }, 100)).map((d) => d.id);
    expect(seen).toContain(theirs.instance.id);
    // Another account's own endpoint stays theirs alone.
    expect(seen).not.toContain(theirs.own.id);
    expect(await resendDelivery({ ownerId: operator.id, operator: true }, theirs.own.id)).toBe(false);
    expect(await resendDelivery({ ownerId: operator.id, operator: true }, theirs.instance.id)).toBe(true);
    const again = await db().outboxMessage.findUniqueOrThrow({ where: { id: theirs.instance.id } });
    expect(again).toMatchObject({ status: "pending", attempts: 0, eventId: `evt_instance_${someone.id}` });
  });
});
