//! A ruleset and a profile as written: one typed struct for each kind of object in them, each
//! read by the strict [`Reader`].
//!
//! Each kind of object is read by one function that asks for its fields in the order
//! `docs/ruleset-format.md` gives them. The keys it asks for are the keys the object may have
//! (see [`Obj`]), so no field can be allowed without being read, or read without being
//! allowed. Checks that need only the value itself (blank text, a line list, a count of 0,
//! `minMonths` above `maxMonths`) are made as it is read; checks that need the rest of the
//! ruleset (ids, references, the levels' order) are [`crate::compile`]'s.
//!
//! Where nothing in an object refers to anything else, it is read straight into the type the
//! program holds ([`Domain`], [`Source`]); otherwise its struct holds that type with what is
//! still to be resolved beside it (the ids it names, its conditions, its citations), which the
//! compiler resolves and fills in. Lists ([`List`]), maps ([`Map`]) and some sections
//! ([`Part`]) are read item by item as they are compiled, so that the ids of every list can be
//! gathered first and nothing is held twice; each knows its own key, for the paths of problems.
//!
//! Conditions stay JSON until compiled: what a condition may say depends on its kind
//! ([`ConditionKind`]), and [`crate::compile`] reads each kind's object with the same reader
//! ([`events`], [`at_least`], [`age_range`]).

use crate::date::Date;
use crate::error::Code;
use crate::json::{At, FromJson, Json, Named, Obj, Reader};
use crate::named::named;
use crate::program::*;
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
        AnsweredNotKnown = "answeredNotKnown",
        AnsweredYes = "answeredYes",
        AnsweredNo = "answeredNo",
        Age = "age",
        Events = "events",
        Fact = "fact",
        FactAnsweredYes = "factAnsweredYes",
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
    pub domains: List<'j, Domain>,
    pub indicators: List<'j, IndicatorSrc<'j>>,
    pub context: ContextSrc<'j>,
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
    /// Its key in the object that holds it.
    key: &'static str,
    items: &'j [Json],
    item: std::marker::PhantomData<T>,
}

impl<'j, T: Item<'j>> List<'j, T> {
    /// The list at `key`: at most `max` items, the rest reported once and never read.
    fn read(r: &mut Reader, o: &Obj<'j, '_>, key: &'static str, required: bool, max: usize, what: &str) -> List<'j, T> {
        List { key, items: limited(r, o, key, required, max, what), item: std::marker::PhantomData }
    }

    /// Where the list is, in the object at `parent`.
    pub fn at<'a>(&self, parent: &'a At<'a>) -> At<'a> {
        At::Key(parent, self.key)
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

/// The ruleset's `meta`: as the program holds it, and its sources.
pub(crate) struct MetaSrc<'j> {
    pub meta: CompiledMeta,
    /// The id was given as text (and so is checked as an id).
    pub id_given: bool,
    pub sources: List<'j, Source>,
}

impl<'j> MetaSrc<'j> {
    fn read(r: &mut Reader, o: &Obj<'j, '_>) -> MetaSrc<'j> {
        let id = r.given_text(o, "id");
        let id_given = id.is_some();
        let meta = CompiledMeta {
            id: id.unwrap_or_default(),
            title: r.text(o, "title"),
            version: r.text(o, "version"),
            jurisdiction: r.text(o, "jurisdiction"),
            owner: r.text(o, "owner"),
            review_date: r.value(o, "reviewDate", true).unwrap_or(Date::EPOCH),
            effective_from: r.value(o, "effectiveFrom", true).unwrap_or(Date::EPOCH),
            notice: r.text(o, "notice"),
            hash: String::new(),
        };
        MetaSrc { meta, id_given, sources: List::read(r, o, "sources", true, MAX_LIST, "sources") }
    }
}

/// A document rules cite (in `meta.sources`), read as the program holds it.
impl<'j> Item<'j> for Source {
    fn read(r: &mut Reader, json: &'j Json, at: &At) -> Source {
        r.object(Some(json), at, |r, o| Source {
            id: r.text(o, "id"),
            title: r.text(o, "title"),
            reference: r.text(o, "reference"),
            allow: allow(r, o),
            cited: false,
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
fn citations<'j>(r: &mut Reader, o: &Obj<'j, '_>) -> List<'j, CitationSrc<'j>> {
    List::read(r, o, "sources", false, usize::MAX, "citations")
}

impl<'j> Item<'j> for CitationSrc<'j> {
    fn read(r: &mut Reader, json: &'j Json, at: &At) -> CitationSrc<'j> {
        r.object(Some(json), at, |r, c| {
            let source = r.string(c, "source", true);
            let lines = r.optional_text(c, "lines");
            if let Some(lines) = lines.as_deref().filter(|lines| !valid_lines(lines)) {
                let message = format!("\"{lines}\" is not a line list such as \"120\", \"120-135\" or \"120-135, 210\"");
                r.problem(&At::Key(at, "lines"), Code::BadLines, message);
            }
            CitationSrc { source, lines, section: r.optional_text(c, "section") }
        })
    }
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

/// A level of need: as the program holds it, but for the actions and routes it names.
pub(crate) struct LevelSrc<'j> {
    pub level: CompiledLevel,
    pub actions: Refs<'j>,
    pub routes: Refs<'j>,
}

impl<'j> Item<'j> for LevelSrc<'j> {
    fn read(r: &mut Reader, json: &'j Json, at: &At) -> LevelSrc<'j> {
        r.object(Some(json), at, |r, o| {
            let (id, rank) = (r.text(o, "id"), r.value(o, "rank", true).unwrap_or(0));
            let (name, meaning, response) = (r.text(o, "name"), r.text(o, "meaning"), r.text(o, "response"));
            let urgency = r.value(o, "urgency", false);
            let (actions, routes) = (refs(r, o, "actions"), refs(r, o, "routes"));
            let (emergency, allow) = (r.flag(o, "emergency"), allow(r, o));
            let level = CompiledLevel { id, position: 0, rank, name, meaning, response, urgency, actions: Vec::new(), routes: Vec::new(), emergency, allow };
            LevelSrc { level, actions, routes }
        })
    }
}

/// A domain of indicators, read as the program holds it: nothing in it refers to anything.
impl<'j> Item<'j> for Domain {
    fn read(r: &mut Reader, json: &'j Json, at: &At) -> Domain {
        r.object(Some(json), at, |r, o| Domain {
            id: r.text(o, "id"),
            name: r.text(o, "name"),
            description: r.optional_text(o, "description"),
            step: r.value(o, "step", false).unwrap_or(Step::Worries),
        })
    }
}

/// An indicator: something a practitioner answers, or a kind of dated event. As the program
/// holds it, but for its domain (named, not yet found) and what it cites.
pub(crate) struct IndicatorSrc<'j> {
    pub indicator: CompiledIndicator,
    pub domain: Option<&'j str>,
    /// `worry`, as written.
    pub worry: Option<bool>,
    pub sources: List<'j, CitationSrc<'j>>,
}

impl<'j> Item<'j> for IndicatorSrc<'j> {
    fn read(r: &mut Reader, json: &'j Json, at: &At) -> IndicatorSrc<'j> {
        r.object(Some(json), at, |r, o| {
            let (id, domain, text, help) = (r.text(o, "id"), r.string(o, "domain", true), r.text(o, "text"), r.optional_text(o, "help"));
            let terms = r.strings(o, "terms", false).into_iter().map(|(_, term)| term.to_string()).collect();
            let (ages, kind) = (ages(r, o), r.value(o, "kind", false).unwrap_or(IndicatorKind::Answer));
            let end_label = r.optional_text(o, "endLabel");
            let worry = r.value::<bool>(o, "worry", false);
            let (sources, allow) = (citations(r, o), allow(r, o));
            // The domain and the step it gives are the compiler's, as is whether it is a worry.
            let indicator =
                CompiledIndicator { id, domain: 0, text, help, terms, ages, kind, worry: worry.unwrap_or(true), step: Step::Worries, end_label, allow };
            IndicatorSrc { indicator, domain, worry, sources }
        })
    }
}

/// `context`: the wording of the context facts and of each referral outcome.
pub(crate) struct ContextSrc<'j> {
    /// It was an object; otherwise what it lacks is not worth reporting.
    pub ok: bool,
    pub facts: List<'j, FactWordingSrc>,
    pub referral: List<'j, ReferralWordingSrc>,
}

/// How a form words a context fact.
pub(crate) struct FactWordingSrc {
    pub fact: Option<Fact>,
    pub text: String,
    pub help: Option<String>,
}

/// How a form words a referral outcome.
pub(crate) struct ReferralWordingSrc {
    pub outcome: Option<ReferralOutcome>,
    pub text: String,
}

impl<'j> ContextSrc<'j> {
    fn read(r: &mut Reader, o: &Obj<'j, '_>) -> ContextSrc<'j> {
        let facts = List::read(r, o, "facts", true, usize::MAX, "facts");
        ContextSrc { ok: o.ok, facts, referral: List::read(r, o, "referral", true, usize::MAX, "referral outcomes") }
    }
}

impl<'j> Item<'j> for FactWordingSrc {
    fn read(r: &mut Reader, json: &'j Json, at: &At) -> FactWordingSrc {
        r.object(Some(json), at, |r, w| FactWordingSrc { fact: r.value(w, "fact", true), text: r.text(w, "text"), help: r.optional_text(w, "help") })
    }
}

impl<'j> Item<'j> for ReferralWordingSrc {
    fn read(r: &mut Reader, json: &'j Json, at: &At) -> ReferralWordingSrc {
        r.object(Some(json), at, |r, w| ReferralWordingSrc { outcome: r.value(w, "outcome", true), text: r.text(w, "text") })
    }
}

/// Someone to tell, with their number when it is national: as the program holds it (with no
/// profile laid over it yet), and the national contact to name while a local one is not set.
pub(crate) struct ContactSrc {
    /// It was an object; otherwise what it lacks is not worth reporting.
    pub ok: bool,
    pub contact: ContactDetails,
    pub meanwhile: Option<String>,
}

impl<'j> Item<'j> for ContactSrc {
    fn read(r: &mut Reader, json: &'j Json, at: &At) -> ContactSrc {
        r.object(Some(json), at, |r, o| {
            let (id, name, scope) = (r.text(o, "id"), r.text(o, "name"), r.value(o, "scope", true).unwrap_or(ContactScope::Local));
            let (phone, hours, notes, find_it) =
                (r.optional_text(o, "phone"), r.optional_text(o, "hours"), r.optional_text(o, "notes"), r.optional_text(o, "findIt"));
            let meanwhile = r.optional_text(o, "meanwhile");
            let set = phone.is_some();
            let contact = ContactDetails { id, name, scope, phone, email: None, hours, out_of_hours: None, notes, set, find_it, meanwhile: None };
            ContactSrc { ok: o.ok, contact, meanwhile }
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

/// A route, a referral or notification: as the program holds it, but for the contacts it names,
/// the conditions it is written with and what it cites.
pub(crate) struct RouteSrc<'j> {
    pub route: CompiledRoute,
    pub consent_override: Option<ConsentOverrideSrc<'j>>,
    pub contacts: Refs<'j>,
    pub fit: FitSrc<'j>,
    pub sources: List<'j, CitationSrc<'j>>,
}

/// Consent wording that replaces a route's own when its condition holds.
pub(crate) struct ConsentOverrideSrc<'j> {
    pub when: Option<&'j Json>,
    pub consent: String,
}

impl<'j> Item<'j> for RouteSrc<'j> {
    fn read(r: &mut Reader, json: &'j Json, at: &At) -> RouteSrc<'j> {
        r.object(Some(json), at, |r, o| {
            let (id, name, when) = (r.text(o, "id"), r.text(o, "name"), r.text(o, "when"));
            let (urgency, decision_within) = (r.value(o, "urgency", true).unwrap_or(Urgency::Now), r.value(o, "decisionWithin", false));
            let (who_may_submit, consent) = (r.text(o, "whoMaySubmit"), r.text(o, "consent"));
            let consent_override = r.field(o, "consentOverride", false).map(|json| {
                r.object(Some(json), &At::Key(at, "consentOverride"), |r, c| ConsentOverrideSrc {
                    when: r.field(c, "when", true),
                    consent: r.text(c, "consent"),
                })
            });
            let (contacts, fit, sources, allow) = (refs(r, o, "contacts"), fit(r, o), citations(r, o), allow(r, o));
            let route = CompiledRoute {
                id,
                name,
                when,
                urgency,
                who_may_submit,
                consent,
                contacts: Vec::new(),
                decision_within,
                consent_when: None,
                fit: Fit::default(),
                allow,
            };
            RouteSrc { route, consent_override, contacts, fit, sources }
        })
    }
}

/// A stage of escalation: as the program holds it, but for the contact it names and what it
/// cites.
pub(crate) struct StageSrc<'j> {
    pub stage: CompiledStage,
    pub contact: Option<&'j str>,
    pub sources: List<'j, CitationSrc<'j>>,
}

impl<'j> Item<'j> for StageSrc<'j> {
    fn read(r: &mut Reader, json: &'j Json, at: &At) -> StageSrc<'j> {
        r.object(Some(json), at, |r, o| {
            let (id, name, who, what) = (r.text(o, "id"), r.text(o, "name"), r.text(o, "who"), r.text(o, "what"));
            let timescale = r.value(o, "timescale", true).unwrap_or(Urgency::Now);
            let (contact, sources, allow) = (r.string(o, "contact", false), citations(r, o), allow(r, o));
            let stage = CompiledStage { id, name, who, what, timescale, timescale_is_default: true, contact: None, allow };
            StageSrc { stage, contact, sources }
        })
    }
}

/// Something to consider, raised by rules: as the program holds it, but for its conditions and
/// what it cites.
pub(crate) struct PromptSrc<'j> {
    pub prompt: CompiledPrompt,
    pub fit: FitSrc<'j>,
    pub sources: List<'j, CitationSrc<'j>>,
}

impl<'j> Item<'j> for PromptSrc<'j> {
    fn read(r: &mut Reader, json: &'j Json, at: &At) -> PromptSrc<'j> {
        r.object(Some(json), at, |r, o| {
            let (id, text, fit, sources, allow) = (r.text(o, "id"), r.text(o, "text"), fit(r, o), citations(r, o), allow(r, o));
            PromptSrc { prompt: CompiledPrompt { id, text, fit: Fit::default(), allow }, fit, sources }
        })
    }
}

/// Something to do, and how soon: as the program holds it, but for the indicator it may be due
/// after, its conditions and what it cites.
pub(crate) struct ActionSrc<'j> {
    pub action: CompiledAction,
    pub due_after: Option<DueAfterSrc<'j>>,
    pub fit: FitSrc<'j>,
    pub sources: List<'j, CitationSrc<'j>>,
    pub stands_in_for: Refs<'j>,
}

/// Due some days after the latest event of an indicator ends.
pub(crate) struct DueAfterSrc<'j> {
    pub indicator: Option<&'j Json>,
    pub days: u16,
}

impl<'j> Item<'j> for ActionSrc<'j> {
    fn read(r: &mut Reader, json: &'j Json, at: &At) -> ActionSrc<'j> {
        r.object(Some(json), at, |r, o| {
            let (id, text, urgency) = (r.text(o, "id"), r.text(o, "text"), r.value(o, "urgency", true).unwrap_or(Urgency::Now));
            let due_after = r.field(o, "dueAfter", false).map(|json| {
                r.object(Some(json), &At::Key(at, "dueAfter"), |r, d| DueAfterSrc {
                    indicator: r.field(d, "indicator", true),
                    days: r.value(d, "days", true).unwrap_or(0),
                })
            });
            let (fit, sources, allow, stands_in_for) = (fit(r, o), citations(r, o), allow(r, o), refs(r, o, "standsInFor"));
            let action = CompiledAction { id, text, urgency, due_after: None, fit: Fit::default(), allow, stands_in_for: Vec::new() };
            ActionSrc { action, due_after, fit, sources, stands_in_for }
        })
    }
}

/// A condition with a name, used by rules and items as `{"condition": id}`.
pub(crate) struct NamedConditionSrc<'j> {
    pub id: String,
    /// For the ruleset's readers: checked, then not used.
    #[allow(dead_code)]
    pub description: Option<String>,
    pub when: Option<&'j Json>,
}

impl<'j> Item<'j> for NamedConditionSrc<'j> {
    fn read(r: &mut Reader, json: &'j Json, at: &At) -> NamedConditionSrc<'j> {
        r.object(Some(json), at, |r, o| NamedConditionSrc {
            id: r.text(o, "id"),
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

/// A rule, a condition and what follows when it certainly holds: as the program holds it, but
/// for the condition and consequences as written and what it cites.
pub(crate) struct RuleSrc<'j> {
    pub rule: CompiledRule,
    pub when: Option<&'j Json>,
    pub then: ConsequencesSrc<'j>,
    pub sources: List<'j, CitationSrc<'j>>,
}

impl<'j> Item<'j> for RuleSrc<'j> {
    fn read(r: &mut Reader, json: &'j Json, at: &At) -> RuleSrc<'j> {
        r.object(Some(json), at, |r, o| {
            let (id, when, then) = (r.text(o, "id"), r.field(o, "when", true), r.section(o, "then", ConsequencesSrc::read));
            let (reason, sources, principles, allow) = (r.text(o, "reason"), citations(r, o), principles(r, o), allow(r, o));
            let rule = CompiledRule {
                id,
                kind: RuleKind::Rule,
                root: 0,
                then: CompiledConsequences::default(),
                reason,
                sources: Vec::new(),
                principles,
                leaves: Vec::new(),
                allow,
            };
            RuleSrc { rule, when, then, sources }
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

/// `safeguards`: the ruleset's wording of the engine's guarantees, each by name, each read
/// ([`SafeguardSrc`], [`HarmSuspectedSrc`]) as it is compiled.
pub(crate) struct SafeguardsSrc<'j> {
    pub worry_recorded: Part<'j>,
    pub worry_persists: Part<'j>,
    pub judgement_lower: Part<'j>,
    /// Optional: without it a ruleset keeps the engine's three original guarantees.
    pub harm_suspected: Part<'j>,
}

impl<'j> SafeguardsSrc<'j> {
    fn read(r: &mut Reader, o: &Obj<'j, '_>) -> SafeguardsSrc<'j> {
        SafeguardsSrc {
            worry_recorded: Part::read(r, o, "worryRecorded", true),
            worry_persists: Part::read(r, o, "worryPersists", true),
            judgement_lower: Part::read(r, o, "judgementLower", true),
            harm_suspected: Part::read(r, o, "harmSuspected", false),
        }
    }
}

/// An object inside another, read later by its own struct's reader: its key, and its value if
/// given (a required one left out is reported when its parent is read, and read as empty).
pub(crate) struct Part<'j> {
    pub key: &'static str,
    pub json: Option<&'j Json>,
}

impl<'j> Part<'j> {
    fn read(r: &mut Reader, o: &Obj<'j, '_>, key: &'static str, required: bool) -> Part<'j> {
        Part { key, json: r.field(o, key, required) }
    }

    /// Reads it with `read`; `parent` is where its parent is.
    pub fn get<T>(&self, r: &mut Reader, parent: &At, read: impl FnOnce(&mut Reader, &Obj<'j, '_>) -> T) -> T {
        r.object(self.json, &At::Key(parent, self.key), read)
    }
}

/// One safeguard's consequences and why.
pub(crate) struct SafeguardSrc<'j> {
    /// It was an object; otherwise what it lacks is not worth reporting.
    pub ok: bool,
    pub then: ConsequencesSrc<'j>,
    pub reason: String,
    pub sources: List<'j, CitationSrc<'j>>,
}

impl<'j> SafeguardSrc<'j> {
    pub fn read(r: &mut Reader, o: &Obj<'j, '_>) -> SafeguardSrc<'j> {
        SafeguardSrc { ok: o.ok, then: r.section(o, "then", ConsequencesSrc::read), reason: r.text(o, "reason"), sources: citations(r, o) }
    }
}

/// The `harmSuspected` safeguard, with the level an open question must be able to reach.
pub(crate) struct HarmSuspectedSrc<'j> {
    pub at_level: Option<&'j str>,
    pub safeguard: SafeguardSrc<'j>,
}

impl<'j> HarmSuspectedSrc<'j> {
    pub fn read(r: &mut Reader, o: &Obj<'j, '_>) -> HarmSuspectedSrc<'j> {
        let at_level = r.string(o, "atLevel", false);
        if o.get("atLevel").is_none() && o.ok {
            r.problem(o.at, Code::MissingField, "missing field \"atLevel\": the level an open question must be able to reach");
        }
        HarmSuspectedSrc { at_level, safeguard: SafeguardSrc::read(r, o) }
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
    pub levels: Map<'j, ProfileLevelSrc>,
    pub contacts: Map<'j, ProfileContactSrc>,
    pub escalation: Map<'j, ProfileStageSrc<'j>>,
}

impl<'j> ProfileSrc<'j> {
    pub fn read(r: &mut Reader, json: &'j Json) -> ProfileSrc<'j> {
        r.object(Some(json), &At::Root, |r, o| ProfileSrc {
            format: r.string(o, "format", true),
            id: r.given_text(o, "id"),
            organisation: r.text(o, "organisation"),
            ruleset: r.string(o, "ruleset", true),
            notes: r.optional_text(o, "notes"),
            levels: Map::read(r, o, "levels"),
            contacts: Map::read(r, o, "contacts"),
            escalation: Map::read(r, o, "escalation"),
        })
    }
}

/// A level's local name and meaning.
pub(crate) struct ProfileLevelSrc {
    pub name: String,
    pub meaning: Option<String>,
}

impl<'j> Entry<'j> for ProfileLevelSrc {
    fn read(r: &mut Reader, o: &Obj<'j, '_>) -> ProfileLevelSrc {
        ProfileLevelSrc { name: r.text(o, "name"), meaning: r.optional_text(o, "meaning") }
    }
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

impl<'j> Entry<'j> for ProfileContactSrc {
    fn read(r: &mut Reader, o: &Obj<'j, '_>) -> ProfileContactSrc {
        ProfileContactSrc {
            name: r.optional_text(o, "name"),
            phone: r.optional_text(o, "phone"),
            email: r.optional_text(o, "email"),
            hours: r.optional_text(o, "hours"),
            out_of_hours: r.optional_text(o, "outOfHours"),
            notes: r.optional_text(o, "notes"),
        }
    }
}

/// An escalation stage's local wording, timescale and contact.
pub(crate) struct ProfileStageSrc<'j> {
    pub name: Option<String>,
    pub who: Option<String>,
    pub timescale: Option<Urgency>,
    pub contact: Option<&'j str>,
}

impl<'j> Entry<'j> for ProfileStageSrc<'j> {
    fn read(r: &mut Reader, o: &Obj<'j, '_>) -> ProfileStageSrc<'j> {
        ProfileStageSrc {
            name: r.optional_text(o, "name"),
            who: r.optional_text(o, "who"),
            timescale: r.value(o, "timescale", false),
            contact: r.string(o, "contact", false),
        }
    }
}

/// One kind of object in a map from ids, read by one function from the object.
pub(crate) trait Entry<'j>: Sized {
    fn read(r: &mut Reader, o: &Obj<'j, '_>) -> Self;
}

/// A map from ids in the ruleset to objects of one kind, each read as it is compiled.
pub(crate) struct Map<'j, T> {
    /// Its key in the object that holds it.
    key: &'static str,
    entries: &'j [(String, Json)],
    entry: std::marker::PhantomData<T>,
}

impl<'j, T: Entry<'j>> Map<'j, T> {
    fn read(r: &mut Reader, o: &Obj<'j, '_>, key: &'static str) -> Map<'j, T> {
        Map { key, entries: r.map(o, key), entry: std::marker::PhantomData }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Where the map is, in the object at `parent`.
    pub fn at<'a>(&self, parent: &'a At<'a>) -> At<'a> {
        At::Key(parent, self.key)
    }

    /// The `i`th id, and its object, read; `map` is where the map is.
    pub fn get(&self, r: &mut Reader, i: usize, map: &At) -> (&'j str, T) {
        let (id, json) = &self.entries[i];
        (id, r.object(Some(json), &At::Key(map, id), T::read))
    }
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
