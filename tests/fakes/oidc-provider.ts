// A real OpenID Connect provider on 127.0.0.1 (the `oidc-provider` package, certified OpenID), for the generic OIDC
// sign-in: next-auth discovers it, sends the browser to its own login page, and exchanges the code with it. Its
// development login page accepts any login; the login picks one of the people registered with addPerson().
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/** `login` (typed on the provider's page) is also the `sub` the provider asserts. */
export type OidcPerson = { login: string; email: string; emailVerified: boolean; name: string };

export async function startOidcProvider(options: {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  port?: number;
}) {
  const people = new Map<string, OidcPerson>();
  // The issuer names the port, so the server listens first and hands requests to the provider once it exists.
  const ref: { handler?: ReturnType<Provider["callback"]> } = {};
  const server: Server = createServer((req, res) => {
    if (ref.handler) void ref.handler(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    findAccount(_ctx, id) {
      const person = people.get(id);
      if (!person) return Promise.resolve(undefined);
      return Promise.resolve({
        accountId: id,
        claims: () => ({
          sub: person.login,
          email: person.email,
          email_verified: person.emailVerified,
          name: person.name,
        }),
      });
    },
    // Consent is the provider's business, not what these tests are about: every login grants what Tidings asks.
    async loadExistingGrant(ctx) {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
    features: { devInteractions: { enabled: true } },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    cookies: { keys: ["tidings-test-oidc-cookie-key"] },
  });
  ref.handler = provider.callback();

  return {
    issuer,
    /** The login typed on the provider's page signs in as this person. */
    addPerson: (person: OidcPerson) => void people.set(person.login, person),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
