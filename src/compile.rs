//! Checking and compiling a ruleset (and a local profile), read first into its typed source
//! ([`crate::source`]).
//!
//! Every problem is collected, each with the path of the offending value, so an author can fix
//! a ruleset in one go. Every reference is resolved to an index here, once. Paths are chains of
//! [`At`] on the stack and become text only when there is a problem to report.

use crate::error::{Code, Document, Error};
use crate::index::{self, Index};
use crate::json::{At, FromJson, Json, Named, Reader};
use crate::program::*;
use crate::ruleset::*;
use crate::source::*;

/// The value of `format` in every profile this engine reads.
pub const PROFILE_FORMAT: &str = "waymark-profile/1";

/// Deeper conditions are refused, so evaluation can never exhaust the stack.
const MAX_DEPTH: usize = 32;

/// Condition nodes in one compiled ruleset (each named condition counted once).
const MAX_NODES: usize = 1_000_000;
/// Tests in one rule's or named condition's condition, with its named conditions written out
/// (a named condition used twice counts twice): bounds the work of explaining the rule.
const MAX_CONDITION: u32 = 5_000;
/// The same, over every rule of the ruleset.
const MAX_CONDITIONS: u64 = 2_000_000;
/// How deep one condition nests with its named conditions written out: explaining it recurses
/// this deep.
const MAX_NESTING: u16 = 64;
/// Unknown ids given a "did you mean" suggestion (each costs a search of every id).
const MAX_SUGGESTIONS: usize = 20;

pub(crate) fn compile(ruleset: &Json, profile: Option<&Json>) -> Result<Program, Error> {
    let mut reader = Reader::new(Document::Ruleset);
    let source = RulesetSrc::read(&mut reader, ruleset);
    let mut c = Compiler { reader, sources: Vec::new(), source_ids: Ids(Vec::new()), suggestions: MAX_SUGGESTIONS, expanded: 0, named: Ids(Vec::new()) };
    let program = c.ruleset(source, ruleset.content_hash(), profile);
    c.reader.finish(program).map(indexed)
}

/// The program with what evaluation reads made from it, all here: which rules each input
/// engages and what each rule could ask ([`Engaging`]), and which nodes each input reaches,
/// from the truths of a case where nothing is known ([`Reach`]). Only for a program that is
/// accepted: a refused one may name what is not there.
fn indexed(mut program: Program) -> Program {
    let indicators = program.indicators.len();
    program.engaging = Engaging::of(&program.nodes, &program.rules, indicators);
    (program.engaging.asks, program.engaging.asks_end) = crate::eval::asks(&program);
    program.engaging.below = crate::eval::below(&program);
    program.reach = Reach::of(&program.nodes, &program.kids, indicators);
    program.reach.baseline = crate::eval::baseline(&program);
    program
}

struct Compiler<'j> {
    reader: Reader,
    sources: Vec<Source>,
    source_ids: Ids<'j>,
    /// Suggestions still to be given for unknown ids.
    suggestions: usize,
    /// Tests in the rules so far, with named conditions written out.
    expanded: u64,
    /// The ids of the named conditions.
    named: Ids<'j>,
}

// The compiler is a reader with the ruleset's ids and sources to hand.
impl std::ops::Deref for Compiler<'_> {
    type Target = Reader;
    fn deref(&self) -> &Reader {
        &self.reader
    }
}

impl std::ops::DerefMut for Compiler<'_> {
    fn deref_mut(&mut self) -> &mut Reader {
        &mut self.reader
    }
}

/// Ids of one kind of item with their positions, sorted for binary search.
struct Ids<'j>(Vec<(&'j str, usize)>);

impl<'j> Ids<'j> {
    fn get(&self, id: &str) -> Option<usize> {
        self.0.binary_search_by(|(key, _)| (*key).cmp(id)).ok().map(|at| self.0[at].1)
    }
}

/// What rules may refer to, by id.
struct Scope<'j> {
    levels: Ids<'j>,
    /// Rank order of each level, by position in the ruleset's list.
    level_order: Vec<u8>,
    indicators: Ids<'j>,
    kinds: Vec<IndicatorKind>,
    worded_facts: Vec<Fact>,
    routes: Ids<'j>,
    stages: Ids<'j>,
    prompts: Ids<'j>,
    actions: Ids<'j>,
}

fn item<'a>(list: &'a At<'a>, i: usize) -> At<'a> {
    At::Index(list, i)
}

impl<'j> Compiler<'j> {
    /// An item's citations, at `at` (the item), each resolved to its source.
    fn citations<'x>(&mut self, list: List<'x, CitationSrc<'x>>, at: &At) -> Vec<SourceCitation> {
        let at = list.at(at);
        let mut out = Vec::new();
        for i in 0..list.len() {
            let citation = list.get(self, i, &at);
            let Some(source) = citation.source else { continue };
            if let Some(found) = self.source_ids.get(source) {
                let doc = &mut self.sources[found];
                doc.cited = true;
                out.push(SourceCitation { source: doc.id.clone(), title: doc.title.clone(), lines: citation.lines, section: citation.section });
            } else {
                let hint = suggest(&mut self.suggestions, &self.source_ids, source);
                self.problem(&At::Key(&item(&at, i), "source"), Code::UnknownSource, format!("unknown source \"{source}\"{hint}"));
            }
        }
        out
    }

    /// Reads each item of `list` (at `at`) and compiles it with `compile`, which is given
    /// the item, its position and its path.
    fn each<T: Item<'j>, U>(&mut self, list: &List<'j, T>, at: &At, mut compile: impl FnMut(&mut Self, T, usize, &At) -> U) -> Vec<U> {
        let mut out = Vec::new();
        for i in 0..list.len() {
            let src = list.get(self, i, at);
            out.push(compile(self, src, i, &item(at, i)));
        }
        out
    }

    // --- Ids and references -------------------------------------------------------------

    /// The ids of a list's items, reporting ids that are not kebab-case and repeats.
    fn ids(&mut self, listed: Vec<(&'j str, usize)>, at: &At) -> Ids<'j> {
        for (id, i) in &listed {
            self.check_id(id, &At::Key(&item(at, *i), "id"));
        }
        Ids(crate::json::unique_ids(self, listed, at))
    }

    /// Whether a condition is within [`MAX_CONDITION`] tests once its named conditions are
    /// written out, and, for a rule, the rules together within [`MAX_CONDITIONS`].
    fn within_limits(&mut self, graph: &Graph, root: u32, at: &At, rule: bool) -> bool {
        let (size, depth) = (graph.sizes[root as usize], graph.depths[root as usize]);
        if depth > MAX_NESTING {
            let message = "this condition nests more than 64 deep (the limit) once its named conditions are written out";
            self.problem(at, Code::TooDeep, message);
            return false;
        }
        if size > MAX_CONDITION {
            let message = "this condition has more than 5000 tests (the limit) once its named conditions are written out";
            self.problem(at, Code::TooLarge, message);
            return false;
        }
        if rule {
            let before = self.expanded;
            self.expanded += u64::from(size);
            if self.expanded > MAX_CONDITIONS {
                if before <= MAX_CONDITIONS {
                    let message = "the rules have more than 2000000 tests in all (the limit) once named conditions are written out";
                    self.problem(at, Code::TooLarge, message);
                }
                return false;
            }
        }
        true
    }

    fn check_id(&mut self, id: &str, at: &At) {
        let kebab = !id.is_empty() && id.split('-').all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
        if !kebab {
            self.problem(at, Code::BadId, format!("\"{id}\" is not a kebab-case id (lower-case letters and digits joined by single hyphens)"));
        }
    }

    fn resolve(&mut self, ids: &Ids, id: &str, at: &At, code: Code, what: &str) -> Option<usize> {
        let found = ids.get(id);
        if found.is_none() {
            let hint = suggest(&mut self.suggestions, ids, id);
            self.problem(at, code, format!("unknown {what} \"{id}\"{hint}"));
        }
        found
    }

    /// The ids in `list` (the value at `at`), resolved.
    fn references(&mut self, list: Refs, at: &At, ids: &Ids, code: Code, what: &str) -> Vec<u16> {
        let mut found = Vec::new();
        for (i, id) in list {
            if let Some(index) = self.resolve(ids, id, &item(at, i), code, what) {
                found.push(index as u16);
            }
        }
        found
    }

    fn reference(&mut self, id: Option<&str>, at: &At, ids: &Ids, code: Code, what: &str) -> Option<usize> {
        self.resolve(ids, id?, at, code, what)
    }

    // --- The ruleset ----------------------------------------------------------------------

    fn ruleset(&mut self, src: RulesetSrc<'j>, hash: String, profile: Option<&Json>) -> Program {
        let root = At::Root;
        if let Some(format) = src.format {
            if format != RULESET_FORMAT {
                self.problem(&At::Key(&root, "format"), Code::WrongFormat, format!("expected \"{RULESET_FORMAT}\", found \"{format}\""));
            }
        }
        let mut meta = self.meta(src.meta, &At::Key(&root, "meta"));
        meta.hash = hash;

        let (levels_at, domains_at, indicators_at, contacts_at) =
            (src.levels.at(&root), src.domains.at(&root), src.indicators.at(&root), src.contacts.at(&root));
        let (routes_at, stages_at, prompts_at) = (src.routes.at(&root), src.escalation.at(&root), src.prompts.at(&root));
        let (actions_at, rules_at, conditions_at) = (src.actions.at(&root), src.rules.at(&root), src.conditions.at(&root));
        let level_ids = self.ids(src.levels.ids(), &levels_at);
        let domain_ids = self.ids(src.domains.ids(), &domains_at);
        let indicator_ids = self.ids(src.indicators.ids(), &indicators_at);
        let contact_ids = self.ids(src.contacts.ids(), &contacts_at);
        let route_ids = self.ids(src.routes.ids(), &routes_at);
        let stage_ids = self.ids(src.escalation.ids(), &stages_at);
        let prompt_ids = self.ids(src.prompts.ids(), &prompts_at);
        let action_ids = self.ids(src.actions.ids(), &actions_at);
        // Rule ids are never referred to, but must be unique for traces and scenarios.
        self.ids(src.rules.ids(), &rules_at);

        let domains = self.each(&src.domains, &domains_at, |_, domain, _, _| domain);
        let indicators = self.each(&src.indicators, &indicators_at, |c, indicator, _, here| c.indicator(indicator, here, &domain_ids, &domains));
        let (facts, referral_wording) = self.context(src.context, &At::Key(&root, "context"));
        let mut meanwhile = Vec::new();
        let mut contacts = self.each(&src.contacts, &contacts_at, |c, mut contact, _, here| {
            meanwhile.push(contact.meanwhile.take());
            c.contact(contact, here)
        });
        self.meanwhile(meanwhile, &contacts_at, &contact_ids, &mut contacts);
        let mut stages = self.each(&src.escalation, &stages_at, |c, stage, _, here| c.stage(stage, here, &contact_ids));
        if src.escalation.is_empty() && src.ok {
            self.problem(&stages_at, Code::NoStages, "at least one escalation stage is needed: the engine escalates whenever a closed referral leaves a worry");
        }

        // Levels: read, then put in rank order, so consequences can refer to them.
        let mut levels = self.each(&src.levels, &levels_at, |c, level, i, here| c.level(level, here, i, &action_ids, &route_ids));
        self.check_levels(&levels, &levels_at, src.ok);
        crate::sort::by(&mut levels, |a, b| a.rank.cmp(&b.rank));
        let mut level_order = vec![0u8; levels.len()];
        for (order, level) in levels.iter().enumerate() {
            level_order[level.position] = order.min(usize::from(u8::MAX)) as u8;
        }

        let scope = Scope {
            levels: level_ids,
            level_order,
            indicators: indicator_ids,
            kinds: indicators.iter().map(|i| i.kind).collect(),
            worded_facts: facts.iter().map(|f| f.fact).collect(),
            routes: route_ids,
            stages: stage_ids,
            prompts: prompt_ids,
            actions: action_ids,
        };
        let mut graph = Graph::default();
        self.named_conditions(&scope, &mut graph, &src.conditions, &conditions_at);
        let routes = self.each(&src.routes, &routes_at, |c, route, _, here| c.route(&scope, &mut graph, route, here, &contact_ids));
        let prompts = self.each(&src.prompts, &prompts_at, |c, src, _, here| {
            let mut prompt = src.prompt;
            prompt.fit = c.fit(&scope, &mut graph, src.fit, here);
            c.citations(src.sources, here);
            prompt
        });
        let actions = self.each(&src.actions, &actions_at, |c, action, _, here| c.action(&scope, &mut graph, action, here));
        self.stand_ins(&actions, &actions_at);
        let mut rules = self.each(&src.rules, &rules_at, |c, src, _, here| {
            let mut rule = src.rule;
            let when_at = At::Key(here, "when");
            rule.root = match src.when {
                Some(when) => c.condition(&scope, &mut graph, when, &when_at, 1),
                None => graph.leaf(Leaf::WorryRecorded),
            };
            rule.then = c.consequences(&scope, src.then, &At::Key(here, "then"));
            rule.sources = c.citations(src.sources, here);
            if c.within_limits(&graph, rule.root, &when_at, true) {
                rule.leaves = graph.leaves(rule.root);
            }
            rule
        });
        let safeguards = self.safeguards(&scope, &mut graph, src.safeguards, &At::Key(&root, "safeguards"), &mut rules);

        let profile = profile.map(|json| {
            self.reader.document = Document::Profile;
            let src = ProfileSrc::read(&mut self.reader, json);
            let local = Local { levels: &mut levels, contacts: &mut contacts, contact_ids: &contact_ids, stages: &mut stages };
            let compiled = self.profile(src, json.content_hash(), &meta.id, &scope, local);
            self.reader.document = Document::Ruleset;
            compiled
        });

        let mut indicator_index: Vec<(String, u16)> = indicators.iter().enumerate().map(|(i, ind)| (ind.id.clone(), i as u16)).collect();
        crate::sort::by(&mut indicator_index, |a, b| a.0.cmp(&b.0));
        Program {
            meta,
            profile,
            sources: std::mem::take(&mut self.sources),
            levels,
            domains,
            indicators,
            indicator_index,
            facts,
            referral_wording,
            contacts,
            routes,
            stages,
            prompts,
            actions,
            nodes: graph.nodes,
            kids: graph.kids,
            rules,
            safeguards,
            // Made by `indexed` once the program is accepted.
            engaging: Engaging::default(),
            reach: Reach::default(),
            synonyms: src.synonyms,
        }
    }

    fn meta(&mut self, src: MetaSrc<'j>, at: &At) -> CompiledMeta {
        let meta = src.meta;
        if src.id_given {
            self.check_id(&meta.id, &At::Key(at, "id"));
        }
        if meta.review_date < meta.effective_from {
            let message = format!("the review date {} is before the effective date {}", meta.review_date, meta.effective_from);
            self.problem(&At::Key(at, "reviewDate"), Code::BadDates, message);
        }
        let list_at = src.sources.at(at);
        self.source_ids = self.ids(src.sources.ids(), &list_at);
        self.sources = self.each(&src.sources, &list_at, |_, source, _, _| source);
        meta
    }

    fn level(&mut self, src: LevelSrc, at: &At, position: usize, actions: &Ids, routes: &Ids) -> CompiledLevel {
        let mut level = src.level;
        level.position = position;
        level.actions = self.references(src.actions, &At::Key(at, "actions"), actions, Code::UnknownAction, "action");
        level.routes = self.references(src.routes, &At::Key(at, "routes"), routes, Code::UnknownRoute, "route");
        level
    }

    fn check_levels(&mut self, levels: &[CompiledLevel], at: &At, present: bool) {
        if !present {
            return;
        }
        if levels.len() < 2 {
            self.problem(at, Code::BadLevels, "a ruleset needs at least two levels: one below the emergency level, and the emergency level");
        }
        for (i, level) in levels.iter().enumerate() {
            if let Some(first) = levels[..i].iter().position(|l| l.rank == level.rank) {
                self.problem(&At::Key(&item(at, i), "rank"), Code::BadLevels, format!("rank {} is already used by levels[{first}]", level.rank));
            }
        }
        let top = levels.iter().map(|l| l.rank).max().unwrap_or(0);
        let emergencies: Vec<usize> = (0..levels.len()).filter(|i| levels[*i].emergency).collect();
        if emergencies.is_empty() {
            self.problem(at, Code::BadLevels, "one level must be the emergency level (\"emergency\": true) for a child in danger now");
        }
        let accepted = emergencies.iter().copied().find(|i| levels[*i].rank == top);
        for i in emergencies.into_iter().filter(|i| Some(*i) != accepted) {
            let message = if levels[i].rank == top { "only one level can be the emergency level" } else { "the emergency level must have the highest rank" };
            self.problem(&At::Key(&item(at, i), "emergency"), Code::BadLevels, message);
        }
    }

    fn indicator(&mut self, src: IndicatorSrc, at: &At, domains: &Ids, domain_list: &[Domain]) -> CompiledIndicator {
        let mut indicator = src.indicator;
        let domain = self.reference(src.domain, &At::Key(at, "domain"), domains, Code::UnknownDomain, "domain");
        if indicator.end_label.is_some() && indicator.kind != IndicatorKind::Event {
            self.problem(&At::Key(at, "endLabel"), Code::WrongKind, "only an event indicator has a last day to ask for");
        }
        if indicator.kind == IndicatorKind::Circumstance {
            if src.worry.is_some() {
                self.problem(&At::Key(at, "worry"), Code::WrongKind, "a circumstance is never a worry in itself: leave out worry");
            }
            indicator.worry = false;
        }
        indicator.step = match indicator.kind {
            IndicatorKind::Circumstance => Step::Child,
            IndicatorKind::Answer | IndicatorKind::Event => domain.and_then(|d| domain_list.get(d)).map_or(Step::Worries, |d| d.step),
        };
        indicator.domain = domain.unwrap_or(0) as u16;
        self.citations(src.sources, at);
        indicator
    }

    /// The wording of the context facts, and of each referral outcome in
    /// `ReferralOutcome::ALL` order.
    fn context(&mut self, src: ContextSrc<'j>, at: &At) -> (Vec<FactInfo>, Vec<String>) {
        let facts_at = src.facts.at(at);
        let mut facts: Vec<FactInfo> = Vec::new();
        for i in 0..src.facts.len() {
            let wording = src.facts.get(self, i, &facts_at);
            let Some(fact) = wording.fact else { continue };
            if facts.iter().any(|f| f.fact == fact) {
                self.problem(&At::Key(&item(&facts_at, i), "fact"), Code::DuplicateWording, format!("{} is already worded", fact.name()));
                continue;
            }
            facts.push(FactInfo { fact, text: wording.text, help: wording.help });
        }
        if src.ok && !facts.iter().any(|f| f.fact == Fact::StillWorried) {
            self.problem(&facts_at, Code::MissingWording, "still-worried needs wording: the engine asks it whenever a referral was closed");
        }
        let referral_at = src.referral.at(at);
        let mut wording = vec![String::new(); ReferralOutcome::ALL.len()];
        for i in 0..src.referral.len() {
            let given = src.referral.get(self, i, &referral_at);
            let Some(outcome) = given.outcome else { continue };
            let slot = &mut wording[outcome as usize];
            if slot.is_empty() {
                *slot = given.text;
            } else {
                self.problem(&At::Key(&item(&referral_at, i), "outcome"), Code::DuplicateWording, format!("{} is already worded", outcome.name()));
            }
        }
        if src.ok {
            for (outcome, text) in ReferralOutcome::ALL.iter().zip(&wording) {
                if text.is_empty() {
                    self.problem(&referral_at, Code::MissingWording, format!("the referral outcome {} needs wording", outcome.name()));
                }
            }
        }
        (facts, wording)
    }

    fn contact(&mut self, src: ContactSrc, at: &At) -> ContactDetails {
        let contact = src.contact;
        match (contact.scope, &contact.phone) {
            (ContactScope::National, None) if src.ok => self.problem(&At::Key(at, "phone"), Code::MissingNumber, "a national contact needs its number"),
            (ContactScope::Local, Some(_)) => self.problem(
                &At::Key(at, "phone"),
                Code::LocalNumber,
                "local numbers belong in a profile, so that no ruleset ships an invented or out-of-date local contact",
            ),
            (ContactScope::National, None | Some(_)) | (ContactScope::Local, None) => {}
        }
        // Its `meanwhile` is resolved once every contact is read (see `meanwhile`).
        contact
    }

    /// Each local contact's `meanwhile`: a national contact, named with its number while the
    /// local one is not set.
    fn meanwhile(&mut self, list: Vec<Option<String>>, at: &At, ids: &Ids, contacts: &mut [ContactDetails]) {
        for (i, meanwhile) in list.into_iter().enumerate() {
            let Some(id) = meanwhile else { continue };
            let here = At::Key(&item(at, i), "meanwhile");
            let Some(found) = self.resolve(ids, &id, &here, Code::UnknownContact, "contact") else { continue };
            match (&contacts[found].scope, &contacts[found].phone) {
                (ContactScope::National, Some(phone)) => {
                    let meanwhile = Meanwhile { name: contacts[found].name.clone(), phone: phone.clone() };
                    if let Some(contact) = contacts.get_mut(i) {
                        contact.meanwhile = Some(meanwhile);
                    }
                }
                (ContactScope::National, None) | (ContactScope::Local, _) => {
                    self.problem(&here, Code::NotNational, format!("\"{id}\" is not a national contact with a number, so it cannot stand in for a local one"))
                }
            }
        }
    }

    fn route(&mut self, scope: &Scope, graph: &mut Graph, src: RouteSrc, at: &At, contacts: &Ids) -> CompiledRoute {
        let mut route = src.route;
        route.consent_when = src.consent_override.map(|consent| {
            let here = At::Key(at, "consentOverride");
            let node = match consent.when {
                Some(json) => self.condition(scope, graph, json, &At::Key(&here, "when"), 1),
                None => graph.leaf(Leaf::WorryRecorded),
            };
            (node, consent.consent)
        });
        route.contacts = self.references(src.contacts, &At::Key(at, "contacts"), contacts, Code::UnknownContact, "contact");
        route.fit = self.fit(scope, graph, src.fit, at);
        self.citations(src.sources, at);
        route
    }

    fn action(&mut self, scope: &Scope, graph: &mut Graph, src: ActionSrc, at: &At) -> CompiledAction {
        let mut action = src.action;
        action.due_after = src.due_after.map(|due| {
            let indicator = match due.indicator {
                Some(json) => self.indicator_ref(scope, json, &At::Key(&At::Key(at, "dueAfter"), "indicator"), Some(IndicatorKind::Event)),
                None => 0,
            };
            DueAfter { indicator, days: due.days }
        });
        action.fit = self.fit(scope, graph, src.fit, at);
        self.citations(src.sources, at);
        let listed = src.stands_in_for.len();
        action.stands_in_for = self.references(src.stands_in_for, &At::Key(at, "standsInFor"), &scope.actions, Code::UnknownAction, "action");
        // An unknown id is refused already; the other checks wait for it, so that their paths are right.
        if action.stands_in_for.len() != listed {
            action.stands_in_for.clear();
        }
        action
    }

    /// Each action that stands in for another must be at least as urgent, neither timed by
    /// `dueAfter`, and not stand in for itself: otherwise "phone now" could hide behind "refer by
    /// tomorrow". Nor may an action that is stood in for stand in for another, so which actions
    /// show never depends on the order they were given in.
    fn stand_ins(&mut self, actions: &[CompiledAction], at: &At) {
        let mut stood_in_for = vec![false; actions.len()];
        for &other in actions.iter().flat_map(|action| &action.stands_in_for) {
            stood_in_for[usize::from(other)] = true;
        }
        for (i, action) in actions.iter().enumerate() {
            for (j, &other) in action.stands_in_for.iter().enumerate() {
                let (index, other) = (usize::from(other), &actions[usize::from(other)]);
                let message = if index == i {
                    "an action cannot stand in for itself".to_string()
                } else if stood_in_for[i] {
                    format!("another action stands in for this one, so it cannot stand in for \"{}\": stand-ins do not chain", other.id)
                } else if action.due_after.is_some() || other.due_after.is_some() {
                    format!("this action or \"{}\" is timed by dueAfter, so one cannot stand in for the other", other.id)
                } else if action.urgency > other.urgency {
                    format!("\"{}\" is more urgent than this action, so this one cannot stand in for it", other.id)
                } else {
                    continue;
                };
                self.problem(&At::Index(&At::Key(&item(at, i), "standsInFor"), j), Code::BadValue, message);
            }
        }
    }

    /// An item's `ages` and `unless`, the item being at `at`.
    fn fit(&mut self, scope: &Scope, graph: &mut Graph, src: FitSrc, at: &At) -> Fit {
        let unless = src.unless.map(|json| self.condition(scope, graph, json, &At::Key(at, "unless"), 1));
        Fit { ages: src.ages, unless }
    }

    /// `conditions`: conditions with a name, written once and used by rules and items as
    /// `{"condition": id}`. A condition may use only those defined before it, so none is circular.
    fn named_conditions(&mut self, scope: &Scope, graph: &mut Graph, list: &List<'j, NamedConditionSrc<'j>>, at: &At) {
        // Sorted, so that each use is a binary search (ids() reports bad and repeated ids).
        self.named = self.ids(list.ids(), at);
        graph.named = vec![None; list.len()];
        for i in 0..list.len() {
            let src = list.get(self, i, at);
            let when_at = At::Key(&item(at, i), "when");
            let root = match src.when {
                Some(when) => self.condition(scope, graph, when, &when_at, 1),
                None => continue,
            };
            if !self.within_limits(graph, root, &when_at, false) {
                continue;
            }
            // The first condition given an id is the one it names.
            if self.named.get(&src.id) == Some(i) {
                graph.named[i] = Some(root);
            }
        }
    }

    fn stage(&mut self, src: StageSrc, at: &At, contacts: &Ids) -> CompiledStage {
        let mut stage = src.stage;
        stage.contact = self.reference(src.contact, &At::Key(at, "contact"), contacts, Code::UnknownContact, "contact").map(|c| c as u16);
        self.citations(src.sources, at);
        stage
    }

    /// A `then` (at `at`), resolved.
    fn consequences(&mut self, scope: &Scope, src: ConsequencesSrc, at: &At) -> CompiledConsequences {
        let key = |key: &'static str| At::Key(at, key);
        CompiledConsequences {
            level: self.reference(src.level, &key("level"), &scope.levels, Code::UnknownLevel, "level").map(|i| scope.level_order[i]),
            actions: self.references(src.actions, &key("actions"), &scope.actions, Code::UnknownAction, "action"),
            routes: self.references(src.routes, &key("routes"), &scope.routes, Code::UnknownRoute, "route"),
            prompts: self.references(src.prompts, &key("prompts"), &scope.prompts, Code::UnknownPrompt, "prompt"),
            escalate_from: self.reference(src.escalate_from, &key("escalateFrom"), &scope.stages, Code::UnknownStage, "escalation stage").map(|i| i as u8),
        }
    }

    /// The safeguards, each compiled by name into a rule after the ruleset's own (with the id
    /// `safeguards.<name>`), its condition one only the engine can state.
    fn safeguards(&mut self, scope: &Scope, graph: &mut Graph, src: SafeguardsSrc, at: &At, rules: &mut Vec<CompiledRule>) -> Safeguards {
        // A closed referral while the practitioner is still worried.
        let persists = {
            let closed = ReferralOutcome::ALL.iter().filter(|o| o.is_closed()).map(|o| graph.leaf(Leaf::Referral(*o))).collect::<Vec<_>>();
            let closed = graph.branch(closed, |start, end| Node::Any { start, end });
            let worried = graph.leaf(Leaf::Fact(Fact::StillWorried));
            graph.branch(vec![closed, worried], |start, end| Node::All { start, end })
        };

        // A recorded worry always leads somewhere.
        let (here, safeguard) = (At::Key(at, src.worry_recorded.key), src.worry_recorded.get(self, at, SafeguardSrc::read));
        let root = graph.leaf(Leaf::WorryRecorded);
        let then = self.consequences(scope, safeguard.then, &At::Key(&here, "then"));
        if then.actions.is_empty() && then.routes.is_empty() && safeguard.ok {
            self.problem(&At::Key(&here, "then"), Code::EmptySafeguard, "a recorded worry must always lead somewhere: give at least one action or route");
        }
        self.safeguard(root, then, safeguard.reason, safeguard.sources, &here, graph, rules);

        // A worry that persists after a closed referral is escalated, from the first stage
        // unless the ruleset says otherwise.
        let (here, safeguard) = (At::Key(at, src.worry_persists.key), src.worry_persists.get(self, at, SafeguardSrc::read));
        let mut then = self.consequences(scope, safeguard.then, &At::Key(&here, "then"));
        then.escalate_from = then.escalate_from.or(Some(0));
        self.safeguard(persists, then, safeguard.reason, safeguard.sources, &here, graph, rules);

        // The practitioner's lower view is kept beside the engine's level: it needs that level.
        let (here, safeguard) = (At::Key(at, src.judgement_lower.key), src.judgement_lower.get(self, at, SafeguardSrc::read));
        let leaf = graph.leaf(Leaf::JudgementLower);
        let then = self.consequences(scope, safeguard.then, &At::Key(&here, "then"));
        self.sets_no_level(&then, &here, "the practitioner's lower view cannot set a level: it is kept beside the engine's");
        self.safeguard(leaf, then, safeguard.reason, safeguard.sources, &here, graph, rules);

        // Something not known that could make this a child protection matter: it needs the
        // open questions.
        let harm_suspected = src.harm_suspected.json.map(|_| {
            let harm = src.harm_suspected.get(self, at, HarmSuspectedSrc::read);
            let (here, safeguard) = (At::Key(at, src.harm_suspected.key), harm.safeguard);
            let leaf = graph.leaf(Leaf::HarmSuspected);
            let then = self.consequences(scope, safeguard.then, &At::Key(&here, "then"));
            self.sets_no_level(&then, &here, "something not known cannot set a level: the questions say what finding out would change");
            let level = self.reference(harm.at_level, &At::Key(&here, "atLevel"), &scope.levels, Code::UnknownLevel, "level");
            let at_level = level.map_or(u8::MAX, |i| scope.level_order[i]);
            (self.safeguard(leaf, then, safeguard.reason, safeguard.sources, &here, graph, rules), at_level)
        });
        Safeguards { harm_suspected }
    }

    /// A safeguard that must not set a level.
    fn sets_no_level(&mut self, then: &CompiledConsequences, at: &At, message: &str) {
        if then.level.is_some() {
            self.problem(&At::Key(&At::Key(at, "then"), "level"), Code::SafeguardLevel, message);
        }
    }

    /// Adds the safeguard at `at` to the rules; its position there.
    #[allow(clippy::too_many_arguments)]
    fn safeguard(
        &mut self,
        root: u32,
        then: CompiledConsequences,
        reason: String,
        sources: List<CitationSrc>,
        at: &At,
        graph: &Graph,
        rules: &mut Vec<CompiledRule>,
    ) -> usize {
        let sources = self.citations(sources, at);
        let (id, leaves) = (at.to_string(), graph.leaves(root));
        rules.push(CompiledRule { id, kind: RuleKind::Safeguard, root, then, reason, sources, principles: Vec::new(), leaves, allow: Vec::new() });
        rules.len() - 1
    }

    fn condition(&mut self, scope: &Scope, graph: &mut Graph, json: &Json, at: &At, depth: usize) -> u32 {
        if graph.nodes.len() >= MAX_NODES {
            if !graph.full {
                graph.full = true;
                self.problem(at, Code::TooLarge, "the ruleset has more than 1000000 condition tests (the limit)");
            }
            return 0;
        }
        let (key, value) = match json {
            Json::Object(members) if members.len() == 1 => (members[0].0.as_str(), &members[0].1),
            _ => {
                self.problem(at, Code::BadCondition, format!("expected an object with one of: {}", ConditionKind::NAMES.join(", ")));
                return graph.leaf(Leaf::WorryRecorded);
            }
        };
        let here = At::Key(at, key);
        if depth > MAX_DEPTH {
            self.problem(at, Code::TooDeep, format!("conditions may nest at most {MAX_DEPTH} deep"));
            return graph.leaf(Leaf::WorryRecorded);
        }
        let Some(kind) = ConditionKind::find(key) else {
            self.problem(&here, Code::BadCondition, format!("unknown condition \"{key}\"; expected one of: {}", ConditionKind::NAMES.join(", ")));
            return graph.leaf(Leaf::WorryRecorded);
        };
        match kind {
            ConditionKind::All | ConditionKind::Any => {
                let kids = self.conditions(scope, graph, value, &here, depth);
                graph.branch(kids, |start, end| if kind == ConditionKind::All { Node::All { start, end } } else { Node::Any { start, end } })
            }
            ConditionKind::Not => {
                let kid = self.condition(scope, graph, value, &here, depth + 1);
                graph.push(Node::Not(kid))
            }
            ConditionKind::AtLeast => {
                let (n, of) = at_least(&mut self.reader, value, &here);
                let n = n.unwrap_or(1);
                let of = match of {
                    Some(of) => self.conditions(scope, graph, of, &At::Key(&here, "of"), depth),
                    None => Vec::new(),
                };
                if n == 0 || usize::from(n) > of.len() {
                    self.problem(&At::Key(&here, "n"), Code::BadCount, format!("n must be between 1 and the number of conditions ({})", of.len()));
                }
                graph.branch(of, |start, end| Node::AtLeast { n, start, end })
            }
            ConditionKind::Yes => {
                let indicator = self.indicator_ref(scope, value, &here, Some(IndicatorKind::Answer));
                graph.leaf(Leaf::Yes(indicator))
            }
            ConditionKind::NotKnown => {
                let indicator = self.indicator_ref(scope, value, &here, None);
                graph.leaf(Leaf::NotKnown(indicator))
            }
            ConditionKind::AnsweredNotKnown => {
                let indicator = self.indicator_ref(scope, value, &here, None);
                graph.leaf(Leaf::AnsweredNotKnown(indicator))
            }
            ConditionKind::AnsweredYes => {
                let indicator = self.indicator_ref(scope, value, &here, Some(IndicatorKind::Answer));
                graph.leaf(Leaf::AnsweredYes(indicator))
            }
            ConditionKind::AnsweredNo => {
                let indicator = self.indicator_ref(scope, value, &here, Some(IndicatorKind::Answer));
                graph.leaf(Leaf::AnsweredNo(indicator))
            }
            ConditionKind::Age => {
                let range = age_range(&mut self.reader, value, &here);
                if range.min_months.is_none() && range.max_months.is_none() {
                    self.problem(&here, Code::BadAgeRange, "give minMonths, maxMonths or both");
                }
                let (min, max) = range.bounds();
                graph.leaf(Leaf::Age { min, max })
            }
            ConditionKind::Events => {
                let (indicator, within, at_least) = events(&mut self.reader, value, &here);
                let indicator = match indicator {
                    Some(json) => self.indicator_ref(scope, json, &At::Key(&here, "indicator"), Some(IndicatorKind::Event)),
                    None => 0,
                };
                graph.leaf(Leaf::Events { indicator, within, at_least })
            }
            ConditionKind::Fact | ConditionKind::FactAnsweredYes => {
                let fact = Fact::from_json(value, &here).map_err(|m| self.misfit(m)).unwrap_or(Fact::StillWorried);
                if !scope.worded_facts.contains(&fact) {
                    self.problem(&here, Code::MissingWording, format!("{} needs wording in context.facts before a rule can ask it", fact.name()));
                }
                graph.leaf(if kind == ConditionKind::Fact { Leaf::Fact(fact) } else { Leaf::FactAnsweredYes(fact) })
            }
            ConditionKind::Worry => {
                if *value != Json::Bool(true) {
                    self.misfit(here.expected("true", value));
                }
                graph.leaf(Leaf::WorryRecorded)
            }
            ConditionKind::Referral => {
                let outcome = ReferralOutcome::from_json(value, &here).map_err(|m| self.misfit(m)).unwrap_or(ReferralOutcome::None);
                graph.leaf(Leaf::Referral(outcome))
            }
            ConditionKind::Condition => {
                let found = match value {
                    Json::String(id) => {
                        let found = self.named.get(id).and_then(|position| graph.named[position]);
                        if found.is_none() {
                            self.problem(&here, Code::UnknownCondition, format!("unknown condition \"{id}\": name one defined earlier in conditions"));
                        }
                        found
                    }
                    other => {
                        self.misfit(here.expected("a condition id", other));
                        None
                    }
                };
                found.unwrap_or_else(|| graph.leaf(Leaf::WorryRecorded))
            }
        }
    }

    fn conditions(&mut self, scope: &Scope, graph: &mut Graph, json: &Json, at: &At, depth: usize) -> Vec<u32> {
        let Json::Array(items) = json else {
            self.misfit(at.expected("a list of conditions", json));
            return Vec::new();
        };
        if items.is_empty() {
            self.problem(at, Code::EmptyCondition, "this needs at least one condition");
        }
        items.iter().enumerate().map(|(i, child)| self.condition(scope, graph, child, &item(at, i), depth + 1)).collect()
    }

    fn indicator_ref(&mut self, scope: &Scope, json: &Json, at: &At, kind: Option<IndicatorKind>) -> u16 {
        let id = match json {
            Json::String(id) => id,
            other => {
                self.misfit(at.expected("an indicator id", other));
                return 0;
            }
        };
        let Some(i) = self.resolve(&scope.indicators, id, at, Code::UnknownIndicator, "indicator") else { return 0 };
        // `yes` asks an answer or circumstance, `events` counts events, `notKnown` asks any.
        let (answered, counted) = match scope.kinds[i] {
            IndicatorKind::Answer | IndicatorKind::Circumstance => (true, false),
            IndicatorKind::Event => (false, true),
        };
        match kind {
            Some(IndicatorKind::Answer) if counted => {
                self.problem(at, Code::WrongKind, format!("\"{id}\" is counted from dated events: use {{\"events\": {{\"indicator\": \"{id}\", ...}}}}"))
            }
            Some(IndicatorKind::Event) if answered => {
                self.problem(at, Code::WrongKind, format!("\"{id}\" is answered yes or no, not counted: use {{\"yes\": \"{id}\"}}"))
            }
            Some(IndicatorKind::Answer | IndicatorKind::Event | IndicatorKind::Circumstance) | None => {}
        }
        i as u16
    }

    // --- The profile ----------------------------------------------------------------------

    fn profile(&mut self, src: ProfileSrc, hash: String, ruleset_id: &str, scope: &Scope, local: Local) -> CompiledProfile {
        let root = At::Root;
        if let Some(format) = src.format {
            if format != PROFILE_FORMAT {
                self.problem(&At::Key(&root, "format"), Code::WrongFormat, format!("expected \"{PROFILE_FORMAT}\", found \"{format}\""));
            }
        }
        if let Some(id) = &src.id {
            self.check_id(id, &At::Key(&root, "id"));
        }
        if let Some(written_for) = src.ruleset {
            if written_for != ruleset_id {
                self.problem(
                    &At::Key(&root, "ruleset"),
                    Code::WrongRuleset,
                    format!("this profile is for the ruleset \"{written_for}\", not \"{ruleset_id}\""),
                );
            }
        }
        let map_at = src.levels.at(&root);
        for i in 0..src.levels.len() {
            let (level_id, given) = src.levels.get(self, i, &map_at);
            let here = At::Key(&map_at, level_id);
            if let Some(i) = self.resolve(&scope.levels, level_id, &here, Code::UnknownLevel, "level") {
                let level = &mut local.levels[usize::from(scope.level_order[i])];
                level.name = given.name;
                if let Some(meaning) = given.meaning {
                    level.meaning = meaning;
                }
            }
        }
        let map_at = src.contacts.at(&root);
        for i in 0..src.contacts.len() {
            let (contact_id, given) = src.contacts.get(self, i, &map_at);
            let here = At::Key(&map_at, contact_id);
            let Some(i) = self.resolve(local.contact_ids, contact_id, &here, Code::UnknownContact, "contact") else { continue };
            let contact = &mut local.contacts[i];
            if contact.scope == ContactScope::National {
                self.problem(&here, Code::NationalContact, "a national contact's details are part of the ruleset and cannot be changed locally");
                continue;
            }
            contact.name = given.name.unwrap_or(std::mem::take(&mut contact.name));
            contact.set = given.phone.is_some() || given.email.is_some();
            (contact.phone, contact.email, contact.out_of_hours) = (given.phone, given.email, given.out_of_hours);
            contact.hours = given.hours.or(contact.hours.take());
            contact.notes = given.notes.or(contact.notes.take());
        }
        let map_at = src.escalation.at(&root);
        for i in 0..src.escalation.len() {
            let (stage_id, given) = src.escalation.get(self, i, &map_at);
            let here = At::Key(&map_at, stage_id);
            let contact = self.reference(given.contact, &At::Key(&here, "contact"), local.contact_ids, Code::UnknownContact, "contact");
            let Some(i) = self.resolve(&scope.stages, stage_id, &here, Code::UnknownStage, "escalation stage") else { continue };
            let stage = &mut local.stages[i];
            stage.name = given.name.unwrap_or(std::mem::take(&mut stage.name));
            stage.who = given.who.unwrap_or(std::mem::take(&mut stage.who));
            if let Some(timescale) = given.timescale {
                (stage.timescale, stage.timescale_is_default) = (timescale, false);
            }
            if contact.is_some() {
                stage.contact = contact.map(|c| c as u16);
            }
        }
        CompiledProfile { id: src.id.unwrap_or_default(), organisation: src.organisation, hash }
    }
}

/// What a profile may change.
struct Local<'a, 'j> {
    levels: &'a mut [CompiledLevel],
    contacts: &'a mut [ContactDetails],
    contact_ids: &'a Ids<'j>,
    stages: &'a mut [CompiledStage],
}

/// Condition nodes under construction: a directed acyclic graph (a named condition is one node
/// shared by every use), children before parents.
#[derive(Default)]
struct Graph {
    nodes: Vec<Node>,
    kids: Vec<u32>,
    /// The node of each named condition defined so far, by its position in `conditions`
    /// (shared by every use).
    named: Vec<Option<u32>>,
    /// For each node, the number of tests under it with named conditions written out
    /// (saturating), which the leaves of a rule and its explanation cost.
    sizes: Vec<u32>,
    /// For each node, how deep it nests with named conditions written out (saturating).
    depths: Vec<u16>,
    /// [`MAX_NODES`] was reached (and reported).
    full: bool,
    /// Each distinct test is one node, however many rules write it, so that it is evaluated
    /// and explained once: the leaves by their tests.
    leaves: Index,
}

impl Graph {
    fn push(&mut self, node: Node) -> u32 {
        let measure = |kids: &[u32]| {
            let size = kids.iter().fold(1u32, |size, kid| size.saturating_add(self.sizes[*kid as usize]));
            (size, kids.iter().fold(1u16, |depth, kid| depth.max(self.depths[*kid as usize].saturating_add(1))))
        };
        let (size, depth) = measure(node.children(&self.kids));
        self.sizes.push(size);
        self.depths.push(depth);
        self.nodes.push(node);
        (self.nodes.len() - 1) as u32
    }

    /// The node of `leaf`: the one already made for the same test, or a new one.
    fn leaf(&mut self, leaf: Leaf) -> u32 {
        let nodes = &self.nodes;
        match self.leaves.find(index::hash(&leaf), &|node| nodes[node as usize] == Node::Leaf(leaf)) {
            Ok(node) => node,
            Err(slot) => {
                let node = self.push(Node::Leaf(leaf));
                let nodes = &self.nodes;
                self.leaves.keep(slot, node, &|node| nodes[node as usize].leaf().map_or(0, |leaf| index::hash(&leaf)));
                node
            }
        }
    }

    fn branch(&mut self, children: Vec<u32>, make: impl FnOnce(u32, u32) -> Node) -> u32 {
        let start = self.kids.len() as u32;
        self.kids.extend(children);
        let end = self.kids.len() as u32;
        self.push(make(start, end))
    }

    /// The leaf nodes under `root`, in order.
    fn leaves(&self, root: u32) -> Vec<u32> {
        let mut leaves = Vec::new();
        self.collect_leaves(root, &mut leaves);
        leaves
    }

    fn collect_leaves(&self, node: u32, leaves: &mut Vec<u32>) {
        match self.nodes[node as usize] {
            Node::Not(kid) => self.collect_leaves(kid, leaves),
            Node::All { start, end } | Node::Any { start, end } | Node::AtLeast { start, end, .. } => {
                for i in start..end {
                    self.collect_leaves(self.kids[i as usize], leaves);
                }
            }
            Node::Leaf(_) => leaves.push(node),
        }
    }
}

/// [`closest`] for the first [`MAX_SUGGESTIONS`] unknown ids (counted down in `left`), then nothing.
fn suggest(left: &mut usize, ids: &Ids, id: &str) -> String {
    if *left == 0 {
        return String::new();
    }
    *left -= 1;
    closest(ids, id)
}

/// " (did you mean \"x\"?)" for the known id nearest a misspelt one, if close enough to be a typo.
fn closest(ids: &Ids, id: &str) -> String {
    // Ids too long to be typed, or too different in length to be a typo, are not compared.
    const LONGEST: usize = 200;
    let target: Vec<char> = id.chars().collect();
    let chars = target.len();
    let near_in_length = |known: &str| known.len() <= LONGEST && id.len() <= LONGEST && known.chars().count().abs_diff(chars) <= 2.max(known.len() / 5);
    let near = ids
        .0
        .iter()
        .filter(|(known, _)| near_in_length(known))
        .map(|(known, _)| (edit_distance(known, &target, 2.max(known.len() / 5)), *known))
        .filter(|(distance, known)| *distance <= 2.max(known.len() / 5))
        .min();
    near.map(|(_, known)| format!(" (did you mean \"{known}\"?)")).unwrap_or_default()
}

/// The edit distance from `a` to `b`, or some distance above `max` once it must be above it.
fn edit_distance(a: &str, b: &[char], max: usize) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
        // No later row is below this one's least.
        if row.iter().min().is_some_and(|least| *least > max) {
            return max + 1;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limit_messages_name_the_limits() {
        // The messages spell the limits out (formatting them costs the browser build).
        let source = include_str!("compile.rs");
        for (name, limit) in [
            ("MAX_NESTING", u64::from(MAX_NESTING)),
            ("MAX_CONDITION", u64::from(MAX_CONDITION)),
            ("MAX_CONDITIONS", MAX_CONDITIONS),
            ("MAX_NODES", MAX_NODES as u64),
        ] {
            assert!(source.contains(&format!("more than {limit} ")), "a message for {name} names {limit}");
        }
    }

    #[test]
    fn near_misses_are_suggested() {
        let ids = Ids(vec![("missing-episode", 0), ("self-harm", 1)]);
        assert_eq!(closest(&ids, "missng-episode"), " (did you mean \"missing-episode\"?)");
        assert_eq!(closest(&ids, "self-harn"), " (did you mean \"self-harm\"?)");
        assert_eq!(closest(&ids, "fgm"), "");
    }
}
