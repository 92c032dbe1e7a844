// GET /api/v1/me/notifications
import { notificationFeed } from "@/lib/domain/notifications/notification-feed";
import { route } from "@/lib/http/route";
import { listNotificationsContract } from "@/lib/validation/api/me";

export const GET = route(listNotificationsContract, ({ actor, query }) => notificationFeed(actor, query));
