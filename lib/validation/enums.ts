// Closed vocabularies shared by schemas and domain types.
export const roles = ["OWNER", "ADMIN", "MEMBER", "GUEST"] as const;
export type Role = (typeof roles)[number];

export const scopes = [
  "workspace:read",
  "channels:read",
  "channels:write",
  "posts:read",
  "posts:write",
  "files:write",
  "members:read",
  "members:write",
  "admin",
] as const;
export type Scope = (typeof scopes)[number];
