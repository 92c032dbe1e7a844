// The browser's WebAuthn assertion arrives as one JSON string in the sign-in form; its shape is checked before use.
import { passkeyAuthenticationResponse } from "@/lib/validation/passkeys";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";

export function parsePasskeyResponse(raw: unknown): AuthenticationResponseJSON | null {
  if (typeof raw !== "string" || raw.length > 20_000) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = passkeyAuthenticationResponse.safeParse(json);
  return parsed.success ? parsed.data : null;
}
