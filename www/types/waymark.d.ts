// The values that cross between the engine (Rust, compiled to WebAssembly) and the page.
// Generated from the Rust types by src/typescript.rs: do not edit. After changing a type,
// run `WAYMARK_WRITE_TYPES=1 cargo test --test typescript`, then scripts/build.

/** Something to do, by when, and what asks for it. */
export type ActionItem = {
  /** The action's id in the ruleset. */
  id: string,
  /** What to do, in the ruleset's words. */
  text: string,
  /** How soon. */
  urgency: Urgency,
  /** The latest date by weekdays; local bank holidays are not counted, so this is never late. */
  dueBy: IsoDate,
  /**
   * The ids of what asks for it: the level's id when it is that level's own action, then
   * the rules that fired.
   */
  rules: Array<string>,
};

/** Inclusive bounds in months; either may be open. Ages below zero are before birth. */
export type AgeRange = {
  /** The youngest age, in months; open if absent. */
  minMonths?: number,
  /** The oldest age, in months; open if absent. */
  maxMonths?: number,
};

/** The child's age in months, as the interval the case allows. */
export type AgeSpan = {
  /** The youngest the child can be, in months; below zero before birth. */
  from: number,
  /**
   * The oldest the child can be, in months: the same as `from` but for an age given in
   * whole years.
   */
  to: number,
};

/** An answer to an indicator or a context fact. */
export type Answer = "yes" | "no" | "not-known";

/** A part of the guidance a scenario compares with what was actually decided. */
export type Aspect = "level" | "routes" | "escalation";

/**
 * The guidance for one case: the level of need, what to do and by when, who to tell, how to
 * escalate, what to find out, and why, each with the rules behind it.
 */
export type Assessment = {
  /** The level of need: the engine's, or the practitioner's when theirs is higher. */
  level: LevelRef,
  /** The level the rules alone reach. */
  engineLevel: LevelRef,
  /** A child is in danger now: call 999. */
  immediateDanger: boolean,
  /**
   * The practitioner has recorded a worry: a yes to an indicator that is not a circumstance, a
   * dated event, `still-worried`, their own level above the lowest, or a suspicion of
   * significant harm. A recorded worry always gets an action.
   */
  worryRecorded: boolean,
  /** The practitioner's own view of the level and what became of it; absent when they gave none. */
  judgement: JudgementOutcome | null,
  /** De-duplicated, most urgent first. */
  actions: Array<ActionItem>,
  /**
   * Who to tell: the routes that the fired rules and the level give and that fit this child,
   * most urgent first.
   */
  referrals: Array<Referral>,
  /** Present when escalation applies. */
  escalation: Escalation | null,
  /**
   * Reflective questions the fired rules raise and that fit this child, in the order the rules
   * gave them.
   */
  prompts: Array<PromptItem>,
  /** What to find out, because the answer would change the guidance. */
  questions: Array<Question>,
  /** Every rule that fired, most serious first. */
  reasons: Array<Reason>,
  /**
   * Every rule, in ruleset order, with what decided it; absent when assessed with
   * [`Detail::Guidance`].
   */
  trace?: Array<RuleTrace>,
  /**
   * Things in the case or ruleset worth knowing that did not stop the assessment, such as an
   * event after the assessment date or a ruleset past its review date.
   */
  warnings: Array<Warning>,
  /**
   * What the practitioner told the engine, worded as they saw it: every answer, dated
   * event, context fact and referral outcome given.
   */
  answered: Array<Finding>,
  /** The child's age in months, when known. */
  childAge: AgeSpan | null,
  /** The assessment date, given with the case: the engine has no clock. */
  asOf: IsoDate,
  /** What the guidance is and is not, in the ruleset's words; to show with every assessment. */
  notice: string,
  /** The ruleset that gave this guidance. */
  ruleset: RulesetInfo,
  /** The profile laid over the ruleset (local names and numbers), if any. */
  profile: ProfileInfo | null,
  /** The version of the engine that made the assessment. */
  engineVersion: string,
};

/** A stable kebab-case code for each kind of problem; docs/ruleset-format.md lists them. */
export type Code =
  | "syntax"
  | "bad-text"
  | "too-large"
  | "too-deep"
  | "cyclic"
  | "unreadable"
  | "wrong-type"
  | "bad-value"
  | "unknown-field"
  | "repeated-field"
  | "missing-field"
  | "empty-text"
  | "wrong-format"
  | "bad-id"
  | "duplicate-id"
  | "unknown-source"
  | "unknown-domain"
  | "unknown-indicator"
  | "unknown-level"
  | "unknown-action"
  | "unknown-route"
  | "unknown-prompt"
  | "unknown-stage"
  | "unknown-contact"
  | "unknown-condition"
  | "unknown-lint"
  | "bad-lines"
  | "bad-levels"
  | "no-stages"
  | "wrong-kind"
  | "bad-age-range"
  | "missing-wording"
  | "duplicate-wording"
  | "missing-number"
  | "local-number"
  | "not-national"
  | "bad-synonyms"
  | "empty-safeguard"
  | "safeguard-level"
  | "bad-condition"
  | "empty-condition"
  | "bad-count"
  | "bad-window"
  | "bad-principle"
  | "wrong-ruleset"
  | "national-contact"
  | "conflicting-age"
  | "unknown-fact"
  | "bad-event"
  | "bad-dates"
  | "engine-stopped";

/** An action to take, by when. */
export type CompactAction = {
  /** An id in the description's `actions`. */
  id: string,
  /** How fast. */
  urgency: Urgency,
  /** The latest date, counting weekdays. */
  dueBy: IsoDate,
};

/**
 * An [`Assessment`] with its items named by id. Look each id up in the description:
 * levels in `levels`, actions in `actions`, rules' reasons and sources in `reasons`, routes
 * in `routes`, escalation stages in `escalation`, prompts in `prompts`, indicators in
 * `indicators`, facts in `facts`, referral outcomes in `referralOutcomes`.
 *
 * Only what the page shows: the rules behind each action, prompt and open question are left to
 * the self-contained [`Assessment`], as the page never names them (a referral's and
 * escalation's rules it does, under "Why this route" and "escalate").
 */
export type CompactAssessment = {
  /** The level of need (an id in `levels`): the engine's, or the practitioner's when higher. */
  level: string,
  /** The level the rules alone reach. */
  engineLevel: string,
  /** A child is in danger now: call 999. */
  immediateDanger: boolean,
  /** The practitioner has recorded a worry (or one follows from the answers). */
  worryRecorded: boolean,
  /** The practitioner's own view of the level, and what became of it. */
  judgement: CompactJudgement | null,
  /** Most urgent first. */
  actions: Array<CompactAction>,
  /** Most urgent first. */
  referrals: Array<CompactReferral>,
  /** Present when escalation applies. */
  escalation: CompactEscalation | null,
  /** Things to think about. */
  prompts: Array<CompactPrompt>,
  /** What to find out, because the answer would change the guidance. */
  questions: Array<CompactQuestion>,
  /** Every rule that fired, most serious first. */
  reasons: Array<CompactReason>,
  /** What in the case the practitioner should know, which did not stop the assessment. */
  warnings: Array<Warning>,
  /** Every rule, in ruleset order, with what decided it; only when asked for. */
  trace?: CompactTrace,
  /** The child's age in months, when known. */
  childAge: AgeSpan | null,
  /** The date the case was assessed as at. */
  asOf: IsoDate,
};

/** Escalation, and the rules that call for it. */
export type CompactEscalation = {
  /** Rule ids. */
  why: Array<string>,
  /** Ids in the description's `escalation`, from the stage to start at. */
  stages: Array<string>,
};

/**
 * A [`Finding`] without its wording (the indicator's, fact's or outcome's text is in the
 * description); the commonest tests of an indicator for yes are its id alone or in a list
 * ([`CompactFinding::Unanswered`], [`CompactFinding::Unset`], [`CompactFinding::Given`]).
 */
export type CompactFinding =
  | {
    "test": "yes",
    /** An indicator id. */
    indicator: string,
    /** Absent when not answered. */
    answer: Answer | null,
    /** The test's result. */
    holds: Truth,
  }
  | {
    "test": "not-known",
    /** An indicator id. */
    indicator: string,
    /** Absent when not answered. */
    answer: Answer | null,
    /** The test's result. */
    holds: Truth,
  }
  | {
    "test": "age",
    /** The lowest age in months, if bounded below. */
    minMonths: number | null,
    /** The highest age in months, if bounded above. */
    maxMonths: number | null,
    /** Absent when the age is not known. */
    ageMonths: AgeSpan | null,
    /** The test's result. */
    holds: Truth,
  }
  | {
    "test": "events",
    /** An indicator id. */
    indicator: string,
    /** The window, in days back from the assessment date. */
    withinDays: number,
    /** How many it takes. */
    atLeast: number,
    /** How many were in the window. */
    count: number,
    /** Their dates. */
    dates: Array<IsoDate>,
    /** How many of `count` have dates known only roughly. */
    approximate: number,
    /** The test's result. */
    holds: Truth,
  }
  | {
    "test": "fact",
    /** Which fact. */
    fact: Fact,
    /** Absent when not answered. */
    answer: Answer | null,
    /** The test's result. */
    holds: Truth,
  }
  | {
    "test": "referral",
    /** The outcome tested for. */
    outcome: ReferralOutcome,
    /** Absent when not known. */
    actual: ReferralOutcome | null,
    /** The test's result. */
    holds: Truth,
  }
  | {
    "test": "judgement",
    /** A level id. */
    level: string,
    /** Their reason. */
    reason: string,
    /** The test's result. */
    holds: Truth,
  }
  | string
  | [string]
  | [string, Answer];

/** The practitioner's own view of the level. */
export type CompactJudgement = {
  /** A level id. */
  level: string,
  /** The practitioner's reason, as they wrote it. */
  reason: string,
  /** Whether it raised the level, agreed, or was lower and kept beside it. */
  effect: JudgementEffect,
};

/** Something to think about. */
export type CompactPrompt = {
  /** An id in the description's `prompts`. */
  id: string,
};

/** Something worth finding out. */
export type CompactQuestion = {
  /** What to find out. */
  about: Array<CompactFinding>,
  /** How many of `about` to find out first ([`crate::Question::lead`]). */
  lead: number,
  /** The answer that would change the guidance; absent when several subjects decide together. */
  ifAnswer: Hypothesis | null,
  /** The level (an id) it would rise to, if higher than now. */
  level: string | null,
  /** Route ids that would newly apply. */
  routes: Array<string>,
  /** Escalation would newly apply. */
  escalation: boolean,
};

/** A rule that fired, and what in the case made it fire. */
export type CompactReason = {
  /** An id in the description's `reasons`. */
  rule: string,
  /** The answers and observations that made it fire. */
  evidence: Array<CompactFinding>,
};

/** Someone to tell, by when. */
export type CompactReferral = {
  /** An id in the description's `routes`. */
  route: string,
  /** The route's own speed, or faster when the level of need demands it. */
  urgency: Urgency,
  /** The latest date to refer. */
  dueBy: IsoDate,
  /** When a decision is expected: after it, chase and escalate. */
  decisionBy?: IsoDate,
  /** The consent wording, only when this case calls for other wording than the route's own. */
  consent?: string,
  /** The rules that call for the route. */
  why: Array<string>,
};

/**
 * Every rule with what decided it: what each test found, once, and each rule naming its
 * findings by position. The rules are those of the description's `reasons`, in the same order
 * (the ruleset's, the engine's safeguards last), so their ids are not sent again; and they are
 * lists rather than an object each, which costs the page less to receive.
 */
export type CompactTrace = {
  /** What each test found, once (as in [`crate::Trace`]). */
  findings: Array<CompactFinding>,
  /** Whether each rule fired. */
  status: Array<Status>,
  /**
   * What decided each rule: for rule `i`, the positions in `findings` listed in
   * `because.positions` from index `because.ends[i - 1]` (0 for the first rule) up to, not
   * including, `because.ends[i]`.
   */
  because: Positions,
};

/** A contact with the profile's details laid over the ruleset's. */
export type ContactDetails = {
  /** The id routes and escalation stages name it by. */
  id: string,
  /** Who it is, in the profile's words if it gives them. */
  name: string,
  /** National (its number in the ruleset) or local (its number from a profile). */
  scope: ContactScope,
  /** Its number: a national contact's from the ruleset, a local one's from the profile. */
  phone: string | null,
  /** Its address, from the profile. */
  email: string | null,
  /** When it answers. */
  hours: string | null,
  /** Who to call outside those hours, from the profile. */
  outOfHours: string | null,
  /** Anything else to know before calling. */
  notes: string | null,
  /** False for a local contact no profile has given a number or address. */
  set: boolean,
  /** Where to find the local number, shown while it is not set. */
  findIt?: string,
  /** The national line to use until the local number is set. */
  meanwhile?: Meanwhile,
};

/** National contacts carry their number in the ruleset; local ones get theirs from a profile. */
export type ContactScope = "national" | "local";

/**
 * What a form needs to ask about a child under a ruleset and profile, and the wording it
 * shows: everything but a case's own guidance.
 */
export type Description = {
  /** The ruleset described. */
  ruleset: RulesetInfo,
  /** The profile laid over it (local names and numbers), if any. */
  profile: ProfileInfo | null,
  /** What the guidance is and is not, in the ruleset's words; to show with every assessment. */
  notice: string,
  /** The documents the rules cite. */
  sources: Array<Source>,
  /** In rank order, lowest first. */
  levels: Array<LevelRef>,
  /** The groups indicators are shown in, in this order. */
  domains: Array<Domain>,
  /** Every indicator, in ruleset order. */
  indicators: Array<IndicatorInfo>,
  /** The context facts the ruleset words: the only ones a form asks about. */
  facts: Array<FactItem>,
  /**
   * Every referral outcome with its wording, in a fixed order (`none`, `awaiting`,
   * `accepted`, `early-help`, `closed-no-further-action`, `not-accepted`).
   */
  referralOutcomes: Array<ReferralItem>,
  /** Every route: who to tell, and when. */
  routes: Array<RouteInfo>,
  /** Every contact, with the profile's details. */
  contacts: Array<ContactDetails>,
  /** Every escalation stage, in order. */
  escalation: Array<StageItem>,
  /** Every action a rule can ask for, with its wording. */
  actions: Array<WordedItem>,
  /** Every prompt a rule can raise, with its wording. */
  prompts: Array<WordedItem>,
  /** Every rule's reason, level and sources, in ruleset order (the engine's safeguards last). */
  reasons: Array<ReasonInfo>,
  /** Groups of words and phrases that mean the same thing to a practitioner, for search. */
  synonyms: Array<Array<string>>,
  /** How many rules the ruleset has (not counting the engine's safeguards). */
  rules: number,
  /** The engine's version. */
  engineVersion: string,
};

/** The document a problem was found in. */
export type Document = "ruleset" | "profile" | "case" | "scenario" | "options" | "engine";

/** A group of indicators, shown together and in this order. */
export type Domain = {
  /** The id indicators name it by. */
  id: string,
  /** Its heading. */
  name: string,
  /** What it covers, if said. */
  description: string | null,
  /** Where a form asks this domain's indicators, unless an indicator says otherwise. */
  step: Step,
};

/** Escalation of a professional disagreement: why, and the stages to follow. */
export type Escalation = {
  /** The rules that call for escalation, with their reasons. */
  why: Array<RuleReason>,
  /** The stages to follow in order, from the earliest any of those rules names. */
  stages: Array<StageItem>,
};

/** What is known about the child's situation so far, outside the indicators. */
export type Fact =
  | "looked-after"
  | "cp-plan"
  | "cin-plan"
  | "previous-cp-plan"
  | "previous-care-proceedings"
  | "step-down-proposed"
  | "order-ending"
  | "still-worried";

/** A context fact the ruleset asks about, with its wording. */
export type FactItem = {
  /** The context fact. */
  fact: Fact,
  /** The fact as a form shows it, asking whether it is so. */
  text: string,
  /** Hint text shown under the question. */
  help: string | null,
};

/** One test in a condition, what the case held, and the result. */
export type Finding =
  | {
    "test": "yes",
    /** The indicator's id. */
    indicator: string,
    /** The question, as worded in the ruleset. */
    text: string,
    /** The answer given. */
    answer: Answer | null,
    /**
     * Whether the test held. A test for yes: true when the answer is yes, false when no,
     * unknown when not known or not answered. A test for one answer exactly
     * (`answeredYes`, `answeredNo`): true when that is the answer, false otherwise.
     */
    holds: Truth,
  }
  | {
    "test": "not-known",
    /** The indicator's id. */
    indicator: string,
    /** The question, as worded in the ruleset. */
    text: string,
    /** The answer given. */
    answer: Answer | null,
    /** True when the answer is not known, or when nothing is answered or recorded for it. */
    holds: Truth,
  }
  | {
    "test": "age",
    /** The youngest age the test allows, in months; absent when open. */
    minMonths: number | null,
    /** The oldest age the test allows, in months; absent when open. */
    maxMonths: number | null,
    /** The child's age in months. */
    ageMonths: AgeSpan | null,
    /** Unknown when the age is not known, or known too roughly to say. */
    holds: Truth,
  }
  | {
    "test": "events",
    /** The event indicator's id. */
    indicator: string,
    /** The indicator, as worded in the ruleset. */
    text: string,
    /**
     * How many calendar days back from the assessment date the window reaches, measured to
     * the day each event ended (a window in working days is given in calendar days); 65535
     * when every event counts, as in what was answered and behind a recorded worry.
     */
    withinDays: number,
    /** How many events the test needs. */
    atLeast: number,
    /** How many events ended in the window. */
    count: number,
    /** The first day each counted event could have happened, most recently ended first. */
    dates: Array<IsoDate>,
    /** How many of `count` have dates known only roughly. */
    approximate: number,
    /**
     * True when there are enough; unknown when there are too few but the indicator is
     * answered not known; otherwise false.
     */
    holds: Truth,
  }
  | {
    "test": "fact",
    /** The context fact. */
    fact: Fact,
    /** The fact, as worded in the ruleset. */
    text: string,
    /** The answer given. */
    answer: Answer | null,
    /** True when the answer is yes, false when no, unknown when not known or not answered. */
    holds: Truth,
  }
  | {
    "test": "referral",
    /** The outcome the test asks about. */
    outcome: ReferralOutcome,
    /** That outcome, as worded in the ruleset. */
    text: string,
    /** The referral's outcome, as the case gives it. */
    actual: ReferralOutcome | null,
    /** Whether the outcome is this one; unknown when it is not known. */
    holds: Truth,
  }
  | {
    "test": "judgement",
    /**
     * The id of the level the practitioner gave (the lowest level, with an empty reason,
     * when they gave none).
     */
    level: string,
    /** Their reason, as they gave it. */
    reason: string,
    /**
     * For the `judgementLower` safeguard, whether their level is below the level the rules
     * reach; behind a recorded worry, true: their level is above the lowest.
     */
    holds: Truth,
  };

/** The guidance as it is handed on. */
export type HandOn = {
  /** "Waymark guidance as at 29 November 2026". */
  heading: string,
  /** The emergency, the level and the practitioner's view, before everything else. */
  lead: Array<string>,
  /** What was recorded, then the guidance, in the order a reader needs it. */
  sections: Array<HandOnSection>,
  /** The documents cited, each once; an item's `refs` count from 1 into this list. */
  sources: Array<string>,
  /** The ruleset and its notice. */
  closing: Array<string>,
  /** The ruleset's and engine's identity, for checking which rules gave this guidance. */
  fingerprint: string,
};

/** One line of a section. */
export type HandOnItem = {
  /** The line. */
  text: string,
  /** Lines under it (contacts, consent). */
  sub: Array<string>,
  /** The sources it rests on, counting from 1 into [`HandOn::sources`]. */
  refs: Array<number>,
};

/** One part of a hand-on. */
export type HandOnSection = {
  /** The heading. */
  title: string,
  /** Steps in order (numbered) rather than a list. */
  numbered: boolean,
  /** The lines. */
  items: Array<HandOnItem>,
};

/** What `engine.handOn(…)` returns in the browser: the hand-on and its text. */
export type HandedOn = {
  /** The guidance as it is handed on. */
  handOn: HandOn,
  /** [`HandOn::text`]: the same, as plain text. */
  text: string,
};

/** An answer supposed for an open question. */
export type Hypothesis = "yes" | "no";

/** An indicator: something a practitioner may know or be worried about, as a form asks it. */
export type IndicatorInfo = {
  /** The indicator's id: a case's answers and events name it. */
  id: string,
  /** The id of the domain it is shown in. */
  domain: string,
  /** The question as shown, worded so that yes is the worry. */
  text: string,
  /** Hint text shown under the question. */
  help: string | null,
  /** Other words a practitioner might search for it by. */
  terms: Array<string>,
  /** The ages it is asked about; an answer outside them still counts, with a warning. */
  ages: AgeRange,
  /**
   * Whether it is answered yes, no or not known (a worry or a circumstance) or recorded as
   * dated events.
   */
  kind: IndicatorKind,
  /** Where a form asks it. */
  step: Step,
  /** For an event that can last more than a day, the label of its last day. */
  endLabel?: string,
};

/** What an indicator records: an answer, dated events, or the child's circumstances. */
export type IndicatorKind = "answer" | "event" | "circumstance";

/** A day, written `YYYY-MM-DD`. */
export type IsoDate = string;

/** How the practitioner's level compares with the level the rules reach. */
export type JudgementEffect = "raised" | "agrees" | "lower";

/** The practitioner's own view of the level, and what the engine made of it. */
export type JudgementOutcome = {
  /** The level the practitioner gave. */
  level: LevelName,
  /** Their reason, as they gave it. */
  reason: string,
  /** How it compares with the level the rules reach. */
  effect: JudgementEffect,
};

/** A level named where it is mentioned in passing; [`LevelRef`] gives the whole level once. */
export type LevelName = {
  /** The level's id in the ruleset. */
  id: string,
  /** Its place on the scale: higher is more serious. */
  rank: number,
  /** Its name, in the profile's words when it gives them. */
  name: string,
};

/** A level of need, in full. */
export type LevelRef = {
  /** The level's id in the ruleset. */
  id: string,
  /** Its place on the scale: higher is more serious. */
  rank: number,
  /** The local name, when a profile gives one. */
  name: string,
  /** What the level means, in a practitioner's words (a profile may reword it). */
  meaning: string,
  /** What every child at this level needs. */
  response: string,
  /** The one level meaning a child is in danger now (call 999). */
  emergency: boolean,
};

/** A national contact, named where a local one is not set yet. */
export type Meanwhile = {
  /** The national contact's name. */
  name: string,
  /** Its number. */
  phone: string,
};

/**
 * Lists of positions, one after another in a single list, and where each list ends (a trace
 * has one list per rule: a list each would be an allocation each, and an array each for the
 * page to build). List `i` is `positions[ends[i - 1]..ends[i]]`, the first starting at 0.
 */
export type Positions = {
  /** Every list's positions, the lists one after another. */
  positions: Array<number>,
  /** Where each list ends in `positions`. */
  ends: Array<number>,
};

/** One thing wrong with an input. */
export type Problem = {
  /** The document it is in. */
  document: Document,
  /** Where, as `rules[12].when.all[3].yes`; empty for the document as a whole. */
  path: string,
  /** What kind of problem, such as [`Code::UnknownIndicator`] (`unknown-indicator`). */
  code: Code,
  /** What is wrong, for a person. */
  message: string,
  /** Set only when the position is known from parsing text (natively). */
  line?: number,
  /** With `line`, the column (counting characters from 1). */
  column?: number,
};

/** The profile laid over the ruleset: local names, numbers and escalation timescales. */
export type ProfileInfo = {
  /** The profile's id. */
  id: string,
  /** The organisation it is for. */
  organisation: string,
  /** A digest of the profile's content: two profiles with the same hash say the same. */
  hash: string,
};

/** A reflective question for the practitioner, drawn from the reviews' learning. */
export type PromptItem = {
  /** The prompt's id in the ruleset. */
  id: string,
  /** The question, in the ruleset's words. */
  text: string,
  /** The ids of the rules that raise it. */
  rules: Array<string>,
};

/** Something worth finding out: if it turned out as `ifAnswer`, the guidance would change. */
export type Question = {
  /** What to find out. Several subjects mean the rule needs them together. */
  about: Array<Finding>,
  /**
   * How many of `about`, from the first, to find out first: what the rule needs before the
   * rest can matter. All of them for a question about one subject.
   */
  lead: number,
  /** The answer that would change the guidance; absent when several subjects decide together. */
  ifAnswer: Hypothesis | null,
  /** The level it would rise to, if higher than now. */
  level: LevelName | null,
  /** Routes that would newly apply. */
  routes: Array<RouteRef>,
  /** Escalation would newly apply. */
  escalation: boolean,
  /** The ids of the rules that would fire. */
  rules: Array<string>,
};

/** A rule that fired, and why it matters. */
export type Reason = {
  /** The rule's id. */
  rule: string,
  /** Why, in plain English. */
  reason: string,
  /** The level it sets at least, if any. */
  level: LevelName | null,
  /** The documents it cites. */
  sources: Array<SourceCitation>,
  /** The primer's principles (1 to 10) the rule embodies. */
  principles: Array<number>,
  /** The answers and observations that made the rule fire. */
  evidence: Array<Finding>,
};

/** Why a rule matters, as an assessment's reasons give it. */
export type ReasonInfo = {
  /** The rule's id. */
  rule: string,
  /** Why, in plain English. */
  reason: string,
  /** The level it sets at least, if any. */
  level: LevelName | null,
  /** The documents it cites. */
  sources: Array<SourceCitation>,
  /** The primer's principles (1 to 10) the rule embodies. */
  principles: Array<number>,
};

/** Who to tell: a route the guidance calls for. */
export type Referral = {
  /** The route's id in the ruleset. */
  route: string,
  /** Who to tell. */
  name: string,
  /** When this route is the right one, in the ruleset's words. */
  when: string,
  /** The route's own speed, or faster when the level of need demands it. */
  urgency: Urgency,
  /** The latest date to refer by, counting weekdays from the assessment date. */
  dueBy: IsoDate,
  /**
   * When a decision is expected if the referral is made by `due_by`: after it, chase and
   * escalate.
   */
  decisionBy?: IsoDate,
  /** Who may make the referral. */
  whoMaySubmit: string,
  /**
   * The consent and information-sharing note: the route's own, or its override when the
   * override's condition is certainly true ("do not seek consent").
   */
  consent: string,
  /** The route's contacts, with the profile's details. */
  contacts: Array<ContactDetails>,
  /**
   * The rules that call for it, with their reasons; a level's id and response when the level
   * itself calls for it.
   */
  why: Array<RuleReason>,
};

/** A referral outcome, with its wording. */
export type ReferralItem = {
  /** The outcome. */
  outcome: ReferralOutcome,
  /** Its wording. */
  text: string,
};

/** What became of a referral to children's social care. */
export type ReferralOutcome =
  | "none"
  | "awaiting"
  | "accepted"
  | "early-help"
  | "closed-no-further-action"
  | "not-accepted";

/** A route: who to tell, and when. */
export type RouteInfo = {
  /** The route's id in the ruleset. */
  id: string,
  /** Who to tell. */
  name: string,
  /** When this route is the right one. */
  when: string,
  /** Its own speed: an assessment makes it faster when the level of need demands it. */
  urgency: Urgency,
  /** Who may make the referral. */
  whoMaySubmit: string,
  /**
   * The consent and information-sharing note (an assessment may show the route's override
   * instead).
   */
  consent: string,
  /** The route's contacts, with the profile's details. */
  contacts: Array<ContactDetails>,
};

/** A route, named. */
export type RouteRef = {
  /** The route's id in the ruleset. */
  id: string,
  /** Who to tell. */
  name: string,
};

/** Where a rule comes from: the ruleset's own rules, or the engine's guarantees. */
export type RuleKind = "rule" | "safeguard";

/** A rule that called for something, with its reason. */
export type RuleReason = {
  /** The rule's id; a level's id when the level itself called for it. */
  rule: string,
  /** The rule's reason; the level's response when the level itself called for it. */
  reason: string,
};

/** What happened to one rule, with its findings written out. */
export type RuleTrace = {
  /** The rule's id. */
  rule: string,
  /** One of the ruleset's rules, or one of the engine's safeguards. */
  kind: RuleKind,
  /** Whether it fired. */
  status: Status,
  /**
   * The parts of the condition that decided the status: for a rule that fired, what made
   * it true; one that did not, what made it false; one undetermined, what is not known.
   */
  because: Array<Finding>,
};

/** The ruleset an assessment or description used. */
export type RulesetInfo = {
  /** The ruleset's id. */
  id: string,
  /** Its title. */
  title: string,
  /** Its version. */
  version: string,
  /** Where it applies. */
  jurisdiction: string,
  /** Who is responsible for it. */
  owner: string,
  /** When it is due for review: an assessment after it carries a warning. */
  reviewDate: IsoDate,
  /** When it takes effect: an assessment before it carries a warning. */
  effectiveFrom: IsoDate,
  /** A digest of the ruleset's content: two rulesets with the same hash give the same guidance. */
  hash: string,
};

/** How a scenario fared against the engine, time point by time point. */
export type ScenarioReport = {
  /** The scenario's id. */
  id: string,
  /** Its title. */
  title: string,
  /** Each time point's result, in order. */
  timePoints: Array<TimePointReport>,
};

/** A document rules cite. */
export type Source = {
  /** The id citations name it by. */
  id: string,
  /** Its title, shown with every citation of it. */
  title: string,
  /** Where to find it: a URL or a publication reference. */
  reference: string,
};

/** A citation, with the title of the document cited. */
export type SourceCitation = {
  /** The id of the source. */
  source: string,
  /** The source's title. */
  title: string,
  /** The lines cited, as `"120-135, 210"`. */
  lines?: string,
  /** The section cited, in the source's own numbering. */
  section?: string,
};

/** One stage of escalation. */
export type StageItem = {
  /** The stage's id in the ruleset. */
  id: string,
  /** The stage's name, in the profile's words when it gives them. */
  name: string,
  /** Who acts at this stage, in the profile's words when it gives them. */
  who: string,
  /** What to do at this stage. */
  what: string,
  /** How soon to act at this stage. */
  timescale: Urgency,
  /** The ruleset's default, not yet set locally. */
  timescaleIsDefault: boolean,
  /** Who to contact at this stage, if the ruleset or profile names someone. */
  contact: ContactDetails | null,
};

/** Whether a rule fired. */
export type Status = "fired" | "not-fired" | "undetermined";

/** Where a form asks an indicator. */
export type Step = "child" | "worries" | "so-far";

/** How one time point fared. */
export type TimePointReport = {
  /** The time point's id. */
  id: string,
  /** Its title. */
  title: string,
  /** The level the engine gave, when the case could be assessed. */
  level: string | null,
  /** Empty when every expectation held. */
  failures: Array<string>,
};

/** The truth of a condition given what is known about the child. */
export type Truth = "true" | "false" | "unknown";

/** How soon: `"now"`, `"today"` or `{"workingDays": n}`. Ordered from most urgent. */
export type Urgency = "now" | "today" | { "workingDays": number };

/**
 * Something in the case or ruleset the practitioner should know, which did not stop the
 * assessment.
 */
export type Warning = {
  /**
   * Where in the case or ruleset, such as `answers.not-seen-alone` or
   * `ruleset.meta.reviewDate`.
   */
  path: string,
  /** What to know, in plain words. */
  message: string,
};

/** An action or prompt: its id and wording. */
export type WordedItem = {
  /** Its id in the ruleset. */
  id: string,
  /** Its wording. */
  text: string,
};

/**
 * A case: what the practitioner knows about one child, as `engine.guidance`, `assess` and
 * `handOn` read it (docs/scenario-format.md, "Case"). Written by hand to match the reader in
 * src/case.rs; tests/types.test.mjs checks every case in the project against both.
 */
export type Case = {
  /** The assessment date: ages and event windows are measured to it. */
  asOf: IsoDate,
  child?: CaseChild | null,
  /** Indicator id → answer. An indicator left out is not known, never "no". */
  answers?: { [indicator: string]: Answer } | null,
  /** Occurrences of event indicators. */
  events?: Array<CaseEvent> | null,
  /** Context fact → answer. */
  facts?: { [fact in Fact]?: Answer } | null,
  /** The outcome of the latest referral to children's social care, if known. */
  referral?: ReferralOutcome | null,
  /** The practitioner's own view of the level. */
  judgement?: CaseJudgement | null,
};

/**
 * The child's age, given at most one way: the date of birth (for an unborn baby, the expected
 * date of delivery), whole years, or months.
 */
export type CaseChild =
  | { dateOfBirth?: IsoDate | null, ageYears?: null, ageMonths?: null }
  | { dateOfBirth?: null, ageYears?: number | null, ageMonths?: null }
  | { dateOfBirth?: null, ageYears?: null, ageMonths?: number | null };

/**
 * Something that happened: on a day (`date`), over days (`date` to `until`), some day in a
 * month (`month`, such as "2026-10"), or a number of times since a day (`times` and `since`).
 */
export type CaseEvent =
  | { indicator: string, date: IsoDate, until?: IsoDate | null, month?: null, times?: null, since?: null }
  | { indicator: string, month: string, date?: null, until?: null, times?: null, since?: null }
  | { indicator: string, times: number, since: IsoDate, date?: null, until?: null, month?: null };

/** The practitioner's own view of the level: a level id, and their reason (not blank). */
export type CaseJudgement = { level: string, reason: string };

/**
 * A scenario: a case review told time point by time point (docs/scenario-format.md,
 * "Scenario"), as `engine.checkScenario` reads it. Written by hand to match the reader in
 * src/scenario.rs; tests/types.test.mjs checks every scenario in the project against both.
 * `checkScenario` itself takes `unknown`: a scenario is whatever a file holds until it is checked.
 */
export type Scenario = {
  format: string,
  id: string,
  title: string,
  /** The id of the ruleset the expectations are written against. */
  ruleset: string,
  summary: string,
  sources: Array<ScenarioCitation>,
  timePoints: Array<ScenarioTimePoint>,
};

/** Where in a source document: `lines` for the seed files, `section` for published guidance. */
export type ScenarioCitation = { source: string, lines?: string | null, section?: string | null };

/** One moment of a case review. */
export type ScenarioTimePoint = {
  id: string,
  title: string,
  /** What was known then: what the trainer reads out. */
  narrative: string,
  case: Case,
  whatHappened: string,
  /** What was decided, where the review records it. */
  actual?: { level?: string | null, routes?: Array<string> | null, escalation?: boolean | null } | null,
  reviewSays: { text: string, sources: Array<ScenarioCitation> },
  expect: ScenarioExpect,
  /** Why an expectation was changed after the engine was run, if it was. */
  expectChanged?: string | null,
};

/** What the engine's guidance must be at a time point; every part is optional. */
export type ScenarioExpect = {
  level?: { atLeast?: string | null, atMost?: string | null } | null,
  immediateDanger?: boolean | null,
  routes?: ScenarioIds | null,
  actions?: ScenarioIds | null,
  prompts?: ScenarioIds | null,
  rules?: ScenarioIds | null,
  escalation?: boolean | null,
  differsFromActual?: Array<Aspect> | null,
};

/** Ids that must, and must not, appear. */
export type ScenarioIds = { include?: Array<string> | null, exclude?: Array<string> | null };

/** The options of `engine.assess(case, options)`: `trace: false` leaves out the trace. */
export type AssessOptions = { trace?: boolean };

/**
 * What every method of `Engine` throws for bad input: the first problem's document, path and
 * code, and every problem found. (A `WebAssembly.RuntimeError` instead means a bug stopped the
 * instance: see www/js/engine-guard.mjs.)
 */
export type EngineError = Error & { document: Document, path: string, code: string, problems: Array<Problem> };
