import { currentUser } from "@/lib/auth/current-user";
import { getContact } from "@/lib/db/queries/contacts";
import { contentDisposition } from "@/lib/http/download";
import { errorResponse } from "@/lib/http/responses";
import { idSchema } from "@/lib/validations/fields";
import { buildVCard } from "@/lib/vcard/vcard";

// GET /api/contacts/<id>/vcard : one contact as a vCard 4.0 file named after them.
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

/** A file name any operating system accepts, from a person's name. */
function vcardFileName(fullName: string): string {
  const base = fullName
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are not allowed in file names
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 100)
    .replace(/^\.+/, "");
  return `${base || "contact"}.vcf`;
}

export async function GET(_request: Request, { params }: Params) {
  const user = await currentUser();
  if (!user) return errorResponse("unauthenticated");
  const id = idSchema.safeParse((await params).id);
  if (!id.success) return errorResponse("not_found", "That contact was not found.");
  const contact = await getContact(user.id, id.data);
  if (!contact) return errorResponse("not_found", "That contact was not found.");
  return new Response(buildVCard(contact), {
    headers: {
      "Content-Type": "text/vcard; charset=utf-8",
      "Content-Disposition": contentDisposition(vcardFileName(contact.fullName)),
      "Cache-Control": "private, no-store",
    },
  });
}
