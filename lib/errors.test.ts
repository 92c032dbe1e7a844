import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import { describe, expect, it } from "vitest";
import { databaseUnavailableReason } from "./errors";

describe("databaseUnavailableReason", () => {
  it("reads the driver adapter's error as a raw read gets it (lib/data/db/raw-read.ts), and as Prisma wraps it", () => {
    const shutDown = new DriverAdapterError({
      kind: "postgres",
      code: "57P01",
      severity: "FATAL",
      message: "terminating connection",
      detail: undefined,
      column: undefined,
      hint: undefined,
    });
    expect(databaseUnavailableReason(shutDown)).toBe("terminating connection");
    expect(databaseUnavailableReason(new DriverAdapterError({ kind: "TooManyConnections", cause: "too many" }))).toBe(
      "TooManyConnections",
    );
    const wrapped = {
      name: "PrismaClientKnownRequestError",
      code: "P2010",
      message: "Raw query failed",
      meta: { driverAdapterError: shutDown },
    };
    expect(databaseUnavailableReason(wrapped)).toBe("terminating connection");
  });

  it("leaves other driver errors alone", () => {
    const duplicate = new DriverAdapterError({ kind: "UniqueConstraintViolation", constraint: { fields: ["handle"] } });
    expect(databaseUnavailableReason(duplicate)).toBeUndefined();
  });
});
