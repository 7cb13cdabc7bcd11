"use server";

import { revalidatePath } from "next/cache";
import { authenticatedAction } from "@/lib/actions/authenticated-action";
import { createApiKeyFormSchema, createApiKeySchema, revokeApiKeySchema, scopesFromForm } from "@/lib/api/key-schemas";
import { createApiKey, revokeApiKey } from "@/lib/api/keys";
import { isOperator } from "@/lib/auth/operators";

const NOT_OPERATOR = { message: "Only an operator can manage API keys." };

/** Creates a key; the answer carries it once (`shownOnce`), and nothing else ever will. */
export const createApiKeyAction = authenticatedAction(
  createApiKeyFormSchema,
  async (input, { user }) => {
    if (!(await isOperator(user))) return NOT_OPERATOR;
    const parsed = createApiKeySchema.safeParse({ name: input.name, scopes: scopesFromForm(input) });
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
      return { message: "Please correct the highlighted fields.", fieldErrors, values: { name: input.name } };
    }
    const { key, apiKey } = await createApiKey({
      ownerId: user.id,
      name: parsed.data.name,
      scopes: parsed.data.scopes,
    });
    revalidatePath("/settings/api-keys");
    return {
      ok: true,
      message: `API key “${apiKey.name}” created. Copy it now: it is shown this once.`,
      shownOnce: key,
    };
  },
  { keepValues: ["name"] },
);

export const revokeApiKeyAction = authenticatedAction(revokeApiKeySchema, async (input, { user }) => {
  if (!(await isOperator(user))) return NOT_OPERATOR;
  const revoked = await revokeApiKey(user.id, input.keyId);
  revalidatePath("/settings/api-keys");
  return revoked
    ? { ok: true, message: "The key was revoked. Requests with it are refused from now on." }
    : { message: "That key is not yours or was already revoked." };
});
