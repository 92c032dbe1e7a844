// Renders the JSON Schemas of the OpenAPI document as nested lists a person can read: each property with its type,
// whether it is required, its constraints and description. Named schemas ($ref) link to their own section.
import type { ReactNode } from "react";

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  example?: unknown;
  examples?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  additionalProperties?: boolean | JsonSchema;
};

export const schemaAnchor = (name: string) => `schema-${name}`;
const refName = (ref: string) => ref.replace(/^#\/components\/schemas\//, "");

/** `code` spans in the document's descriptions (`posts:read`) become <code>; everything else stays text. */
export function Prose({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <>
      {text.split(/(`[^`]+`)/g).map((part, i) =>
        part.startsWith("`") && part.endsWith("`") && part.length > 2 ? (
          <code key={i} className="rounded bg-stone-100 px-1 py-0.5 font-mono text-[0.85em]">
            {part.slice(1, -1)}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** A schema's type in a few words, with named schemas as links: `string (date-time)`, `array of Channel`, `Channel | null`. */
export function TypeLabel({ schema }: { schema: JsonSchema }): ReactNode {
  if (schema.$ref) {
    const name = refName(schema.$ref);
    return (
      <a href={`#${schemaAnchor(name)}`} className="link font-mono text-[0.85em]">
        {name}
      </a>
    );
  }
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) {
    return variants.map((v, i) => (
      <span key={i}>
        {i > 0 && " | "}
        <TypeLabel schema={v} />
      </span>
    ));
  }
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.includes("array") && schema.items) {
    return (
      <>
        array of <TypeLabel schema={schema.items} />
        {types.includes("null") && " | null"}
      </>
    );
  }
  const name = types.length ? types.join(" | ") : schema.const !== undefined ? "constant" : "any";
  return (
    <span className="font-mono text-[0.85em]">
      {name}
      {schema.format ? ` (${schema.format})` : ""}
    </span>
  );
}

/** Constraints and examples, in words. */
function facts(schema: JsonSchema): string[] {
  const out: string[] = [];
  if (schema.enum) out.push(`one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`);
  if (schema.const !== undefined) out.push(`always ${JSON.stringify(schema.const)}`);
  if (schema.minLength !== undefined && schema.maxLength !== undefined)
    out.push(`${schema.minLength}–${schema.maxLength} characters`);
  else if (schema.maxLength !== undefined) out.push(`at most ${schema.maxLength} characters`);
  else if (schema.minLength !== undefined) out.push(`at least ${schema.minLength} characters`);
  if (schema.minimum !== undefined) out.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) out.push(`≤ ${schema.maximum}`);
  if (schema.minItems !== undefined) out.push(`at least ${schema.minItems} items`);
  if (schema.maxItems !== undefined) out.push(`at most ${schema.maxItems} items`);
  if (schema.pattern) out.push(`matches ${schema.pattern}`);
  if (schema.default !== undefined) out.push(`default ${JSON.stringify(schema.default)}`);
  const example = schema.example ?? schema.examples?.[0];
  if (example !== undefined) out.push(`e.g. ${JSON.stringify(example)}`);
  return out;
}

/** One schema: its type line, then (objects) each property, (arrays) the items' properties, nested. */
export function SchemaView({ schema, depth = 0 }: { schema: JsonSchema; depth?: number }) {
  const props = objectProperties(schema);
  return (
    <div className="text-sm">
      {!props && (
        <p>
          <TypeLabel schema={schema} />
          <Facts schema={schema} />
        </p>
      )}
      {schema.description && !props && (
        <p className="mt-1 text-stone-700">
          <Prose text={schema.description} />
        </p>
      )}
      {props && <PropertyList schema={props} depth={depth} />}
    </div>
  );
}

function Facts({ schema }: { schema: JsonSchema }) {
  const list = facts(schema);
  if (!list.length) return null;
  return <span className="text-stone-600"> · {list.join(" · ")}</span>;
}

/** The object whose properties are shown: the schema itself, or an array's inline item object. */
function objectProperties(schema: JsonSchema): JsonSchema | undefined {
  if (schema.properties) return schema;
  if (schema.items?.properties) return schema.items;
  return undefined;
}

function PropertyList({ schema, depth }: { schema: JsonSchema; depth: number }) {
  const required = new Set(schema.required ?? []);
  const entries = Object.entries(schema.properties ?? {});
  if (entries.length === 0) return <p className="text-stone-600">An empty object.</p>;
  return (
    <ul className={`divide-y divide-stone-100 ${depth > 0 ? "mt-2 border-l-2 border-stone-200 pl-3" : ""}`}>
      {entries.map(([name, prop]) => {
        const nested = depth < 4 ? objectProperties(prop) : undefined;
        const variants = prop.anyOf ?? prop.oneOf;
        const nestedVariant = depth < 4 ? variants?.map(objectProperties).find(Boolean) : undefined;
        return (
          <li key={name} className="py-2">
            <p className="flex flex-wrap items-baseline gap-x-2">
              <code className="font-mono font-semibold text-stone-900">{name}</code>
              <span className="text-stone-700">
                <TypeLabel schema={nested && !prop.items ? { type: prop.type ?? "object" } : prop} />
              </span>
              <span className={`text-xs ${required.has(name) ? "font-semibold text-red-800" : "text-stone-600"}`}>
                {required.has(name) ? "required" : "optional"}
              </span>
              <Facts schema={prop} />
            </p>
            {prop.description && (
              <p className="mt-0.5 text-stone-700">
                <Prose text={prop.description} />
              </p>
            )}
            {(nested ?? nestedVariant) && <PropertyList schema={(nested ?? nestedVariant)!} depth={depth + 1} />}
          </li>
        );
      })}
    </ul>
  );
}
