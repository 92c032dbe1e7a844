// Type-checked lint, Next's rules, and the layer boundaries of ARCHITECTURE.md enforced on every import.
import nextVitals from "eslint-config-next/core-web-vitals";
import prettier from "eslint-config-prettier/flat";
import boundaries from "eslint-plugin-boundaries";
import tseslint from "typescript-eslint";

const layers = [
  { type: "app", pattern: ["app/**", "instrumentation.ts", "proxy.ts"], partialMatch: false },
  { type: "http", pattern: "lib/http/**", partialMatch: false },
  { type: "auth", pattern: "lib/auth/**", partialMatch: false },
  { type: "validation", pattern: "lib/validation/**", partialMatch: false },
  { type: "domain", pattern: "lib/domain/**", partialMatch: false },
  { type: "outbox", pattern: "lib/outbox/**", partialMatch: false },
  { type: "data", pattern: "lib/data/**", partialMatch: false },
  { type: "inngest", pattern: "inngest/**", partialMatch: false },
  { type: "emails", pattern: "emails/**", partialMatch: false },
  {
    type: "shared",
    pattern: ["lib/env.ts", "lib/errors.ts", "lib/log.ts", "lib/request-context.ts", "lib/availability.ts"],
    partialMatch: false,
  },
];

// Who may import whom: app → auth, validation, domain (through lib/http's wrappers); domain → data, validation;
// data → drivers only; inngest → domain.
const allowed = {
  app: ["app", "http", "auth", "validation", "domain", "inngest", "shared"],
  http: ["http", "auth", "domain", "outbox", "validation", "shared"],
  auth: ["auth", "data", "domain", "validation", "shared"],
  validation: ["validation", "shared"],
  domain: ["domain", "outbox", "data", "validation", "emails", "shared"],
  // Delivery plumbing below the decisions: records events in the caller's transaction, relays them to a publisher.
  outbox: ["outbox", "data", "validation", "shared"],
  data: ["data", "shared"],
  inngest: ["inngest", "domain", "outbox", "validation", "shared"],
  emails: ["emails", "validation", "shared"],
  shared: ["shared"],
};

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "lib/data/generated/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "**/*.mjs",
      "**/*.mts",
      "**/*.js",
    ],
  },
  ...nextVitals,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/only-throw-error": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "Read configuration from lib/env.ts.",
        },
      ],
    },
  },
  {
    // No import cycle between files, dynamic imports included (eslint-plugin-import, loaded by Next's config and
    // pinned in package.json). Type-only imports are erased at build time, and packages are not followed
    // (ignoreExternal: they cannot import us back; import/ignore: their files are not even parsed, which was most
    // of the rule's cost, and PGlite's bundle overflows the parser's stack).
    settings: {
      "import/resolver": { typescript: { alwaysTryTypes: true, project: "./tsconfig.json" } },
      "import/ignore": ["node_modules"],
    },
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    files: ["app/**", "lib/**", "inngest/**", "emails/**", "instrumentation.ts", "proxy.ts"],
    ignores: ["**/*.test.ts"],
    plugins: { boundaries },
    settings: {
      "boundaries/elements": layers,
      "boundaries/include": ["app/**", "lib/**", "inngest/**", "emails/**", "instrumentation.ts", "proxy.ts"],
      "import/resolver": { typescript: { alwaysTryTypes: true, project: "./tsconfig.json" } },
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "disallow",
          policies: Object.entries(allowed).map(([from, to]) => ({
            from: { element: { type: from } },
            allow: to.map((type) => ({ to: { element: { type } } })),
          })),
        },
      ],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/generated/prisma/**", "@prisma/client", "@prisma/client/*"],
              message: "Prisma stays in lib/data.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/data/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // Transactions open through lib/data/db/transaction.ts, which carries a write's Idempotency-Key into them.
    files: ["app/**", "lib/**", "inngest/**"],
    ignores: ["lib/data/db/transaction.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "Read configuration from lib/env.ts.",
        },
        {
          selector: "MemberExpression[property.name='$transaction']",
          message: "Open transactions with transaction() from lib/data/db/transaction.ts.",
        },
      ],
    },
  },
  {
    // The env module itself, and scripts/tests/benchmarks and configs that set up the process, read process.env.
    files: [
      "lib/env.ts",
      "next.config.ts",
      "scripts/**",
      "bench/**",
      "tests/**",
      "**/*.test.ts",
      "playwright.config.ts",
      "vitest.config.mts",
      "instrumentation.ts",
    ],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    files: ["tests/**", "**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  // Formatting is Prettier's (npm run format); turn off the lint rules it would fight with.
  prettier,
);
