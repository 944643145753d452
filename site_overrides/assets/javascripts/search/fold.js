/*
 * Folding: what a reader types is compared with the page after the same
 * rule on both sides. Repeats builder/search/normalise.py rule for rule.
 */

export const QUOTES = "\"'“”‘’「」『』〝〞＂＇";
const ZERO = { "○": "〇", "◯": "〇" };

export function foldChar(c) {
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) c = String.fromCharCode(code - 0xfee0);
  else if (c === "\u3000") c = " ";
  c = ZERO[c] || c;
  return c >= "A" && c <= "Z" ? c.toLowerCase() : c;
}

/** Same length in UTF-16 units as the input, so offsets carry over. */
export function fold(text) {
  let out = "";
  for (const c of text) out += c.length === 1 ? foldChar(c) : c;
  return out;
}

export function queryTerms(query) {
  let text = fold(query);
  for (const q of QUOTES) text = text.split(q).join(" ");
  const terms = [];
  for (const t of text.trim().split(/\s+/)) if (t && !terms.includes(t)) terms.push(t);
  return terms.filter((t) => !terms.some((o) => o !== t && o.includes(t)));
}
