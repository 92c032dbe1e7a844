// Every operation of /api/v1. The OpenAPI document is generated from this list, and a test checks that
// it and the route files under app/api/v1 agree both ways.
import * as audit from "./audit";
import * as channels from "./channels";
import * as files from "./files";
import * as inbox from "./inbox";
import * as invites from "./invites";
import * as me from "./me";
import * as members from "./members";
import * as posts from "./posts";
import * as reactions from "./reactions";
import * as search from "./search";
import * as tokens from "./tokens";
import * as webhooks from "./webhooks";
import * as workspaces from "./workspaces";

export const contracts = [
  ...Object.values(workspaces),
  ...Object.values(channels),
  ...Object.values(posts),
  ...Object.values(members),
  ...Object.values(tokens),
  ...Object.values(invites),
  ...Object.values(files),
  ...Object.values(search),
  ...Object.values(inbox),
  ...Object.values(reactions),
  ...Object.values(webhooks),
  ...Object.values(audit),
  ...Object.values(me),
];
