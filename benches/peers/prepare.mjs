// The flat input every peer evaluates, made from a Waymark case.
//
// A peer engine sees plain values, not a case: the answers, the child's age as an interval of
// months, how many events fall in each window the rules ask about (as of the assessment date),
// the context facts, the referral outcome, and whether a worry is recorded. `prepare` does that
// flattening, with the same reading of the case as src/case.rs and src/eval.rs (`bind`). It is
// part of every peer's timed call: Waymark is given the case itself and does this work inside
// `assess`, so a peer must pay for it too.

import { keyOf } from './translate.mjs';

/** An age interval wide enough to hold any age: "not known" fits every bound and none certainly. */
const UNKNOWN_AGE = 1e9;

/**
 * Days since 1970-01-01 of a `YYYY-MM-DD` date (Howard Hinnant's days_from_civil, as src/date.rs),
 * so that windows are integer arithmetic and no time zone is involved.
 * @param {number} year
 * @param {number} month
 * @param {number} day
 */
function dayNumber(year, month, day) {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** @param {string} text `YYYY-MM-DD` or `YYYY-MM` (the first of the month) */
function parts(text) {
  return [Number(text.slice(0, 4)), Number(text.slice(5, 7)), text.length > 7 ? Number(text.slice(8, 10)) : 1];
}

/** @param {string} text */
const parseDay = (text) => dayNumber(...parts(text));

/**
 * @param {number} year
 * @param {number} month 1 to 12
 */
function daysInMonth(year, month) {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Whole calendar months from birth to the assessment date, as src/date.rs `months_since`.
 * @param {number[]} birth [year, month, day]
 * @param {number[]} asOf [year, month, day]
 */
function monthsSince([y1, m1, d1], [y2, m2, d2]) {
  const months = (y2 - y1) * 12 + (m2 - m1);
  if (months > 0 && d2 < d1) return months - 1;
  if (months < 0 && d2 > d1) return months + 1;
  return months;
}

/**
 * Calendar days back from `asOf` that `n` working days (Monday to Friday) reach, as
 * `Window::WorkingDays` in src/engine.rs.
 * @param {number} asOf a day number
 * @param {number} n
 */
function workingDaysBack(asOf, n) {
  let day = asOf;
  for (let left = n; left > 0; ) {
    day -= 1;
    // Monday is 0: 1970-01-01 was a Thursday.
    if ((((day + 3) % 7) + 7) % 7 < 5) left -= 1;
  }
  return asOf - day;
}

/**
 * Makes the flattening function for one ruleset and one translation plan.
 * @param {any} ruleset the Waymark ruleset (parsed JSON)
 * @param {import('./translate.mjs').Plan} plan what the peers' formulas read
 * @returns {(c: any) => Record<string, unknown>}
 */
export function makePrepare(ruleset, plan) {
  const answerKeys = new Map(ruleset.indicators.map((i) => [i.id, keyOf('a', i.id)]));
  // A yes or an event is a worry unless the indicator only describes the child's circumstances
  // or is marked as no worry in itself (a low-level concern about an adult).
  const worries = new Set(ruleset.indicators.filter((i) => i.kind !== 'circumstance' && i.worry !== false).map((i) => i.id));
  const factKeys = new Map(ruleset.context.facts.map((f) => [f.fact, keyOf('f', f.fact)]));
  const lowest = ruleset.levels.reduce((a, b) => (b.rank < a.rank ? b : a)).id;
  /** Per event indicator, the windows the rules count it in. */
  const windows = new Map();
  /** Every count starts at zero, so each peer compares numbers, never a missing value. */
  const zeros = {};
  for (const w of plan.windows.values()) {
    if (!windows.has(w.indicator)) windows.set(w.indicator, []);
    windows.get(w.indicator).push(w);
    zeros[w.key] = 0;
  }
  const totals = new Map([...plan.totals].map((id) => [id, keyOf('n', id)]));
  for (const key of totals.values()) zeros[key] = 0;
  const workingWindows = [...plan.windows.values()].filter((w) => w.workingDays != null);

  return function prepare(c) {
    const input = { ...zeros, ageFrom: -UNKNOWN_AGE, ageTo: UNKNOWN_AGE, worry: false };
    const asOfParts = parts(c.asOf);
    const asOf = dayNumber(...asOfParts);
    const child = c.child;
    if (child?.dateOfBirth != null) {
      const birth = parts(child.dateOfBirth);
      const months = monthsSince(birth, asOfParts);
      // Before birth, ages count down from -1, so "unborn" is "below zero".
      const age = dayNumber(...birth) > asOf ? Math.min(months, 0) - 1 : months;
      input.ageFrom = input.ageTo = age;
    } else if (child?.ageYears != null) {
      input.ageFrom = child.ageYears * 12;
      input.ageTo = input.ageFrom + 11;
    } else if (child?.ageMonths != null) {
      input.ageFrom = input.ageTo = child.ageMonths;
    }

    let worry = false;
    const answers = c.answers;
    for (const id in answers) {
      const key = answerKeys.get(id);
      if (key === undefined) continue;
      const answer = answers[id];
      input[key] = answer;
      if (answer === 'yes' && worries.has(id)) worry = true;
    }

    const events = c.events;
    if (events !== undefined && events.length > 0) {
      const working = workingWindows.map((w) => workingDaysBack(asOf, w.workingDays));
      for (const e of events) {
        // One of: a day (with perhaps the day it ended), a month, or "N times since" a day.
        const start = parseDay(e.date ?? (e.month !== undefined ? e.month : e.since));
        // An event after the assessment date is not counted (Waymark warns about it).
        if (start > asOf) continue;
        let end = start;
        if (e.until != null) end = parseDay(e.until);
        else if (e.month !== undefined) end = start + daysInMonth(...parts(e.month)) - 1;
        else if (e.since !== undefined) end = Math.max(asOf, start);
        // An event still going on counts as ending today; windows are measured to its end.
        const ago = asOf - Math.min(end, asOf);
        const times = e.times ?? 1;
        if (worries.has(e.indicator)) worry = true;
        const total = totals.get(e.indicator);
        if (total !== undefined) input[total] += times;
        const counted = windows.get(e.indicator);
        if (counted === undefined) continue;
        for (const w of counted) {
          const days = w.days ?? working[workingWindows.indexOf(w)];
          if (ago <= days) input[w.key] += times;
        }
      }
    }

    const facts = c.facts;
    for (const fact in facts) {
      const key = factKeys.get(fact);
      if (key !== undefined) input[key] = facts[fact];
    }
    if (facts?.['still-worried'] === 'yes' && factKeys.has('still-worried')) worry = true;
    if (c.referral != null) input.referral = c.referral;
    if (c.judgement != null && c.judgement.level !== lowest) worry = true;
    input.worry = worry;
    return input;
  };
}
