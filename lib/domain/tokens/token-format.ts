// The API token format, shared by the token operations (making one) and lib/auth (recognising one in a request):
// `tid_` + 32 random bytes in base64url. Only its sha256 is stored, with the first characters to recognise it by.
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "tid_";
/** Longer than any token we make; anything longer is refused before it is hashed. */
const MAX_TOKEN_LENGTH = 200;

export const hashApiToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Could this be one of our tokens? (Cheap: whether it exists is the database's answer.) */
export const looksLikeApiToken = (token: string) => token.startsWith(TOKEN_PREFIX) && token.length <= MAX_TOKEN_LENGTH;

export function generateApiToken() {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, prefix: token.slice(0, TOKEN_PREFIX.length + 6), tokenHash: hashApiToken(token) };
}
