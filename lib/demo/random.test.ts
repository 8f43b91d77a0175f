import { describe, expect, it } from "vitest";
import { createRandom, mixSeed } from "./random";

const draw = (seed: number, n = 20) => {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => random.next());
};

describe("createRandom", () => {
  it("repeats exactly for the same seed and differs for another", () => {
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it("keeps floats in [0, 1) and integers within both bounds", () => {
    const random = createRandom(7);
    const ints = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const value = random.next();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
      ints.add(random.int(1, 5));
    }
    expect([...ints].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it("picks by weight", () => {
    const random = createRandom(3);
    let heavy = 0;
    for (let i = 0; i < 10_000; i++) {
      if (
        random.weighted([
          ["heavy", 9],
          ["light", 1],
        ]) === "heavy"
      )
        heavy++;
    }
    expect(heavy).toBeGreaterThan(8700);
    expect(heavy).toBeLessThan(9300);
  });

  it("samples distinct items in list order, never more than there are", () => {
    const random = createRandom(11);
    const items = ["a", "b", "c", "d", "e"];
    for (let i = 0; i < 100; i++) {
      const chosen = random.sample(items, 3);
      expect(new Set(chosen).size).toBe(3);
      expect([...chosen].sort()).toEqual(chosen);
    }
    expect(random.sample(items, 10)).toEqual(items);
    expect(() => random.pick([])).toThrow();
  });
});

describe("mixSeed", () => {
  it("gives unrelated seeds for neighbouring inputs", () => {
    const seeds = new Set<number>();
    for (let index = 0; index < 1000; index++) seeds.add(mixSeed(1, 3, index));
    expect(seeds.size).toBe(1000);
    expect(mixSeed(1, 2)).not.toBe(mixSeed(2, 1));
    expect(mixSeed(5, 6)).toBe(mixSeed(5, 6));
  });
});
