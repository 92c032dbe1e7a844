// POST /api/v1/me/notifications/read-all
import { markNotificationsAsRead } from "@/lib/domain/notifications/list-notifications";
import { route } from "@/lib/http/route";
import { markAllNotificationsReadContract } from "@/lib/validation/api/me";

export const POST = route(markAllNotificationsReadContract, ({ actor }) => markNotificationsAsRead(actor, "all"));
