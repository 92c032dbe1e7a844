// Wraps a Prisma driver adapter factory so every SQL statement it sends is counted (lib/request-context), on
// PostgreSQL and PGlite alike. Transaction control (BEGIN, COMMIT, ROLLBACK, savepoints) is not counted: the
// adapters send it differently (adapter-pg as statements, PGlite inside its own transaction call), and what a
// contract bounds is the work, not the bracket around it.
import "server-only";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import { noteStatement } from "@/lib/request-context";

const control = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET TRANSACTION)\b/i;
const note = (query: SqlQuery) => {
  if (!control.test(query.sql)) noteStatement();
};

function countQueries<T extends Pick<SqlDriverAdapter, "queryRaw" | "executeRaw">>(target: T): T {
  return new Proxy(target, {
    get(obj, key, receiver) {
      const value: unknown = Reflect.get(obj, key, receiver);
      if (typeof value !== "function") return value;
      if (key === "queryRaw" || key === "executeRaw") {
        return (query: SqlQuery) => {
          note(query);
          return (value as (q: SqlQuery) => unknown).call(obj, query);
        };
      }
      if (key === "startTransaction") {
        return async (...args: unknown[]) =>
          countQueries(await (value as (...a: unknown[]) => Promise<Transaction>).apply(obj, args));
      }
      return (value as (...a: unknown[]) => unknown).bind(obj);
    },
  });
}

export function countingAdapter<F extends SqlDriverAdapterFactory>(factory: F): F {
  return new Proxy(factory, {
    get(obj, key, receiver) {
      const value: unknown = Reflect.get(obj, key, receiver);
      if (key === "connect")
        return async () => countQueries(await (value as () => Promise<SqlDriverAdapter>).call(obj));
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(obj) : value;
    },
  });
}
