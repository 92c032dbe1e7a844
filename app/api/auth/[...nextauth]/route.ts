// GET, POST /api/auth/* — Auth.js (sign in, sign out, session, CSRF, provider callbacks), at APP_URL's origin.
import { atAppOrigin } from "@/lib/auth/app-origin";
import { handlers } from "@/lib/auth/next-auth";

export const GET = atAppOrigin(handlers.GET);
export const POST = atAppOrigin(handlers.POST);
