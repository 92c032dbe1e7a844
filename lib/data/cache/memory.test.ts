import { describe, expect, it } from "vitest";
import { createMemoryCache } from "./memory";

describe("the in-process cache", () => {
  it("forgets an entry when its time to live is over", async () => {
    let now = 1_000_000;
    const cache = createMemoryCache({ maxEntries: 10, now: () => now });
    await cache.set("a", { n: 1 }, 5);
    expect(await cache.get(["a", "b"])).toEqual([{ n: 1 }, null]);
    now += 5_000;
    expect(await cache.get(["a"])).toEqual([null]);
  });

  it("stays within its bound, evicting the entry written longest ago", async () => {
    const cache = createMemoryCache({ maxEntries: 2 });
    await cache.set("a", 1, 60);
    await cache.set("b", 2, 60);
    await cache.set("a", 3, 60); // rewritten: now the newest
    await cache.set("c", 4, 60);
    expect(await cache.get(["a", "b", "c"])).toEqual([3, null, 4]);
  });

  it("adds only when absent, and hands out copies", async () => {
    const cache = createMemoryCache({ maxEntries: 10 });
    expect(await cache.add("k", { v: 1 }, 60)).toBe(true);
    expect(await cache.add("k", { v: 2 }, 60)).toBe(false);
    const [value] = (await cache.get(["k"])) as [{ v: number }];
    value.v = 9;
    expect(await cache.get(["k"])).toEqual([{ v: 1 }]);
    await cache.del(["k"]);
    expect(await cache.add("k", { v: 3 }, 60)).toBe(true);
  });
});
