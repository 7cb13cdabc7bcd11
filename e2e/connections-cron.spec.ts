import { expect, test } from "@playwright/test";

test("the cron route is a 404 while CRON_SECRET is unset", async ({ request }) => {
  const response = await request.post("/api/cron/verify-connections", {
    headers: { Authorization: "Bearer whatever-it-might-be-0123" },
  });
  expect(response.status()).toBe(404);
});
