// @ts-check
// Finding a question in a practitioner's own words: whole words rather than substrings (so
// "cce" does not find "acce-ss"), plurals and common endings folded ("bruises", "grabbed",
// "hitting"), the ruleset's synonym groups ("dad", "step-dad", "boyfriend"), and results ranked
// by how well each question matches. When nothing matches, the nearest words and the groups to
// browse are suggested.

/** Words that say nothing about which question is meant. */
const STOP = new Set(
  'a an and are as at be been being but by can could did do does for from had has have he her him his i if in into is it its me my of on or our she so that the their them they this to was we were what when who will with you your child childs kid kids young person people'.split(
    ' ',
  ),
);

/**
 * A word reduced to a common stem, the same way for questions and searches: "bruises" and
 * "bruised" meet at "bruis", "grabbed" and "grabbing" at "grab". Not a linguist's stemmer:
 * what matters is that both sides fold alike.
 *
 * @param {string} word  lower case
 */
export function stem(word) {
  let w = word.replace(/'s$/, '').replace(/'/g, '');
  if (w.length <= 3) return w;
  const undouble = (/** @type {string} */ s) => (/([bdfgklmnprt])\1$/.test(s) && !/(ll|ss|ff)$/.test(s) ? s.slice(0, -1) : s);
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('ied') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('ing') && w.length > 5) return trimE(undouble(w.slice(0, -3)));
  if (w.endsWith('ed') && w.length > 4) return trimE(undouble(w.slice(0, -2)));
  if (/(ches|shes|sses|xes|zes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('es') && w.length > 4) return trimE(w.slice(0, -1));
  if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  return trimE(w);
}

/**
 * "bruise" and "bruis(ed)" meet: a final silent e is dropped after a consonant.
 *
 * @param {string} w
 */
function trimE(w) {
  return w.length > 4 && w.endsWith('e') && !/[aeiou]e$/.test(w) ? w.slice(0, -1) : w;
}

/**
 * The words of a text, lower case, without punctuation ("step-dad" is "step dad").
 *
 * @param {string} text
 */
export function words(text) {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9']+/g, ' ')
    .split(' ')
    .filter(Boolean);
}

/**
 * @typedef {{ id: string, text: string, help?: string | null, terms?: string[], domain: string }} Searchable
 * @typedef {{ id: string, score: number }} Match
 * @typedef {{ stems: Set<string>, phrase: string, weight: number }} Field
 * @typedef {{ entries: { id: string, fields: Field[] }[], synonyms: string[][], vocabulary: Set<string>, rarity: Map<string, number>, domains: Map<string, string> }} Index
 */

/** How much a match in each part of a question counts. */
const WEIGHTS = { text: 3, terms: 3, help: 1, domain: 1 };

/**
 * An index of the questions to search.
 *
 * @param {Searchable[]} indicators
 * @param {{ synonyms?: string[][], domains?: { id: string, name: string }[] }} description
 * @returns {Index}
 */
export function buildIndex(indicators, description) {
  const domains = new Map((description.domains ?? []).map((d) => [d.id, d.name]));
  const vocabulary = new Set();
  /** @type {(text: string, weight: number) => Field} */
  const field = (text, weight) => {
    const list = words(text);
    for (const w of list) if (!STOP.has(w)) vocabulary.add(w);
    return { stems: new Set(list.map(stem)), phrase: ` ${list.map(stem).join(' ')} `, weight };
  };
  const entries = indicators.map((indicator) => ({
    id: indicator.id,
    fields: [
      field(indicator.text, WEIGHTS.text),
      field((indicator.terms ?? []).join(' , '), WEIGHTS.terms),
      field(indicator.help ?? '', WEIGHTS.help),
      field(domains.get(indicator.domain) ?? '', WEIGHTS.domain),
    ],
  }));
  // A word found in few questions says more about which one is meant than one found in many.
  const counts = new Map();
  for (const entry of entries) {
    for (const s of new Set(entry.fields.flatMap((f) => [...f.stems]))) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const rarity = new Map([...counts].map(([s, n]) => [s, Math.log(1 + entries.length / n)]));
  const synonyms = (description.synonyms ?? []).map((group) => group.map((phrase) => words(phrase).map(stem).join(' ')));
  for (const group of description.synonyms ?? []) for (const phrase of group) for (const w of words(phrase)) if (!STOP.has(w)) vocabulary.add(w);
  return { entries, synonyms, vocabulary, rarity, domains };
}

/**
 * What the search asks for: each meaningful word of the query (or a synonym phrase in it), with
 * every form it may take. A word that matches nothing is read as the nearest known word, so a
 * tired practitioner's "neglet" still finds neglect.
 *
 * @param {Index} index
 * @param {string} query
 * @returns {{ parts: { original: string, alternatives: string[] }[], corrected: string[] }}
 */
export function parts(index, query) {
  const typed = words(query);
  const stems = typed.map(stem);
  const line = ` ${stems.join(' ')} `;
  /** @type {{ original: string, alternatives: string[] }[]} */
  const found = [];
  /** @type {string[]} */
  const corrected = [];
  const used = new Set();
  // Phrases from the synonym list first ("county lines", "step dad"), longest first.
  const phrases = index.synonyms.flatMap((group) => group.map((phrase) => ({ phrase, group }))).sort((a, b) => b.phrase.length - a.phrase.length);
  for (const { phrase, group } of phrases) {
    if (!phrase.includes(' ') || !line.includes(` ${phrase} `)) continue;
    const start = stems.findIndex((_, i) => stems.slice(i, i + phrase.split(' ').length).join(' ') === phrase);
    const span = phrase.split(' ').map((_, k) => start + k);
    if (start < 0 || span.some((p) => used.has(p))) continue;
    for (const p of span) used.add(p);
    found.push({ original: phrase, alternatives: [...new Set([phrase, ...group])] });
  }
  typed.forEach((word, i) => {
    if (used.has(i) || STOP.has(word) || STOP.has(stems[i])) return;
    let s = stems[i];
    if (!known(index, s)) {
      const near = nearest(index, word);
      if (near) {
        corrected.push(near);
        s = stem(near);
      }
    }
    const groups = index.synonyms.filter((group) => group.includes(s));
    found.push({ original: s, alternatives: [...new Set([s, ...groups.flat()])] });
  });
  return { parts: found, corrected };
}

/**
 * Whether a stem, or a synonym of it, appears anywhere in the questions.
 *
 * @param {Index} index
 * @param {string} s
 */
function known(index, s) {
  if (index.rarity.has(s) || index.synonyms.some((group) => group.includes(s))) return true;
  return s.length >= 4 && [...index.rarity.keys()].some((k) => k.length >= 4 && (k.startsWith(s) || s.startsWith(k)));
}

/**
 * The questions that match, best first.
 *
 * @param {Index} index
 * @param {string} query
 * @returns {Match[]}
 */
export function search(index, query) {
  return searchWithCorrections(index, query).matches;
}

/**
 * The questions that match, best first, and the words that were read as others.
 *
 * @param {Index} index
 * @param {string} query
 * @returns {{ matches: Match[], corrected: string[] }}
 */
export function searchWithCorrections(index, query) {
  const { parts: wanted, corrected } = parts(index, query);
  if (wanted.length === 0) return { matches: [], corrected };
  const rare = (/** @type {string} */ alternative) => Math.max(...alternative.split(' ').map((w) => index.rarity.get(w) ?? 1));
  /** @type {(Match & { matched: number })[]} */
  const matches = [];
  for (const entry of index.entries) {
    let score = 0;
    let matched = 0;
    for (const { original, alternatives } of wanted) {
      let best = 0;
      for (const field of entry.fields) {
        for (const alternative of alternatives) {
          const hit = alternative.includes(' ') ? field.phrase.includes(` ${alternative} `) : field.stems.has(alternative);
          // One word that begins the other ("abus" and "abuser", "disclos" and "disclosur") counts for less.
          const prefix =
            !hit && !alternative.includes(' ') && alternative.length >= 4 && [...field.stems].some((s) => s.length >= 4 && (s.startsWith(alternative) || alternative.startsWith(s)));
          if (!hit && !prefix) continue;
          // The word as typed counts a little more than a synonym of it.
          const value = field.weight * rare(alternative) * (hit ? 1 : 0.5) * (alternative === original ? 1 : 0.8);
          best = Math.max(best, value);
        }
      }
      if (best > 0) matched += 1;
      score += best;
    }
    if (matched > 0) matches.push({ id: entry.id, score: Math.round(score * (matched === wanted.length ? 1.5 : 1) * 100) / 100, matched });
  }
  matches.sort((a, b) => b.score - a.score || b.matched - a.matched);
  return { matches: matches.map(({ id, score }) => ({ id, score })), corrected };
}

/**
 * For a search that found nothing: the known words nearest the ones typed.
 *
 * @param {Index} index
 * @param {string} query
 * @returns {string[]}
 */
export function nearestWords(index, query) {
  return [...new Set(words(query).filter((w) => !STOP.has(w) && w.length >= 3).map((w) => nearest(index, w)).filter((w) => w !== null))];
}

/**
 * The known word nearest one typed, if it is close enough to be a slip of the fingers.
 *
 * @param {Index} index
 * @param {string} word
 * @returns {string | null}
 */
function nearest(index, word) {
  if (word.length < 4) return null;
  let best = { word: '', distance: Infinity };
  for (const candidate of index.vocabulary) {
    if (Math.abs(candidate.length - word.length) > 2) continue;
    const distance = editDistance(word, candidate);
    if (distance < best.distance) best = { word: candidate, distance };
  }
  return best.distance <= (word.length >= 7 ? 2 : 1) ? best.word : null;
}

/**
 * Edits from one word to another, two neighbouring letters swapped counting as one edit (the
 * commonest slip: "brusies" is one edit from "bruises", and two from "buses").
 *
 * @param {string} a
 * @param {string} b
 */
function editDistance(a, b) {
  /** @type {number[]} */
  let before = [];
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 0; i < a.length; i += 1) {
    const next = [i + 1];
    for (let j = 0; j < b.length; j += 1) {
      let distance = Math.min(row[j + 1] + 1, next[j] + 1, row[j] + (a[i] === b[j] ? 0 : 1));
      if (i > 0 && j > 0 && a[i] === b[j - 1] && a[i - 1] === b[j]) distance = Math.min(distance, before[j - 1] + 1);
      next.push(distance);
    }
    before = row;
    row = next;
  }
  return row[b.length];
}
