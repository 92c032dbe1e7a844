// POST /api/v1/me/notifications/{notificationId}/read
import { markNotificationAsRead } from "@/lib/domain/notifications/list-notifications";
import { route } from "@/lib/http/route";
import { markNotificationReadContract } from "@/lib/validation/api/me";

export const POST = route(markNotificationReadContract, ({ actor, params }) =>
  markNotificationAsRead(actor, params.notificationId),
);
