//! A ruleset and a profile as written: one typed struct for each kind of object in them, each
//! read by the strict [`Reader`] before anything is compiled.
//!
//! Each struct is declared once, here, and read by one function that asks for its fields in
//! the order `docs/ruleset-format.md` gives them. The keys it asks for are the keys the object
//! may have (see [`Obj`]), so no field can be allowed without being read, or read without
//! being allowed. Checks that need only the value itself (blank text, a line list, a count of
//! 0, `minMonths` above `maxMonths`) are made as it is read; checks that need the rest of the
//! ruleset (ids, references, the levels' order) are [`crate::compile`]'s.
//!
//! Conditions stay JSON until compiled: what a condition may say depends on its kind, and
//! [`crate::compile`] reads each kind's object with the same reader ([`events`], [`at_least`],
//! [`age_range`]).

use crate::error::Code;
use crate::json::{At, FromJson, Json, Named, Obj, Reader};
use crate::named::named;
use crate::program::{Allow, Window};
use crate::ruleset::*;

/// Items in each list of a ruleset but levels and escalation stages: indices into them are
/// 16 bits wide.
pub(crate) const MAX_LIST: usize = 50_000;
/// Levels and escalation stages: indices into them are 8 bits wide.
pub(crate) const MAX_LEVELS: usize = 100;

named! {
    /// The kinds of condition: the one key of a condition's object.
    pub(crate) enum ConditionKind {
        All = "all",
        Any = "any",
        Not = "not",
        AtLeast = "atLeast",
        Yes = "yes",
        NotKnown = "notKnown",
        Age = "age",
        Events = "events",
        Fact = "fact",
        Referral = "referral",
        Condition = "condition",
        Worry = "worry",
    }
}

/// Ids referred to, each with its position in the list that names them.
pub(crate) type Refs<'j> = Vec<(usize, &'j str)>;

/// A whole ruleset.
pub(crate) struct RulesetSrc<'j> {
    /// It was an object; otherwise what it lacks is not worth reporting.
    pub ok: bool,
    pub format: Option<&'j str>,
    pub meta: MetaSrc<'j>,
    pub levels: List<'j, LevelSrc<'j>>,
    pub domains: List<'j, DomainSrc>,
    pub indicators: List<'j, IndicatorSrc<'j>>,
    pub context: ContextSrc,
    pub contacts: List<'j, ContactSrc>,
    pub routes: List<'j, RouteSrc<'j>>,
    pub escalation: List<'j, StageSrc<'j>>,
    pub prompts: List<'j, PromptSrc<'j>>,
    pub actions: List<'j, ActionSrc<'j>>,
    pub conditions: List<'j, NamedConditionSrc<'j>>,
    pub synonyms: Vec<Vec<String>>,
    pub safeguards: SafeguardsSrc<'j>,
    pub rules: List<'j, RuleSrc<'j>>,
}

impl<'j> RulesetSrc<'j> {
    pub fn read(r: &mut Reader, json: &'j Json) -> RulesetSrc<'j> {
        r.object(Some(json), &At::Root, |r, o| RulesetSrc {
            ok: o.ok,
            format: r.string(o, "format", true),
            meta: r.section(o, "meta", MetaSrc::read),
            levels: List::read(r, o, "levels", true, MAX_LEVELS, "levels"),
            domains: List::read(r, o, "domains", true, MAX_LIST, "domains"),
            indicators: List::read(r, o, "indicators", true, MAX_LIST, "indicators"),
            context: r.section(o, "context", ContextSrc::read),
            contacts: List::read(r, o, "contacts", true, MAX_LIST, "contacts"),
            routes: List::read(r, o, "routes", true, MAX_LIST, "routes"),
            escalation: List::read(r, o, "escalation", true, MAX_LEVELS, "escalation stages"),
            prompts: List::read(r, o, "prompts", false, MAX_LIST, "prompts"),
            actions: List::read(r, o, "actions", true, MAX_LIST, "actions"),
            conditions: List::read(r, o, "conditions", false, MAX_LIST, "named conditions"),
            synonyms: synonyms(r, o),
            safeguards: r.section(o, "safeguards", SafeguardsSrc::read),
            rules: List::read(r, o, "rules", true, MAX_LIST, "rules"),
        })
    }
}

/// One kind of object in a ruleset's lists, read by one function.
pub(crate) trait Item<'j>: Sized {
    /// Reads the item at `at`.
    fn read(r: &mut Reader, json: &'j Json, at: &At) -> Self;
}

/// A list of items of one kind, read one by one as they are compiled ([`List::get`]), so that
/// the ids of every list can be gathered first ([`List::ids`]) and references resolved as each
/// item is read.
pub(crate) struct List<'j, T> {
    items: &'j [Json],
    item: std::marker::PhantomData<T>,
}

impl<'j, T: Item<'j>> List<'j, T> {
    /// The list at `key`: at most `max` items, the rest reported once and never read.
    fn read(r: &mut Reader, o: &Obj<'j, '_>, key: &'static str, required: bool, max: usize, what: &str) -> List<'j, T> {
        List { items: limited(r, o, key, required, max, what), item: std::marker::PhantomData }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The `i`th item, read; `list` is where the list is.
    pub fn get(&self, r: &mut Reader, i: usize, list: &At) -> T {
        T::read(r, &self.items[i], &At::Index(list, i))
    }

    /// The ids the items give as text (a peek ahead of [`List::get`], which reads and checks
    /// each `id` with the item), with their positions.
    pub fn ids(&self) -> Vec<(&'j str, usize)> {
        ids(self.items)
    }
}

/// The list at `key`: at most `max` items, the rest reported once. (Not generic, so that
/// every [`List`] shares one copy in the wasm file; so too [`ids`].)
fn limited<'j>(r: &mut Reader, o: &Obj<'j, '_>, key: &'static str, required: bool, max: usize, what: &str) -> &'j [Json] {
    let items = r.list(o, key, required);
    if items.len() <= max {
        return items;
    }
    r.problem(&At::Key(o.at, key), Code::TooLarge, format!("{} {what}; a ruleset may have at most {max} (the limit)", items.len()));
    &items[..max]
}

fn ids(items: &[Json]) -> Vec<(&str, usize)> {
    let mut ids = Vec::new();
    for (i, json) in items.iter().enumerate() {
        let Json::Object(members) = json else { continue };
        if let Some((_, Json::String(id))) = members.iter().find(|(key, _)| key == "id") {
            ids.push((id.as_str(), i));
        }
    }
    ids
}

/// The ruleset's `meta`.
pub(crate) struct MetaSrc<'j> {
    pub id: Option<String>,
    pub title: String,
    pub version: String,
    pub jurisdiction: String,
    pub owner: String,
    pub review_date: Option<crate::date::Date>,
    pub effective_from: Option<crate::date::Date>,
    pub notice: String,
    pub sources: List<'j, SourceSrc>,
}

impl<'j> MetaSrc<'j> {
    fn read(r: &mut Reader, o: &Obj<'j, '_>) -> MetaSrc<'j> {
        MetaSrc {
            id: r.given_text(o, "id"),
            title: r.text(o, "title"),
            version: r.text(o, "version"),
            jurisdiction: r.text(o, "jurisdiction"),
            owner: r.text(o, "owner"),
            review_date: r.value(o, "reviewDate", true),
            effective_from: r.value(o, "effectiveFrom", true),
            notice: r.text(o, "notice"),
            sources: List::read(r, o, "sources", true, MAX_LIST, "sources"),
        }
    }
}

/// A document rules cite (in `meta.sources`).
pub(crate) struct SourceSrc {
    pub id: Option<String>,
    pub title: String,
    pub reference: String,
    pub allow: Allow,
}

impl<'j> Item<'j> for SourceSrc {
    fn read(r: &mut Reader, json: &'j Json, at: &At) -> SourceSrc {
        r.object(Some(json), at, |r, o| SourceSrc {
            id: r.given_text(o, "id"),
            title: r.text(o, "title"),
            reference: r.text(o, "reference"),
            allow: allow(r, o),
        })
    }
}

/// An item's `allow` map: lint findings the authors accept, each with its reason.
fn allow(r: &mut Reader, o: &Obj) -> Allow {
    let at = At::Key(o.at, "allow");
    let mut allow = Vec::new();
    for (code, why) in r.map(o, "allow") {
        let here = At::Key(&at, code);
        let known = LintCode::find(code);
        if known.is_none() {
            r.problem(&here, Code::UnknownLint, format!("\"{code}\" is not a lint code; the codes are {}", LintCode::NAMES.join(", ")));
        }
        match why {
            Json::String(why) if !why.trim().is_empty() => allow.extend(known.map(|code| (code, why.clone()))),
            Json::String(_) => r.problem(&here, Code::EmptyText, "say why the finding is accepted"),
            other => r.misfit(here.expected("a string", other)),
        }
    }
    allow
}

/// A citation: a source by id, and where in it.
pub(crate) struct CitationSrc<'j> {
    pub source: Option<&'j str>,
    pub lines: Option<String>,
    pub section: Option<String>,
}

/// An item's `sources`: what it cites.
fn citations<'j>(r: &mut Reader, o: &Obj<'j, '_>) -> Vec<CitationSrc<'j>> {
    let at = At::Key(o.at, "sources");
    let mut out = Vec::new();
    for (i, json) in r.list(o, "sources", false).iter().enumerate() {
        let here = At::Index(&at, i);
        out.push(r.object(Some(json), &here, |r, c| {
            let source = r.string(c, "source", true);
            let lines = r.optional_text(c, "lines");
            if let Some(lines) = lines.as_deref().filter(|lines| !valid_lines(lines)) {
                let message = format!("\"{lines}\" is not a line list such as \"120\", \"120-135\" or \"120-135, 210\"");
                r.problem(&At::Key(&here, "lines"), Code::BadLines, message);
            }
            CitationSrc { source, lines, section: r.optional_text(c, "section") }
        }));
    }
    out
}

/// `"120"`, `"120-135"`, `"120-135, 210"`: positive line numbers, ranges in order.
fn valid_lines(lines: &str) -> bool {
    let number = |s: &str| s.trim().parse::<u32>().ok().filter(|n| *n > 0);
    lines.split(',').all(|part| match part.split_once('-') {
        Some((from, to)) => matches!((number(from), number(to)), (Some(a), Some(b)) if a <= b),
        None => number(part).is_some(),
    })
}

/// Ids referred to by a list of strings.
fn refs<'j>(r: &mut Reader, o: &Obj<'j, '_>, key: &'static str) -> Refs<'j> {
    r.strings(o, key, false)
}

/// `{"minMonths": m, "maxMonths": n}`, either left out, `m` not above `n`.
pub(crate) fn age_range(r: &mut Reader, json: &Json, at: &At) -> AgeRange {
    let range = r.object(Some(json), at, |r, o| AgeRange { min_months: r.value(o, "minMonths", false), max_months: r.value(o, "maxMonths", false) });
    let (min, max) = range.bounds();
    if min > max {
        r.problem(at, Code::BadAgeRange, format!("minMonths ({min}) is above maxMonths ({max})"));
    }
    range
}

/// An item's `ages`, when given.
fn ages(r: &mut Reader, o: &Obj) -> AgeRange {
    match r.field(o, "ages", false) {
        Some(json) => age_range(r, json, &At::Key(o.at, "ages")),
        None => AgeRange::default(),
    }
}

/// A level of need.
pub(crate) struct LevelSrc<'j> {
    pub id: Option<String>,
    pub rank: Option<u8>,
    pub name: String,
    pub meaning: String,
    pub response: String,
    pub urgency: Option<Urgency>,
    pub actions: Refs<'j>,
    pub routes: Refs<'j>,
    pub emergency: bool,
    pub allow: Allow,
}

impl<'j> Item<'j> for LevelSrc<'j> {
    fn read(r: &mut Reader, json: &'j Json, at: &At) -> LevelSrc<'j> {
        r.object(Some(json), at, |r, o| LevelSrc {
            id: r.given_text(o, "id"),
            rank: r.value(o, "rank", true),
            name: r.text(o, "name"),
            meaning: r.text(o, "meaning"),
            response: r.text(o, "response"),
            urgency: r.value(o, "urgency", false),
            actions: refs(r, o, "actions"),
            routes: refs(r, o, "routes"),
            emergency: r.flag(o, "emergency"),
            allow: allow(r, o),
        })
    }
}

/// A domain of indicators.
pub(crate) struct DomainSrc {
    pub id: Option<String>,
    pub name: String,
    pub description: Option<String>,
    pub step: Option<Step>,
}

impl<'j> Item<'j> for DomainSrc {
    fn read(r: &mut Reader, json: &'j Json, at: &At) -> DomainSrc {
        r.object(Some(json), at, |r, o| DomainSrc {
            id: r.given_text(o, "id"),
            name: r.text(o, "name"),
            description: r.optional_text(o, "description"),
            step: r.value(o, "step", false),
        })
    }
}

/// An indicator: something a practitioner answers, or a kind of dated event.
pub(crate) struct IndicatorSrc<'j> {
    pub id: Option<String>,
    pub domain: Option<&'j str>,
    pub text: String,
    pub help: Option<String>,
    pub terms: Vec<String>,
    pub ages: AgeRange,
    pub kind: Option<IndicatorKind>,
    pub end_label: Option<String>,
    pub sources: Vec<CitationSrc<'j>>,
    pub allow: Allow,
}

impl<'j> Item<'j> for IndicatorSrc<'j> {
    fn read(r: &mut Reader, json: &'j Json, at: &At) -> IndicatorSrc<'j> {
        r.object(Some(json), at, |r, o| IndicatorSrc {
            id: r.given_text(o, "id"),
            domain: r.string(o, "domain", true),
            text: r.text(o, "text"),
            help: r.optional_text(o, "help"),
            terms: r.strings(o, "terms", false).into_iter().map(|(_, term)| term.to_string()).collect(),
            ages: ages(r, o),
            kind: r.value(o, "kind", false),
            end_label: r.optional_text(o, "endLabel"),
            sources: citations(r, o),
            allow: allow(r, o),
        })
    }
}

/// `context`: the wording of the context facts and of each referral outcome.
pub(crate) struct ContextSrc {
    /// It was an object; otherwise what it lacks is not worth reporting.
    pub ok: bool,
    pub facts: Vec<FactWordingSrc>,
    pub referral: Vec<ReferralWordingSrc>,
}

pub(crate) struct FactWordingSrc {
    pub fact: Option<Fact>,
    pub text: String,
    pub help: Option<String>,
}

pub(crate) struct ReferralWordingSrc {
    pub outcome: Option<ReferralOutcome>,
    pub text: String,
}

impl ContextSrc {
    fn read(r: &mut Reader, o: &Obj) -> ContextSrc {
        ContextSrc {
            ok: o.ok,
            facts: each(r, o, "facts", |r, json, at| {
                r.object(Some(json), at, |r, w| FactWordingSrc { fact: r.value(w, "fact", true), text: r.text(w, "text"), help: r.optional_text(w, "help") })
            }),
            referral: each(r, o, "referral", |r, json, at| {
                r.object(Some(json), at, |r, w| ReferralWordingSrc { outcome: r.value(w, "outcome", true), text: r.text(w, "text") })
            }),
        }
    }
}

/// Each item of a required list, read by `read`.
fn each<'j, T>(r: &mut Reader, o: &Obj<'j, '_>, key: &'static str, read: impl Fn(&mut Reader, &'j Json, &At) -> T) -> Vec<T> {
    let at = At::Key(o.at, key);
    let mut out = Vec::new();
    for (i, json) in r.list(o, key, true).iter().enumerate() {
        out.push(read(r, json, &At::Index(&at, i)));
    }
    out
}

/// Someone to tell, with their number when it is national.
pub(crate) struct ContactSrc {
    /// It was an object; otherwise what it lacks is not worth reporting.
    pub ok: bool,
    pub id: Option<String>,
    pub name: String,
    pub scope: Option<ContactScope>,
    pub phone: Option<String>,
    pub hours: Option<String>,
    pub notes: Option<String>,
    pub find_it: Option<String>,
    /// The national contact to name while a local one is not set.
    pub meanwhile: Option<String>,
}

impl<'j> Item<'j> for ContactSrc {
    fn read(r: &mut Reader, json: &'j Json, at: &At) -> ContactSrc {
        r.object(Some(json), at, |r, o| ContactSrc {
            ok: o.ok,
            id: r.given_text(o, "id"),
            name: r.text(o, "name"),
            scope: r.value(o, "scope", true),
            phone: r.optional_text(o, "phone"),
            hours: r.optional_text(o, "hours"),
            notes: r.optional_text(o, "notes"),
            find_it: r.optional_text(o, "findIt"),
            meanwhile: r.optional_text(o, "meanwhile"),
        })
    }
}

/// Who an item is for: `ages` and `unless`.
pub(crate) struct FitSrc<'j> {
    pub ages: AgeRange,
    pub unless: Option<&'j Json>,
}

fn fit<'j>(r: &mut Reader, o: &Obj<'j, '_>) -> FitSrc<'j> {
    FitSrc { ages: ages(r, o), unless: r.field(o, "unless", false) }
}

/// A route: a referral or notification.
pub(crate) struct RouteSrc<'j> {
    pub id: Option<String>,
    pub name: String,
    pub when: String,
    pub urgency: Option<Urgency>,
    pub decision_within: Option<Urgency>,
    pub who_may_submit: String,
    pub consent: String,
    pub consent_override: Option<ConsentOverrideSrc<'j>>,
    pub contacts: Refs<'j>,
    pub fit: FitSrc<'j>,
    pub sources: Vec<CitationSrc<'j>>,
    pub allow: Allow,
}

/// Consent wording that replaces a route's own when its condition holds.
pub(crate) struct ConsentOverrideSrc<'j> {
    pub when: Option<&'j Json>,
    pub consent: String,
}

impl<'j> Item<'j> for RouteSrc<'j> {
    fn read(r: &mut Reader, json: &'j Json, at: &At) -> RouteSrc<'j> {
        r.object(Some(json), at, |r, o| RouteSrc {
            id: r.given_text(o, "id"),
            name: r.text(o, "name"),
            when: r.text(o, "when"),
            urgency: r.value(o, "urgency", true),
            decision_within: r.value(o, "decisionWithin", false),
            who_may_submit: r.text(o, "whoMaySubmit"),
            consent: r.text(o, "consent"),
            consent_override: r.field(o, "consentOverride", false).map(|json| {
                r.object(Some(json), &At::Key(at, "consentOverride"), |r, c| ConsentOverrideSrc {
                    when: r.field(c, "when", true),
                    consent: r.text(c, "consent"),
                })
            }),
            contacts: refs(r, o, "contacts"),
            fit: fit(r, o),
            sources: citations(r, o),
            allow: allow(r, o),
        })
    }
}

/// A stage of escalation.
pub(crate) struct StageSrc<'j> {
    pub id: Option<String>,
    pub name: String,
    pub who: String,
    pub what: String,
    pub timescale: Option<Urgency>,
    pub contact: Option<&'j str>,
    pub sources: Vec<CitationSrc<'j>>,
    pub allow: Allow,
}

impl<'j> Item<'j> for StageSrc<'j> {
    fn read(r: &mut Reader, json: &'j Json, at: &At) -> StageSrc<'j> {
        r.object(Some(json), at, |r, o| StageSrc {
            id: r.given_text(o, "id"),
            name: r.text(o, "name"),
            who: r.text(o, "who"),
            what: r.text(o, "what"),
            timescale: r.value(o, "timescale", true),
            contact: r.string(o, "contact", false),
            sources: citations(r, o),
            allow: allow(r, o),
        })
    }
}

/// Something to consider, raised by rules.
pub(crate) struct PromptSrc<'j> {
    pub id: Option<String>,
    pub text: String,
    pub fit: FitSrc<'j>,
    pub sources: Vec<CitationSrc<'j>>,
    pub allow: Allow,
}

impl<'j> Item<'j> for PromptSrc<'j> {
    fn read(r: &mut Reader, json: &'j Json, at: &At) -> PromptSrc<'j> {
        r.object(Some(json), at, |r, o| PromptSrc {
            id: r.given_text(o, "id"),
            text: r.text(o, "text"),
            fit: fit(r, o),
            sources: citations(r, o),
            allow: allow(r, o),
        })
    }
}

/// Something to do, and how soon.
pub(crate) struct ActionSrc<'j> {
    pub id: Option<String>,
    pub text: String,
    pub urgency: Option<Urgency>,
    pub due_after: Option<DueAfterSrc<'j>>,
    pub fit: FitSrc<'j>,
    pub sources: Vec<CitationSrc<'j>>,
    pub allow: Allow,
}

/// Due some days after the latest event of an indicator ends.
pub(crate) struct DueAfterSrc<'j> {
    pub indicator: Option<&'j Json>,
    pub days: Option<u16>,
}

impl<'j> Item<'j> for ActionSrc<'j> {
    fn read(r: &mut Reader, json: &'j Json, at: &At) -> ActionSrc<'j> {
        r.object(Some(json), at, |r, o| ActionSrc {
            id: r.given_text(o, "id"),
            text: r.text(o, "text"),
            urgency: r.value(o, "urgency", true),
            due_after: r.field(o, "dueAfter", false).map(|json| {
                r.object(Some(json), &At::Key(at, "dueAfter"), |r, d| DueAfterSrc { indicator: r.field(d, "indicator", true), days: r.value(d, "days", true) })
            }),
            fit: fit(r, o),
            sources: citations(r, o),
            allow: allow(r, o),
        })
    }
}

/// A condition with a name, used by rules and items as `{"condition": id}`.
pub(crate) struct NamedConditionSrc<'j> {
    pub id: Option<String>,
    /// For the ruleset's readers: checked, then not used.
    #[allow(dead_code)]
    pub description: Option<String>,
    pub when: Option<&'j Json>,
}

impl<'j> Item<'j> for NamedConditionSrc<'j> {
    fn read(r: &mut Reader, json: &'j Json, at: &At) -> NamedConditionSrc<'j> {
        r.object(Some(json), at, |r, o| NamedConditionSrc {
            id: r.given_text(o, "id"),
            description: r.optional_text(o, "description"),
            when: r.field(o, "when", true),
        })
    }
}

/// `synonyms`: groups of words and phrases a practitioner may use for the same thing.
fn synonyms(r: &mut Reader, o: &Obj) -> Vec<Vec<String>> {
    let at = At::Key(o.at, "synonyms");
    let mut groups = Vec::new();
    for (i, json) in r.list(o, "synonyms", false).iter().enumerate() {
        let here = At::Index(&at, i);
        let group: Vec<String> = match json {
            Json::Array(words) => words
                .iter()
                .enumerate()
                .filter_map(|(j, word)| match word {
                    Json::String(word) if !word.trim().is_empty() => Some(word.clone()),
                    other => {
                        r.misfit(At::Index(&here, j).expected("a word or phrase", other));
                        None
                    }
                })
                .collect(),
            other => {
                r.misfit(here.expected("a list of words and phrases", other));
                continue;
            }
        };
        if group.len() < 2 {
            r.problem(&here, Code::BadSynonyms, "a synonym group needs at least two words or phrases");
        }
        groups.push(group);
    }
    groups
}

/// A rule: a condition, and what follows when it certainly holds.
pub(crate) struct RuleSrc<'j> {
    pub id: Option<String>,
    pub when: Option<&'j Json>,
    pub then: ConsequencesSrc<'j>,
    pub reason: String,
    pub sources: Vec<CitationSrc<'j>>,
    /// The primer's principles (1 to 10) the rule embodies.
    pub principles: Vec<u8>,
    pub allow: Allow,
}

impl<'j> Item<'j> for RuleSrc<'j> {
    fn read(r: &mut Reader, json: &'j Json, at: &At) -> RuleSrc<'j> {
        r.object(Some(json), at, |r, o| RuleSrc {
            id: r.given_text(o, "id"),
            when: r.field(o, "when", true),
            then: r.section(o, "then", ConsequencesSrc::read),
            reason: r.text(o, "reason"),
            sources: citations(r, o),
            principles: principles(r, o),
            allow: allow(r, o),
        })
    }
}

fn principles(r: &mut Reader, o: &Obj) -> Vec<u8> {
    let at = At::Key(o.at, "principles");
    let mut principles = Vec::new();
    for (j, json) in r.list(o, "principles", false).iter().enumerate() {
        let here = At::Index(&at, j);
        match u8::from_json(json, &here) {
            Ok(p) if (1..=10).contains(&p) => principles.push(p),
            Ok(p) => r.problem(&here, Code::BadPrinciple, format!("{p} is not one of the primer's principles 1 to 10")),
            Err(m) => r.misfit(m),
        }
    }
    principles
}

/// A rule's or safeguard's `then`.
pub(crate) struct ConsequencesSrc<'j> {
    pub level: Option<&'j str>,
    pub actions: Refs<'j>,
    pub routes: Refs<'j>,
    pub prompts: Refs<'j>,
    pub escalate_from: Option<&'j str>,
}

impl<'j> ConsequencesSrc<'j> {
    fn read(r: &mut Reader, o: &Obj<'j, '_>) -> ConsequencesSrc<'j> {
        ConsequencesSrc {
            level: r.string(o, "level", false),
            actions: refs(r, o, "actions"),
            routes: refs(r, o, "routes"),
            prompts: refs(r, o, "prompts"),
            escalate_from: r.string(o, "escalateFrom", false),
        }
    }
}

/// `safeguards`: the ruleset's wording of the engine's guarantees, each by name.
pub(crate) struct SafeguardsSrc<'j> {
    pub worry_recorded: SafeguardSrc<'j>,
    pub worry_persists: SafeguardSrc<'j>,
    pub judgement_lower: SafeguardSrc<'j>,
    /// Optional: without it a ruleset keeps the engine's three original guarantees.
    pub harm_suspected: Option<HarmSuspectedSrc<'j>>,
}

/// One safeguard's consequences and why.
pub(crate) struct SafeguardSrc<'j> {
    /// It was an object; otherwise what it lacks is not worth reporting.
    pub ok: bool,
    pub then: ConsequencesSrc<'j>,
    pub reason: String,
    pub sources: Vec<CitationSrc<'j>>,
}

/// The `harmSuspected` safeguard, with the level an open question must be able to reach.
pub(crate) struct HarmSuspectedSrc<'j> {
    pub at_level: Option<&'j str>,
    pub safeguard: SafeguardSrc<'j>,
}

impl<'j> SafeguardsSrc<'j> {
    fn read(r: &mut Reader, o: &Obj<'j, '_>) -> SafeguardsSrc<'j> {
        SafeguardsSrc {
            worry_recorded: r.section(o, "worryRecorded", SafeguardSrc::read),
            worry_persists: r.section(o, "worryPersists", SafeguardSrc::read),
            judgement_lower: r.section(o, "judgementLower", SafeguardSrc::read),
            harm_suspected: r.field(o, "harmSuspected", false).map(|json| {
                r.object(Some(json), &At::Key(o.at, "harmSuspected"), |r, s| {
                    let at_level = r.string(s, "atLevel", false);
                    if s.get("atLevel").is_none() && s.ok {
                        r.problem(s.at, Code::MissingField, "missing field \"atLevel\": the level an open question must be able to reach");
                    }
                    HarmSuspectedSrc { at_level, safeguard: SafeguardSrc::read(r, s) }
                })
            }),
        }
    }
}

impl<'j> SafeguardSrc<'j> {
    fn read(r: &mut Reader, o: &Obj<'j, '_>) -> SafeguardSrc<'j> {
        SafeguardSrc { ok: o.ok, then: r.section(o, "then", ConsequencesSrc::read), reason: r.text(o, "reason"), sources: citations(r, o) }
    }
}

/// `{"atLeast": {"n": n, "of": [...]}}`: the count, and the conditions (compiled by the caller).
pub(crate) fn at_least<'j>(r: &mut Reader, json: &'j Json, at: &At) -> (Option<u16>, Option<&'j Json>) {
    r.object(Some(json), at, |r, o| (r.value(o, "n", true), r.field(o, "of", true)))
}

/// `{"events": {...}}`: the indicator (resolved by the caller), the window, and how many.
pub(crate) fn events<'j>(r: &mut Reader, json: &'j Json, at: &At) -> (Option<&'j Json>, Window, u16) {
    r.object(Some(json), at, |r, o| {
        let indicator = r.field(o, "indicator", true);
        let count = |r: &mut Reader, key: &'static str, required: bool| {
            let n = r.value::<u16>(o, key, required);
            if n == Some(0) {
                r.problem(&At::Key(at, key), Code::BadCount, format!("{key} must be 1 or more"));
            }
            n
        };
        let within = match (count(r, "withinDays", false), count(r, "withinWorkingDays", false)) {
            (Some(days), None) => Window::Days(days),
            (None, Some(days)) => Window::WorkingDays(days),
            (days, _) => {
                if o.ok {
                    r.problem(at, Code::BadWindow, "give one of withinDays or withinWorkingDays");
                }
                Window::Days(days.unwrap_or(1))
            }
        };
        (indicator, within, count(r, "atLeast", true).unwrap_or(1))
    })
}

/// A local profile: names, numbers and timescales laid over a ruleset's.
pub(crate) struct ProfileSrc<'j> {
    pub format: Option<&'j str>,
    pub id: Option<String>,
    pub organisation: String,
    /// The id of the ruleset it was written for.
    pub ruleset: Option<&'j str>,
    /// Where the profile's values came from, for its maintainers: checked, then not used.
    #[allow(dead_code)]
    pub notes: Option<String>,
    pub levels: Vec<(&'j str, ProfileLevelSrc)>,
    pub contacts: Vec<(&'j str, ProfileContactSrc)>,
    pub escalation: Vec<(&'j str, ProfileStageSrc<'j>)>,
}

/// A level's local name and meaning.
pub(crate) struct ProfileLevelSrc {
    pub name: String,
    pub meaning: Option<String>,
}

/// A local contact's details.
pub(crate) struct ProfileContactSrc {
    pub name: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub hours: Option<String>,
    pub out_of_hours: Option<String>,
    pub notes: Option<String>,
}

/// An escalation stage's local wording, timescale and contact.
pub(crate) struct ProfileStageSrc<'j> {
    pub name: Option<String>,
    pub who: Option<String>,
    pub timescale: Option<Urgency>,
    pub contact: Option<&'j str>,
}

impl<'j> ProfileSrc<'j> {
    pub fn read(r: &mut Reader, json: &'j Json) -> ProfileSrc<'j> {
        r.object(Some(json), &At::Root, |r, o| ProfileSrc {
            format: r.string(o, "format", true),
            id: r.given_text(o, "id"),
            organisation: r.text(o, "organisation"),
            ruleset: r.string(o, "ruleset", true),
            notes: r.optional_text(o, "notes"),
            levels: entries(r, o, "levels", |r, l| ProfileLevelSrc { name: r.text(l, "name"), meaning: r.optional_text(l, "meaning") }),
            contacts: entries(r, o, "contacts", |r, l| ProfileContactSrc {
                name: r.optional_text(l, "name"),
                phone: r.optional_text(l, "phone"),
                email: r.optional_text(l, "email"),
                hours: r.optional_text(l, "hours"),
                out_of_hours: r.optional_text(l, "outOfHours"),
                notes: r.optional_text(l, "notes"),
            }),
            escalation: entries(r, o, "escalation", |r, l| ProfileStageSrc {
                name: r.optional_text(l, "name"),
                who: r.optional_text(l, "who"),
                timescale: r.value(l, "timescale", false),
                contact: r.string(l, "contact", false),
            }),
        })
    }
}

/// A map from ids in the ruleset to objects, each read by `read`.
fn entries<'j, T>(r: &mut Reader, o: &Obj<'j, '_>, key: &'static str, read: impl Fn(&mut Reader, &Obj<'j, '_>) -> T) -> Vec<(&'j str, T)> {
    let at = At::Key(o.at, key);
    let mut out = Vec::new();
    for (id, json) in r.map(o, key) {
        out.push((id.as_str(), r.object(Some(json), &At::Key(&at, id), &read)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::valid_lines;

    #[test]
    fn line_lists() {
        for ok in ["1", "120-135", "120-135, 210", " 7 ,8-9"] {
            assert!(valid_lines(ok), "{ok}");
        }
        for bad in ["", "0", "135-120", "a", "1-", "-3", "1,,2"] {
            assert!(!valid_lines(bad), "{bad}");
        }
    }
}
