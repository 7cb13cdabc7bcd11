"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { authenticatedAction } from "@/lib/actions/authenticated-action";
import { createApiKeyFormSchema, createApiKeySchema, revokeApiKeySchema, scopesFromForm } from "@/lib/api/key-schemas";
import { createApiKey, revokeApiKey } from "@/lib/api/keys";
import { isOperator } from "@/lib/auth/operators";

const messages = () => getTranslations("settings.apiKeys.messages");

/** Creates a key; the answer carries it once (`shownOnce`), and nothing else ever will. */
export const createApiKeyAction = authenticatedAction(
  createApiKeyFormSchema,
  async (input, { user }) => {
    const t = await messages();
    if (!(await isOperator(user))) return { message: t("notOperator") };
    const parsed = createApiKeySchema.safeParse({ name: input.name, scopes: scopesFromForm(input) });
    if (!parsed.success) {
      // In English here; the form shows each in the reader's language (app/settings/error-text.ts).
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
      return { message: t("correct"), fieldErrors, values: { name: input.name } };
    }
    const { key, apiKey } = await createApiKey({
      ownerId: user.id,
      name: parsed.data.name,
      scopes: parsed.data.scopes,
    });
    revalidatePath("/settings/api-keys");
    return { ok: true, message: t("created", { name: apiKey.name }), shownOnce: key };
  },
  { keepValues: ["name"] },
);

export const revokeApiKeyAction = authenticatedAction(revokeApiKeySchema, async (input, { user }) => {
  const t = await messages();
  if (!(await isOperator(user))) return { message: t("notOperator") };
  const revoked = await revokeApiKey(user.id, input.keyId);
  revalidatePath("/settings/api-keys");
  return revoked ? { ok: true, message: t("revoked") } : { message: t("notRevoked") };
});
