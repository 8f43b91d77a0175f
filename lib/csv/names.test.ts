import { describe, expect, it } from "vitest";
import { splitFullName } from "./names";

describe("splitFullName", () => {
  it.each([
    ["Dana Reyes", "Dana", "Reyes", ""],
    ["Dr. Dana Reyes", "Dana", "Reyes", ""],
    ["Dr Dana Reyes PhD", "Dana", "Reyes", "PhD"],
    ["Dr. Reyes", "Dr.", "Reyes", ""],
    ["  Dana   Reyes ", "Dana", "Reyes", ""],
    ["Cher", "Cher", "", ""],
    ["", "", "", ""],
    ["Mary Ann Smith", "Mary Ann", "Smith", ""],
    ["Ludwig van Beethoven", "Ludwig", "van Beethoven", ""],
    ["Anna van der Berg", "Anna", "van der Berg", ""],
    ["Juan de la Cruz", "Juan", "de la Cruz", ""],
    ["Martin Luther King Jr.", "Martin Luther", "King", "Jr."],
    ["Sam Ortiz, Jr.", "Sam", "Ortiz", "Jr."],
    ["Zoë Martín-López", "Zoë", "Martín-López", ""],
    ["Van Morrison", "Van", "Morrison", ""],
    ["van Gogh", "van", "Gogh", ""],
  ])("%j → given %j, family %j, suffix %j", (input, given, family, suffix) => {
    expect(splitFullName(input)).toMatchObject({ given, family, suffix });
  });

  it("keeps a leading honorific as the prefix", () => {
    expect(splitFullName("Prof. Ana Lima").prefix).toBe("Prof.");
    expect(splitFullName("Ana Lima").prefix).toBe("");
  });
});
