import { beforeAll, describe, expect, it } from "vitest";
import { passwordProblem } from "./password-strength";

describe("passwordProblem (NIST SP 800-63B: no common or dictionary passwords, no composition rules)", () => {
  // Loading the word lists (once per process) is the slow part; not any one case's.
  beforeAll(() => passwordProblem("warm up the dictionaries"), 60_000);

  it.each([
    ["password12", /commonly used password/],
    ["1234567890", /frequently used password/],
    ["qwertyuiop", /too easy to guess/],
    ["iloveyou123", /commonly used password/],
  ])("refuses %s, saying why", async (password, why) => {
    const problem = await passwordProblem(password);
    expect(problem).toMatch(/^is too easy to guess: /);
    expect(problem).toMatch(why);
  });

  it("refuses a password made of the person's own name and address", async () => {
    expect(
      await passwordProblem("adalovelace1815", { email: "adalovelace1815@example.test", name: "Ada Lovelace" }),
    ).toMatch(/too easy to guess/);
  });

  it.each(["correct horse battery", "long enough pw", "a whole new phrase", "plum tram velvet 42"])(
    "accepts %s (length and unpredictability, not symbols, make it good)",
    async (password) => {
      expect(await passwordProblem(password, { email: "someone@example.test", name: "Some One" })).toBeNull();
    },
  );
});
