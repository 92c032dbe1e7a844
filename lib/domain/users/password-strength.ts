// Password rules, per NIST SP 800-63B: at least 10 characters (the schema), no composition rules, and no password
// that is common, in a breach-derived word list, or built from the person's own name and address. zxcvbn-ts and its
// maintained word lists (common passwords, English words, names, Wikipedia) decide; score 3 of 4 is the bar.
import { AppError } from "@/lib/errors";

export const MIN_PASSWORD_SCORE = 3;

type Checker = (password: string, userInputs: string[]) => { score: number; warning: string | null; hint?: string };

// The dictionaries are a few megabytes: loaded once, on the first password that needs checking.
let checker: Promise<Checker> | undefined;
function loadChecker(): Promise<Checker> {
  checker ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import("@zxcvbn-ts/core"),
      import("@zxcvbn-ts/language-common"),
      import("@zxcvbn-ts/language-en"),
    ]);
    const zxcvbn = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    });
    return (password, userInputs) => {
      const result = zxcvbn.check(password, userInputs);
      return { score: result.score, warning: result.feedback.warning, hint: result.feedback.suggestions[0] };
    };
  })();
  return checker;
}

/** Why the password is refused, in words for the form; null when it is fine. */
export async function passwordProblem(password: string, person: { email?: string; name?: string } = {}) {
  const inputs = ["tidings", ...(person.email ? [person.email, person.email.split("@")[0] ?? ""] : [])];
  if (person.name) inputs.push(...person.name.split(/\s+/));
  const { score, warning, hint } = (await loadChecker())(password.slice(0, 200), inputs.filter(Boolean));
  if (score >= MIN_PASSWORD_SCORE) return null;
  const why = warning ? warning.replace(/\.$/, "").replace(/^./, (c) => c.toLowerCase()) : "it is too easy to guess";
  return `is too easy to guess: ${why}. ${hint ?? "Add more words that are less common."}`;
}

/** Throws VALIDATION_FAILED on the password field (the form shows it there). */
export async function assertStrongPassword(password: string, person: { email?: string; name?: string } = {}) {
  const problem = await passwordProblem(password, person);
  if (problem) throw new AppError("VALIDATION_FAILED", `Password ${problem}`, [{ path: "password", message: problem }]);
}
