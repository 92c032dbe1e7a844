// GET, PATCH /api/v1/me
import { getMe } from "@/lib/domain/users/get-me";
import { updateProfile } from "@/lib/domain/users/update-profile";
import { route } from "@/lib/http/route";
import { getMeContract, updateMeContract } from "@/lib/validation/api/me";

export const GET = route(getMeContract, ({ actor }) => getMe(actor));
export const PATCH = route(updateMeContract, ({ actor, body }) => updateProfile(actor, body));
