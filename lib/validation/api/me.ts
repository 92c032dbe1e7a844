// The caller's own account and notifications. Notifications are per person across workspaces; an API token sees
// only those of its own workspace (as GET /workspaces lists only its own).
import { pageQuery } from "../common";
import { contract } from "../contract";
import {
  markedAllReadResponse,
  markedReadResponse,
  notificationListMeta,
  notificationListResponse,
  notificationParams,
} from "../notifications";
import { meResponse, updateMeInput } from "../users";

export const getMeContract = contract({
  operationId: "getMe",
  method: "GET",
  path: "/me",
  tag: "Me",
  summary: "Read your profile: name, handle, email, time zone",
  auth: { scope: "workspace:read" },
  response: meResponse,
  status: 200,
  maxStatements: 2,
});

export const updateMeContract = contract({
  operationId: "updateMe",
  method: "PATCH",
  path: "/me",
  tag: "Me",
  summary: "Change your name or time zone (what the settings page edits; password and two-step sign-in stay there)",
  auth: { scope: "admin" },
  body: updateMeInput,
  response: meResponse,
  status: 200,
  maxStatements: 2,
});

export const listNotificationsContract = contract({
  operationId: "listNotifications",
  method: "GET",
  path: "/me/notifications",
  tag: "Notifications",
  summary: "List your notifications (mentions; new posts where your level is ALL), newest first, with the unread count",
  auth: { scope: "posts:read" },
  query: pageQuery,
  response: notificationListResponse,
  paginated: true,
  pageMeta: notificationListMeta,
  status: 200,
  maxStatements: 5,
});

export const markNotificationReadContract = contract({
  operationId: "markNotificationRead",
  method: "POST",
  path: "/me/notifications/{notificationId}/read",
  tag: "Notifications",
  summary: "Mark one notification read (again: no change). Reading needs only `posts:read`",
  auth: { scope: "posts:read" },
  params: notificationParams,
  response: markedReadResponse,
  status: 200,
  maxStatements: 3,
});

export const markAllNotificationsReadContract = contract({
  operationId: "markAllNotificationsRead",
  method: "POST",
  path: "/me/notifications/read-all",
  tag: "Notifications",
  summary: "Mark all your notifications read (a token: those of its workspace)",
  auth: { scope: "posts:read" },
  response: markedAllReadResponse,
  status: 200,
  maxStatements: 2,
});
