/** "1 contact", "1,204 contacts" (thousands separated: imports run into the thousands). */
export function countText(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}
