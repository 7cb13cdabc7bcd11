import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { getSettings } from "@/lib/config/settings";
import { getConnectionForOwner } from "@/lib/connections/queries";
import { connectPath, defaultProvider, getProvider, providerText } from "@/lib/providers";
import { rotatedFields } from "@/lib/providers/types";
import { rotateAction } from "../../actions";
import { RotateForm } from "../forms";
import { FieldsScope } from "@/lib/providers/field-scopes";

type Props = { params: Promise<{ id: string }> };

/** "Rotate token" or "Rotate client secret": the provider's word, as on the detail page's link. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const user = await requireUser(`/connections/${id}/rotate`);
  const connection = await getConnectionForOwner(user.id, id);
  const provider = (connection && getProvider(connection.provider)) ?? defaultProvider();
  return {
    title: (await getTranslations("connections.rotate"))("title", {
      noun: (await providerText(provider)).copy.credentialNoun,
    }),
  };
}

export default async function RotatePage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/connections/${id}/rotate`);
  const connection = await getConnectionForOwner(user.id, id);
  if (!connection) notFound();
  const provider = getProvider(connection.provider) ?? defaultProvider();
  const text = await providerText(provider);
  const { copy } = text;
  const t = await getTranslations("connections.rotate");
  const words = { noun: copy.credentialNoun, label: connection.label };
  if (connection.status === "disconnected") {
    return (
      <div className="flex max-w-2xl flex-col gap-4">
        <h1 className="text-2xl font-bold">{t("heading", words)}</h1>
        <p>
          {t.rich("disconnected", {
            ...words,
            link: (chunks) => (
              <Link href={connectPath(provider)} className="underline underline-offset-4">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <Link href={`/connections/${id}`} className="text-sm underline underline-offset-4">
          {t("back", words)}
        </Link>
        <h1 className="text-2xl font-bold">{t("heading", words)}</h1>
        <p className="max-w-2xl text-slate-700 dark:text-slate-300">{copy.rotateLead}</p>
      </div>
      <div className="grid gap-10 lg:grid-cols-[1fr_minmax(20rem,26rem)]">
        <copy.RotateGuide
          headingLevel={2}
          headingId="generate-new-token"
          illustrations
          className="flex flex-col gap-4"
        />
        <div className="lg:sticky lg:top-4 lg:self-start">
          <FieldsScope provider={provider}>
            <RotateForm
              action={rotateAction.bind(null, provider.id)}
              connectionId={connection.id}
              kept={text.fields
                .filter((f) => !rotatedFields(text.fields).includes(f))
                .map((f) => ({
                  label: f.label,
                  value:
                    typeof connection.meta[f.name] === "string" ? String(connection.meta[f.name]) : connection.label,
                }))}
              secrets={rotatedFields(text.fields).map((f) => ({
                name: f.name,
                label: f.label,
                secret: f.secret === true,
              }))}
              hint={copy.rotateFieldHint}
              revokeLabel={provider.revoke ? copy.revokeOldLabel : null}
              bodyLimitBytes={getSettings().BODY_LIMIT_BYTES}
              text={{
                pasteNew: t("pasteNew", words),
                sameTailnet: t("sameTailnet", { ...words, belongsTo: copy.labelTerm.toLowerCase() }),
                revokeOldHint: t("revokeOldHint", words),
                submit: t("submit", words),
                pending: t("pending", words),
              }}
            />
          </FieldsScope>
        </div>
      </div>
    </div>
  );
}
