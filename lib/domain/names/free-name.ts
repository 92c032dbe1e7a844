// Picking a name nobody holds yet (a person's @handle, a workspace's URL slug): the base, then base2, base3, …
// Concurrent pickers of the same base take turns (a transaction-scoped lock), so two people called Ada signing
// up at the same instant get "ada" and "ada2" rather than one of them a 409.
import { lockName, type Tx } from "@/lib/data/db/client";
import { AppError } from "@/lib/errors";

export { toNameBase } from "./name-base";

export async function freeName(
  tx: Tx,
  scope: "handle" | "workspace-slug",
  base: string,
  separator: "" | "-",
  taken: (candidate: string) => Promise<boolean>,
): Promise<string> {
  await lockName(tx, `${scope}:${base}`);
  for (let n = 1; n <= 1000; n++) {
    const candidate = n === 1 ? base : `${base}${separator}${n}`;
    if (!(await taken(candidate))) return candidate;
  }
  throw new AppError(
    "CONFLICT",
    `No free ${scope === "handle" ? "handle" : "address"} is left for "${base}"; choose another name`,
  );
}
