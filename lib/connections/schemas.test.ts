import { describe, expect, it } from "vitest";
import { localizeWith } from "@/lib/actions/localize";
import { parseForm } from "@/lib/forms/parse-form";
import { translatorFor } from "@/lib/i18n/translator";
import { disconnectSchema } from "./schemas";

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

describe("the connection forms' messages", () => {
  it("are keys, answered in the request's language (a tampered hidden field, a tampered box)", async () => {
    const parsed = parseForm(disconnectSchema, form({ connectionId: "", revokeAtTailscale: "yes" }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.state.fieldErrors).toEqual({
      connectionId: ["forms.errors.connectionLost"],
      revokeAtTailscale: ["forms.errors.checkbox"],
    });
    const de = await translatorFor("de");
    const german = localizeWith(
      parsed.state,
      Object.assign((key: string) => de(key as never), { has: (key: string) => de.has(key as never) }),
    );
    expect(german.fieldErrors).toEqual({
      connectionId: [
        "Dieses Formular hat die Zuordnung zu seiner Verbindung verloren. Laden Sie die Seite neu und versuchen Sie es noch einmal.",
      ],
      revokeAtTailscale: ["Setzen Sie das Häkchen oder lassen Sie das Feld leer."],
    });
  });
});
