/* tslint:disable */
/* eslint-disable */
// The values that cross between the engine (Rust, compiled to WebAssembly) and the page.
// Generated from the Rust types by src/typescript.rs: do not edit. After changing a type,
// run `WAYMARK_WRITE_TYPES=1 cargo test --test typescript`, then scripts/build.

export type ActionItem = {
    id: string,
    text: string,
    urgency: Urgency,
    /** The latest date by weekdays; local bank holidays are not counted, so this is never late. */
    dueBy: IsoDate,
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
export type AgeSpan = { from: number, to: number };

/** An answer to an indicator or a context fact. */
export type Answer = "yes" | "no" | "not-known";

/** A part of the guidance a scenario compares with what was actually decided. */
export type Aspect = "level" | "routes" | "escalation";

export type Assessment = {
    /** The level of need: the engine's, or the practitioner's when theirs is higher. */
    level: LevelRef,
    /** The level the rules alone reach. */
    engineLevel: LevelRef,
    /** A child is in danger now: call 999. */
    immediateDanger: boolean,
    worryRecorded: boolean,
    judgement: JudgementOutcome | null,
    /** De-duplicated, most urgent first. */
    actions: Array<ActionItem>,
    referrals: Array<Referral>,
    /** Present when escalation applies. */
    escalation: Escalation | null,
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
    warnings: Array<Warning>,
    /**
     * What the practitioner told the engine, worded as they saw it: every answer, dated
     * event, context fact and referral outcome given.
     */
    answered: Array<Finding>,
    /** The child's age in months, when known. */
    childAge: AgeSpan | null,
    asOf: IsoDate,
    notice: string,
    ruleset: RulesetInfo,
    profile: ProfileInfo | null,
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
    /** The rules that asked for it. */
    rules: Array<string>,
};

/**
 * An [`Assessment`] with its items named by id. Look each id up in the description:
 * levels in `levels`, actions in `actions`, rules' reasons and sources in `reasons`, routes
 * in `routes`, escalation stages in `escalation`, prompts in `prompts`, indicators in
 * `indicators`, facts in `facts`, referral outcomes in `referralOutcomes`.
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
    trace?: Array<CompactRuleTrace>,
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
 * description).
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
};

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
    /** The rules that raised it. */
    rules: Array<string>,
};

/** Something worth finding out. */
export type CompactQuestion = {
    /** What to find out. */
    about: Array<CompactFinding>,
    /** The answer that would change the guidance; absent when several subjects decide together. */
    ifAnswer: Hypothesis | null,
    /** The level (an id) it would rise to, if higher than now. */
    level: string | null,
    /** Route ids that would newly apply. */
    routes: Array<string>,
    /** Escalation would newly apply. */
    escalation: boolean,
    /** The rules it would decide. */
    rules: Array<string>,
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

/** What happened to one rule. */
export type CompactRuleTrace = {
    /** An id in the description's `reasons`. */
    rule: string,
    /** Whether it fired. */
    status: Status,
    /** What decided it. */
    because: Array<CompactFinding>,
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

export type Description = {
    ruleset: RulesetInfo,
    profile: ProfileInfo | null,
    notice: string,
    sources: Array<Source>,
    /** In rank order, lowest first. */
    levels: Array<LevelRef>,
    domains: Array<Domain>,
    indicators: Array<IndicatorInfo>,
    facts: Array<FactItem>,
    referralOutcomes: Array<ReferralItem>,
    routes: Array<RouteInfo>,
    contacts: Array<ContactDetails>,
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

export type Escalation = { why: Array<RuleReason>, stages: Array<StageItem> };

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

export type FactItem = { fact: Fact, text: string, help: string | null };

/** One test in a condition, what the case held, and the result. */
export type Finding =
| { "test": "yes", indicator: string, text: string, answer: Answer | null, holds: Truth }
| { "test": "not-known", indicator: string, text: string, answer: Answer | null, holds: Truth }
| {
    "test": "age",
    minMonths: number | null,
    maxMonths: number | null,
    ageMonths: AgeSpan | null,
    holds: Truth,
}
| {
    "test": "events",
    indicator: string,
    text: string,
    withinDays: number,
    atLeast: number,
    count: number,
    dates: Array<IsoDate>,
    approximate: number,
    holds: Truth,
}
| { "test": "fact", fact: Fact, text: string, answer: Answer | null, holds: Truth }
| {
    "test": "referral",
    outcome: ReferralOutcome,
    text: string,
    actual: ReferralOutcome | null,
    holds: Truth,
}
| { "test": "judgement", level: string, reason: string, holds: Truth };

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

export type Hypothesis = "yes" | "no";

export type IndicatorInfo = {
    id: string,
    domain: string,
    text: string,
    help: string | null,
    terms: Array<string>,
    ages: AgeRange,
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

export type JudgementEffect = "raised" | "agrees" | "lower";

export type JudgementOutcome = { level: LevelName, reason: string, effect: JudgementEffect };

/** A level named where it is mentioned in passing; [`LevelRef`] gives the whole level once. */
export type LevelName = { id: string, rank: number, name: string };

export type LevelRef = {
    id: string,
    rank: number,
    /** The local name, when a profile gives one. */
    name: string,
    meaning: string,
    response: string,
    emergency: boolean,
};

/** A national contact, named where a local one is not set yet. */
export type Meanwhile = {
    /** The national contact's name. */
    name: string,
    /** Its number. */
    phone: string,
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

export type ProfileInfo = { id: string, organisation: string, hash: string };

export type PromptItem = { id: string, text: string, rules: Array<string> };

/** Something worth finding out: if it turned out as `ifAnswer`, the guidance would change. */
export type Question = {
    /** What to find out. Several subjects mean the rule needs them together. */
    about: Array<Finding>,
    /** The answer that would change the guidance; absent when several subjects decide together. */
    ifAnswer: Hypothesis | null,
    /** The level it would rise to, if higher than now. */
    level: LevelName | null,
    /** Routes that would newly apply. */
    routes: Array<RouteRef>,
    /** Escalation would newly apply. */
    escalation: boolean,
    rules: Array<string>,
};

export type Reason = {
    rule: string,
    reason: string,
    level: LevelName | null,
    sources: Array<SourceCitation>,
    /** The primer's principles (1 to 10) the rule embodies. */
    principles: Array<number>,
    /** The answers and observations that made the rule fire. */
    evidence: Array<Finding>,
};

/** Why a rule matters, as an assessment's reasons give it. */
export type ReasonInfo = {
    rule: string,
    reason: string,
    /** The level it sets at least, if any. */
    level: LevelName | null,
    sources: Array<SourceCitation>,
    /** The primer's principles (1 to 10) the rule embodies. */
    principles: Array<number>,
};

export type Referral = {
    route: string,
    name: string,
    when: string,
    /** The route's own speed, or faster when the level of need demands it. */
    urgency: Urgency,
    dueBy: IsoDate,
    /**
     * When a decision is expected if the referral is made by `due_by`: after it, chase and
     * escalate.
     */
    decisionBy?: IsoDate,
    whoMaySubmit: string,
    consent: string,
    contacts: Array<ContactDetails>,
    why: Array<RuleReason>,
};

export type ReferralItem = { outcome: ReferralOutcome, text: string };

/** What became of a referral to children's social care. */
export type ReferralOutcome =
| "none"
| "awaiting"
| "accepted"
| "early-help"
| "closed-no-further-action"
| "not-accepted";

export type RouteInfo = {
    id: string,
    name: string,
    when: string,
    urgency: Urgency,
    whoMaySubmit: string,
    consent: string,
    contacts: Array<ContactDetails>,
};

export type RouteRef = { id: string, name: string };

/** Where a rule comes from: the ruleset's own rules, or the engine's guarantees. */
export type RuleKind = "rule" | "safeguard";

export type RuleReason = { rule: string, reason: string };

/** What happened to one rule. */
export type RuleTrace = {
    rule: string,
    kind: RuleKind,
    status: Status,
    /**
     * The parts of the condition that decided the status: for a rule that fired, what made
     * it true; one that did not, what made it false; one undetermined, what is not known.
     */
    because: Array<Finding>,
};

export type RulesetInfo = {
    id: string,
    title: string,
    version: string,
    jurisdiction: string,
    owner: string,
    reviewDate: IsoDate,
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

export type StageItem = {
    id: string,
    name: string,
    who: string,
    what: string,
    timescale: Urgency,
    /** The ruleset's default, not yet set locally. */
    timescaleIsDefault: boolean,
    contact: ContactDetails | null,
};

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
export type Warning = { path: string, message: string };

/** An action or prompt: its id and wording. */
export type WordedItem = { id: string, text: string };

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



/**
 * A compiled ruleset, with an optional local profile.
 *
 * Every method throws an `Error` with `path`, `code` and `problems` for bad input. A
 * `WebAssembly.RuntimeError` instead means a bug stopped this instance: load the module again
 * (see `www/js/engine-guard.mjs`).
 */
export class Engine {
    free(): void;
    [Symbol.dispose](): void;
    /**
     * The guidance for one case, as a plain object. `assess(case, { trace: false })` leaves
     * out the trace of every rule, for fast updates as answers change.
     */
    assess(_case: Case, options?: AssessOptions): Assessment;
    /**
     * Checks a scenario (a case review told time point by time point) and runs it against
     * this engine: throws an `Error` with the path of every problem in the file, or returns
     * the report `{id, title, timePoints: [{id, title, level, failures}]}` that
     * `waymark scenarios` prints.
     */
    checkScenario(scenario: unknown): ScenarioReport;
    /**
     * Levels, domains, indicators, context wording, routes and contacts, for building forms.
     */
    describe(): Description;
    /**
     * What the page shows after each answer: the assessment with every item named by id, its
     * wording left to `describe()` (read once). See `CompactAssessment`. `guidance(case,
     * { trace: true })` adds the trace of every rule (left out by default).
     */
    guidance(_case: Case, options?: AssessOptions): CompactAssessment;
    /**
     * The guidance as it is handed on, worded once for print, "copy as text" and the command
     * line: `{ handOn: {heading, lead, sections, sources, closing, fingerprint}, text }`, with
     * the practitioner's notes (which no rule reads), and `text` with its sources and
     * fingerprint only when `sources` is true.
     */
    handOn(_case: Case, lives_with: string, notes: string, sources: boolean): HandedOn;
    /**
     * `new Engine(ruleset, profile?)`: throws an `Error` whose `path`, `code` and `problems`
     * say what is wrong and where.
     */
    constructor(ruleset: unknown, profile?: unknown);
}

export function start(): void;

/**
 * The engine's version.
 */
export function version(): string;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __wbg_engine_free: (a: number, b: number) => void;
    readonly engine_assess: (a: number, b: any, c: any) => [number, number, number];
    readonly engine_checkScenario: (a: number, b: any) => [number, number, number];
    readonly engine_describe: (a: number) => [number, number, number];
    readonly engine_guidance: (a: number, b: any, c: any) => [number, number, number];
    readonly engine_handOn: (a: number, b: any, c: number, d: number, e: number, f: number, g: number) => [number, number, number];
    readonly engine_new: (a: any, b: any) => [number, number, number];
    readonly start: () => void;
    readonly version: () => [number, number];
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
