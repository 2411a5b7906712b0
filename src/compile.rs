//! Reading, checking and compiling a ruleset (and a local profile) in one pass over its JSON.
//!
//! Every problem is collected, each with the path of the offending value, so an author can fix
//! a ruleset in one go. Every reference is resolved to an index here, once. Paths are chains of
//! [`At`] on the stack and become text only when there is a problem to report.
//!
//! The compiler reads the JSON tree directly rather than through a typed copy of the document:
//! the typed model and its reader were half of the browser build.

use crate::error::{Code, Document, Error};
use crate::json::{At, FromJson, Json, Named, Obj, Reader};
use crate::program::*;
use crate::ruleset::*;

/// The value of `format` in every profile this engine reads.
pub const PROFILE_FORMAT: &str = "waymark-profile/1";

/// Deeper conditions are refused, so evaluation can never exhaust the stack.
const MAX_DEPTH: usize = 32;

/// Items in each list of a ruleset but levels and escalation stages: indices into them are
/// 16 bits wide.
const MAX_LIST: usize = 50_000;
/// Levels and escalation stages: indices into them are 8 bits wide.
const MAX_LEVELS: usize = 100;
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

const CONDITIONS: [&str; 12] = ["all", "any", "not", "atLeast", "yes", "notKnown", "age", "events", "fact", "referral", "condition", "worry"];

pub(crate) fn compile(ruleset: &Json, profile: Option<&Json>) -> Result<Program, Error> {
    let mut c = Compiler {
        reader: Reader::new(Document::Ruleset),
        sources: Vec::new(),
        source_ids: Ids(Vec::new()),
        suggestions: MAX_SUGGESTIONS,
        expanded: 0,
        named: Ids(Vec::new()),
    };
    let engine = c.ruleset(ruleset, profile);
    c.reader.finish(engine)
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
    fn allow(&mut self, o: &Obj<'j, '_>) -> Allow {
        let at = At::Key(o.at, "allow");
        let mut allow = Vec::new();
        for (code, why) in self.map(o, "allow") {
            let here = At::Key(&at, code);
            let known = LintCode::NAMES.iter().position(|name| name == code).map(|i| LintCode::ALL[i]);
            if known.is_none() {
                self.problem(&here, Code::UnknownLint, format!("\"{code}\" is not a lint code; the codes are {}", LintCode::NAMES.join(", ")));
            }
            match why {
                Json::String(why) if !why.trim().is_empty() => allow.extend(known.map(|code| (code, why.clone()))),
                Json::String(_) => self.problem(&here, Code::EmptyText, "say why the finding is accepted"),
                other => self.misfit(here.expected("a string", other)),
            }
        }
        allow
    }

    fn citations(&mut self, o: &Obj<'j, '_>) -> Vec<SourceCitation> {
        let at = At::Key(o.at, "sources");
        let mut out = Vec::new();
        for (i, json) in self.list(o, "sources", false).iter().enumerate() {
            let here = item(&at, i);
            let c = self.object(json, &here, &["source", "lines", "section"]);
            let source = self.string(&c, "source", true);
            let lines = self.optional_text(&c, "lines");
            if let Some(lines) = &lines {
                if !valid_lines(lines) {
                    self.problem(
                        &At::Key(&here, "lines"),
                        Code::BadLines,
                        format!("\"{lines}\" is not a line list such as \"120\", \"120-135\" or \"120-135, 210\""),
                    );
                }
            }
            let section = self.optional_text(&c, "section");
            let Some(source) = source else { continue };
            if let Some(found) = self.source_ids.get(source) {
                let doc = &mut self.sources[found];
                doc.cited = true;
                out.push(SourceCitation { source: doc.id.clone(), title: doc.title.clone(), lines, section });
            } else {
                let hint = suggest(&mut self.suggestions, &self.source_ids, source);
                self.problem(&At::Key(&here, "source"), Code::UnknownSource, format!("unknown source \"{source}\"{hint}"));
            }
        }
        out
    }

    // --- Ids and references -------------------------------------------------------------

    /// Collects the ids of a list's items, reporting ids that are not kebab-case and repeats.
    fn ids(&mut self, items: &'j [Json], at: &At) -> Ids<'j> {
        let mut sorted: Vec<(&'j str, usize)> = Vec::with_capacity(items.len());
        for (i, json) in items.iter().enumerate() {
            let Json::Object(members) = json else { continue };
            let Some((_, Json::String(id))) = members.iter().find(|(k, _)| k == "id") else { continue };
            self.check_id(id, &At::Key(&item(at, i), "id"));
            sorted.push((id, i));
        }
        crate::sort::by(&mut sorted, |a, b| a.0.cmp(b.0));
        // The sort is stable, so within a run of equal ids the first defined comes first.
        let mut unique: Vec<(&'j str, usize)> = Vec::with_capacity(sorted.len());
        for (id, i) in sorted {
            match unique.last() {
                Some((last, first)) if *last == id => {
                    let message = format!("\"{id}\" is already the id of {at}[{first}]");
                    self.problem(&At::Key(&item(at, i), "id"), Code::DuplicateId, message);
                }
                _ => unique.push((id, i)),
            }
        }
        Ids(unique)
    }

    /// A list of at most `max` items; the rest are reported once and not read.
    fn limited(&mut self, list: &'j [Json], at: &At, max: usize, what: &str) -> &'j [Json] {
        if list.len() <= max {
            return list;
        }
        self.problem(at, Code::TooLarge, format!("{} {what}; a ruleset may have at most {max} (the limit)", list.len()));
        &list[..max]
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

    fn references(&mut self, o: &Obj<'j, '_>, key: &str, ids: &Ids, code: Code, what: &str) -> Vec<u16> {
        let at = At::Key(o.at, key);
        let mut found = Vec::new();
        for (i, id) in self.strings(o, key, false) {
            if let Some(index) = self.resolve(ids, id, &item(&at, i), code, what) {
                found.push(index as u16);
            }
        }
        found
    }

    fn reference(&mut self, o: &Obj<'j, '_>, key: &str, ids: &Ids, code: Code, what: &str) -> Option<usize> {
        let id = self.string(o, key, false)?;
        self.resolve(ids, id, &At::Key(o.at, key), code, what)
    }

    // --- The ruleset ----------------------------------------------------------------------

    fn ruleset(&mut self, json: &'j Json, profile: Option<&'j Json>) -> Program {
        let root = At::Root;
        let r = self.object(
            json,
            &root,
            &[
                "format",
                "meta",
                "levels",
                "domains",
                "indicators",
                "context",
                "contacts",
                "routes",
                "escalation",
                "prompts",
                "actions",
                "conditions",
                "synonyms",
                "safeguards",
                "rules",
            ],
        );
        if let Some(format) = self.string(&r, "format", true) {
            if format != RULESET_FORMAT {
                self.problem(&At::Key(&root, "format"), Code::WrongFormat, format!("expected \"{RULESET_FORMAT}\", found \"{format}\""));
            }
        }
        let mut meta = self.meta(&r);
        meta.hash = json.content_hash();

        let keys = ["levels", "domains", "indicators", "contacts", "routes", "escalation", "actions", "rules", "prompts"];
        let lists = keys.map(|key| {
            let (list, max) = (self.list(&r, key, key != "prompts"), if matches!(key, "levels" | "escalation") { MAX_LEVELS } else { MAX_LIST });
            self.limited(list, &At::Key(&root, key), max, if key == "escalation" { "escalation stages" } else { key })
        });
        let [level_list, domain_list, indicator_list, contact_list, route_list, stage_list, action_list, rule_list, prompt_list] = lists;
        let at = |key: &'static str| At::Key(&root, key);
        let (levels_at, domains_at, indicators_at, contacts_at) = (at("levels"), at("domains"), at("indicators"), at("contacts"));
        let (routes_at, stages_at, prompts_at, actions_at, rules_at) = (at("routes"), at("escalation"), at("prompts"), at("actions"), at("rules"));
        let level_ids = self.ids(level_list, &levels_at);
        let domain_ids = self.ids(domain_list, &domains_at);
        let indicator_ids = self.ids(indicator_list, &indicators_at);
        let contact_ids = self.ids(contact_list, &contacts_at);
        let route_ids = self.ids(route_list, &routes_at);
        let stage_ids = self.ids(stage_list, &stages_at);
        let prompt_ids = self.ids(prompt_list, &prompts_at);
        let action_ids = self.ids(action_list, &actions_at);
        // Rule ids are never referred to, but must be unique for traces and scenarios.
        self.ids(rule_list, &rules_at);

        let domains = domain_list
            .iter()
            .enumerate()
            .map(|(i, json)| {
                let here = item(&domains_at, i);
                let o = self.object(json, &here, &["id", "name", "description", "step"]);
                Domain {
                    id: self.text(&o, "id"),
                    name: self.text(&o, "name"),
                    description: self.optional_text(&o, "description"),
                    step: self.value(&o, "step", false).unwrap_or(Step::Worries),
                }
            })
            .collect::<Vec<Domain>>();
        let indicators: Vec<CompiledIndicator> =
            indicator_list.iter().enumerate().map(|(i, json)| self.indicator(json, &item(&indicators_at, i), &domain_ids, &domains)).collect();
        let (facts, referral_wording) = self.context(&r);
        let mut contacts: Vec<ContactDetails> = contact_list.iter().enumerate().map(|(i, json)| self.contact(json, &item(&contacts_at, i))).collect();
        self.meanwhile(contact_list, &contacts_at, &contact_ids, &mut contacts);
        let mut stages: Vec<CompiledStage> = stage_list.iter().enumerate().map(|(i, json)| self.stage(json, &item(&stages_at, i), &contact_ids)).collect();
        if stage_list.is_empty() && r.ok {
            self.problem(&stages_at, Code::NoStages, "at least one escalation stage is needed: the engine escalates whenever a closed referral leaves a worry");
        }

        // Levels: read, then put in rank order, so consequences can refer to them.
        let mut levels: Vec<CompiledLevel> = level_list.iter().enumerate().map(|(i, json)| self.level(json, &levels_at, i, &action_ids, &route_ids)).collect();
        self.check_levels(&levels, &levels_at, r.ok);
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
        self.named_conditions(&scope, &mut graph, &r);
        let synonyms = self.synonyms(&r);
        let routes = route_list.iter().enumerate().map(|(i, json)| self.route(&scope, &mut graph, json, &item(&routes_at, i), &contact_ids)).collect();
        let prompts = prompt_list
            .iter()
            .enumerate()
            .map(|(i, json)| {
                let here = item(&prompts_at, i);
                let o = self.object(json, &here, &["id", "text", "ages", "unless", "sources", "allow"]);
                let (id, text) = (self.text(&o, "id"), self.text(&o, "text"));
                let fit = self.fit(&scope, &mut graph, &o);
                self.citations(&o);
                CompiledPrompt { id, text, fit, allow: self.allow(&o) }
            })
            .collect();
        let actions = action_list
            .iter()
            .enumerate()
            .map(|(i, json)| {
                let here = item(&actions_at, i);
                let o = self.object(json, &here, &["id", "text", "urgency", "dueAfter", "ages", "unless", "sources", "allow"]);
                let (id, text) = (self.text(&o, "id"), self.text(&o, "text"));
                let urgency = self.value(&o, "urgency", true).unwrap_or(Urgency::Now);
                let due_after = self.field(&o, "dueAfter", false).map(|json| {
                    let at = At::Key(&here, "dueAfter");
                    let d = self.object(json, &at, &["indicator", "days"]);
                    let indicator = match self.field(&d, "indicator", true) {
                        Some(json) => self.indicator_ref(&scope, json, &At::Key(&at, "indicator"), Some(IndicatorKind::Event)),
                        None => 0,
                    };
                    DueAfter { indicator, days: self.value(&d, "days", true).unwrap_or(0) }
                });
                let fit = self.fit(&scope, &mut graph, &o);
                self.citations(&o);
                CompiledAction { id, text, urgency, due_after, fit, allow: self.allow(&o) }
            })
            .collect();
        let mut rules = Vec::with_capacity(rule_list.len() + 4);
        for (i, json) in rule_list.iter().enumerate() {
            let here = item(&rules_at, i);
            let o = self.object(json, &here, &["id", "when", "then", "reason", "sources", "principles", "allow"]);
            let id = self.text(&o, "id");
            let root = match self.field(&o, "when", true) {
                Some(when) => self.condition(&scope, &mut graph, when, &At::Key(&here, "when"), 1),
                None => graph.push(Node::WorryRecorded),
            };
            let then = self.consequences(&scope, &o, "then", true);
            let reason = self.text(&o, "reason");
            let sources = self.citations(&o);
            let principles_at = At::Key(&here, "principles");
            let mut principles = Vec::new();
            for (j, json) in self.list(&o, "principles", false).iter().enumerate() {
                match u8::from_json(json, &item(&principles_at, j)) {
                    Ok(p) if (1..=10).contains(&p) => principles.push(p),
                    Ok(p) => self.problem(&item(&principles_at, j), Code::BadPrinciple, format!("{p} is not one of the primer's principles 1 to 10")),
                    Err(m) => self.misfit(m),
                }
            }
            let allow = self.allow(&o);
            let leaves = if self.within_limits(&graph, root, &At::Key(&here, "when"), true) { graph.leaves(root) } else { Vec::new() };
            rules.push(CompiledRule { id, kind: RuleKind::Rule, root, then, reason, sources, principles, leaves, allow });
        }
        let safeguards = self.safeguards(&scope, &mut graph, &r, &mut rules);

        let profile = profile.map(|json| {
            self.reader.document = Document::Profile;
            let compiled = self.profile(json, &meta.id, &mut levels, &scope, &mut contacts, &contact_ids, &mut stages);
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
            synonyms,
        }
    }

    fn meta(&mut self, r: &Obj<'j, '_>) -> CompiledMeta {
        let at = At::Key(r.at, "meta");
        let o = self.section(r, "meta", &at, &["id", "title", "version", "jurisdiction", "owner", "reviewDate", "effectiveFrom", "notice", "sources"]);
        let id = self.text(&o, "id");
        if o.get("id").is_some() {
            self.check_id(&id, &At::Key(&at, "id"));
        }
        let [title, version, jurisdiction, owner, notice] = ["title", "version", "jurisdiction", "owner", "notice"].map(|key| self.text(&o, key));
        let review_date = self.value::<crate::date::Date>(&o, "reviewDate", true);
        let effective_from = self.value::<crate::date::Date>(&o, "effectiveFrom", true);
        let epoch = crate::date::Date::EPOCH;
        let (review_date, effective_from) = (review_date.unwrap_or(epoch), effective_from.unwrap_or(epoch));
        if review_date < effective_from {
            self.problem(&At::Key(&at, "reviewDate"), Code::BadDates, format!("the review date {review_date} is before the effective date {effective_from}"));
        }
        let list_at = At::Key(&at, "sources");
        let list = self.list(&o, "sources", true);
        let list = self.limited(list, &list_at, MAX_LIST, "sources");
        self.source_ids = self.ids(list, &list_at);
        for (i, json) in list.iter().enumerate() {
            let here = item(&list_at, i);
            let s = self.object(json, &here, &["id", "title", "reference", "allow"]);
            let source =
                Source { id: self.text(&s, "id"), title: self.text(&s, "title"), reference: self.text(&s, "reference"), allow: self.allow(&s), cited: false };
            self.sources.push(source);
        }
        CompiledMeta { id, title, version, jurisdiction, owner, review_date, effective_from, notice, hash: String::new() }
    }

    fn level(&mut self, json: &'j Json, list: &At, position: usize, actions: &Ids, routes: &Ids) -> CompiledLevel {
        let at = item(list, position);
        let o = self.object(json, &at, &["id", "rank", "name", "meaning", "response", "urgency", "actions", "routes", "emergency", "allow"]);
        CompiledLevel {
            id: self.text(&o, "id"),
            position,
            rank: self.value(&o, "rank", true).unwrap_or(0),
            name: self.text(&o, "name"),
            meaning: self.text(&o, "meaning"),
            response: self.text(&o, "response"),
            urgency: self.value(&o, "urgency", false),
            actions: self.references(&o, "actions", actions, Code::UnknownAction, "action"),
            routes: self.references(&o, "routes", routes, Code::UnknownRoute, "route"),
            emergency: self.flag(&o, "emergency"),
            allow: self.allow(&o),
        }
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

    fn indicator(&mut self, json: &'j Json, at: &At, domains: &Ids, domain_list: &[Domain]) -> CompiledIndicator {
        let o = self.object(json, at, &["id", "domain", "text", "help", "terms", "ages", "kind", "endLabel", "sources", "allow"]);
        let id = self.text(&o, "id");
        let domain = self.reference(&o, "domain", domains, Code::UnknownDomain, "domain");
        if o.get("domain").is_none() && o.ok {
            self.problem(at, Code::MissingField, "missing field \"domain\"");
        }
        let text = self.text(&o, "text");
        let help = self.optional_text(&o, "help");
        let terms = self.strings(&o, "terms", false).into_iter().map(|(_, t)| t.to_string()).collect();
        let ages = match self.field(&o, "ages", false) {
            Some(json) => self.age_range(json, &At::Key(at, "ages")),
            None => AgeRange::default(),
        };
        let kind = self.value(&o, "kind", false).unwrap_or(IndicatorKind::Answer);
        let end_label = self.optional_text(&o, "endLabel");
        if end_label.is_some() && kind != IndicatorKind::Event {
            self.problem(&At::Key(at, "endLabel"), Code::WrongKind, "only an event indicator has a last day to ask for");
        }
        let step = match kind {
            IndicatorKind::Circumstance => Step::Child,
            _ => domain.and_then(|d| domain_list.get(d)).map_or(Step::Worries, |d| d.step),
        };
        self.citations(&o);
        CompiledIndicator { id, domain: domain.unwrap_or(0) as u16, text, help, terms, ages, kind, step, end_label, allow: self.allow(&o) }
    }

    fn age_range(&mut self, json: &'j Json, at: &At) -> AgeRange {
        let o = self.object(json, at, &["minMonths", "maxMonths"]);
        let range = AgeRange { min_months: self.value(&o, "minMonths", false), max_months: self.value(&o, "maxMonths", false) };
        let (min, max) = range.bounds();
        if min > max {
            self.problem(at, Code::BadAgeRange, format!("minMonths ({min}) is above maxMonths ({max})"));
        }
        range
    }

    /// The wording of the context facts, and of each referral outcome in
    /// [`ReferralOutcome::ALL`] order.
    fn context(&mut self, r: &Obj<'j, '_>) -> (Vec<FactInfo>, Vec<String>) {
        let at = At::Key(r.at, "context");
        let o = self.section(r, "context", &at, &["facts", "referral"]);
        let facts_at = At::Key(&at, "facts");
        let mut facts: Vec<FactInfo> = Vec::new();
        for (i, json) in self.list(&o, "facts", true).iter().enumerate() {
            let here = item(&facts_at, i);
            let w = self.object(json, &here, &["fact", "text", "help"]);
            let fact = self.value::<Fact>(&w, "fact", true);
            let (text, help) = (self.text(&w, "text"), self.optional_text(&w, "help"));
            let Some(fact) = fact else { continue };
            if facts.iter().any(|f| f.fact == fact) {
                self.problem(&At::Key(&here, "fact"), Code::DuplicateWording, format!("{} is already worded", fact.name()));
                continue;
            }
            facts.push(FactInfo { fact, text, help });
        }
        if o.ok && !facts.iter().any(|f| f.fact == Fact::StillWorried) {
            self.problem(&facts_at, Code::MissingWording, "still-worried needs wording: the engine asks it whenever a referral was closed");
        }
        let referral_at = At::Key(&at, "referral");
        let mut wording = vec![String::new(); ReferralOutcome::ALL.len()];
        for (i, json) in self.list(&o, "referral", true).iter().enumerate() {
            let here = item(&referral_at, i);
            let w = self.object(json, &here, &["outcome", "text"]);
            let outcome = self.value::<ReferralOutcome>(&w, "outcome", true);
            let text = self.text(&w, "text");
            let Some(outcome) = outcome else { continue };
            let slot = &mut wording[outcome as usize];
            if slot.is_empty() {
                *slot = text;
            } else {
                self.problem(&At::Key(&here, "outcome"), Code::DuplicateWording, format!("{} is already worded", outcome.name()));
            }
        }
        if o.ok {
            for (outcome, text) in ReferralOutcome::ALL.iter().zip(&wording) {
                if text.is_empty() {
                    self.problem(&referral_at, Code::MissingWording, format!("the referral outcome {} needs wording", outcome.name()));
                }
            }
        }
        (facts, wording)
    }

    fn contact(&mut self, json: &'j Json, at: &At) -> ContactDetails {
        let o = self.object(json, at, &["id", "name", "scope", "phone", "hours", "notes", "findIt", "meanwhile"]);
        let (id, name) = (self.text(&o, "id"), self.text(&o, "name"));
        let scope = self.value(&o, "scope", true).unwrap_or(ContactScope::Local);
        let phone = self.optional_text(&o, "phone");
        match (scope, &phone) {
            (ContactScope::National, None) if o.ok => self.problem(&At::Key(at, "phone"), Code::MissingNumber, "a national contact needs its number"),
            (ContactScope::Local, Some(_)) => self.problem(
                &At::Key(at, "phone"),
                Code::LocalNumber,
                "local numbers belong in a profile, so that no ruleset ships an invented or out-of-date local contact",
            ),
            _ => {}
        }
        let (hours, notes, find_it) = (self.optional_text(&o, "hours"), self.optional_text(&o, "notes"), self.optional_text(&o, "findIt"));
        // The national line is resolved once every contact is read (see `meanwhile`).
        self.optional_text(&o, "meanwhile");
        ContactDetails { id, name, scope, set: phone.is_some(), phone, email: None, hours, out_of_hours: None, notes, find_it, meanwhile: None }
    }

    /// Each local contact's `meanwhile`: a national contact, named with its number while the
    /// local one is not set.
    fn meanwhile(&mut self, list: &'j [Json], at: &At, ids: &Ids, contacts: &mut [ContactDetails]) {
        for (i, json) in list.iter().enumerate() {
            let Json::Object(members) = json else { continue };
            let Some((_, Json::String(id))) = members.iter().find(|(k, _)| k == "meanwhile") else { continue };
            let here = At::Key(&item(at, i), "meanwhile");
            let Some(found) = self.resolve(ids, id, &here, Code::UnknownContact, "contact") else { continue };
            match (&contacts[found].scope, &contacts[found].phone) {
                (ContactScope::National, Some(phone)) => {
                    let meanwhile = Meanwhile { name: contacts[found].name.clone(), phone: phone.clone() };
                    if let Some(contact) = contacts.get_mut(i) {
                        contact.meanwhile = Some(meanwhile);
                    }
                }
                _ => self.problem(&here, Code::NotNational, format!("\"{id}\" is not a national contact with a number, so it cannot stand in for a local one")),
            }
        }
    }

    fn route(&mut self, scope: &Scope, graph: &mut Graph, json: &'j Json, at: &At, contacts: &Ids) -> CompiledRoute {
        let o = self.object(
            json,
            at,
            &[
                "id",
                "name",
                "when",
                "urgency",
                "decisionWithin",
                "whoMaySubmit",
                "consent",
                "consentOverride",
                "contacts",
                "ages",
                "unless",
                "sources",
                "allow",
            ],
        );
        let consent_when = self.field(&o, "consentOverride", false).map(|json| {
            let here = At::Key(at, "consentOverride");
            let c = self.object(json, &here, &["when", "consent"]);
            let node = match c.get("when") {
                Some(json) => self.condition(scope, graph, json, &At::Key(&here, "when"), 1),
                None => {
                    self.problem(&here, Code::MissingField, "missing field \"when\"");
                    graph.push(Node::WorryRecorded)
                }
            };
            (node, self.text(&c, "consent"))
        });
        let route = CompiledRoute {
            id: self.text(&o, "id"),
            name: self.text(&o, "name"),
            when: self.text(&o, "when"),
            urgency: self.value(&o, "urgency", true).unwrap_or(Urgency::Now),
            who_may_submit: self.text(&o, "whoMaySubmit"),
            consent: self.text(&o, "consent"),
            contacts: self.references(&o, "contacts", contacts, Code::UnknownContact, "contact"),
            decision_within: self.value(&o, "decisionWithin", false),
            consent_when,
            fit: self.fit(scope, graph, &o),
            allow: self.allow(&o),
        };
        self.citations(&o);
        route
    }

    /// An item's `ages` and `unless`.
    fn fit(&mut self, scope: &Scope, graph: &mut Graph, o: &Obj<'j, '_>) -> Fit {
        let ages = match self.field(o, "ages", false) {
            Some(json) => self.age_range(json, &At::Key(o.at, "ages")),
            None => AgeRange::default(),
        };
        let unless = self.field(o, "unless", false).map(|json| self.condition(scope, graph, json, &At::Key(o.at, "unless"), 1));
        Fit { ages, unless }
    }

    /// `synonyms`: groups of words and phrases a practitioner may use for the same thing, so a
    /// form's search finds a question in their own words. Evaluation ignores them.
    fn synonyms(&mut self, r: &Obj<'j, '_>) -> Vec<Vec<String>> {
        let at = At::Key(r.at, "synonyms");
        let mut groups = Vec::new();
        for (i, json) in self.list(r, "synonyms", false).iter().enumerate() {
            let here = item(&at, i);
            let group: Vec<String> = match json {
                Json::Array(words) => words
                    .iter()
                    .enumerate()
                    .filter_map(|(j, word)| match word {
                        Json::String(word) if !word.trim().is_empty() => Some(word.clone()),
                        other => {
                            self.misfit(item(&here, j).expected("a word or phrase", other));
                            None
                        }
                    })
                    .collect(),
                other => {
                    self.misfit(here.expected("a list of words and phrases", other));
                    continue;
                }
            };
            if group.len() < 2 {
                self.problem(&here, Code::BadSynonyms, "a synonym group needs at least two words or phrases");
            }
            groups.push(group);
        }
        groups
    }

    /// `conditions`: conditions with a name, written once and used by rules and items as
    /// `{"condition": id}`. A condition may use only those defined before it, so none is circular.
    fn named_conditions(&mut self, scope: &Scope, graph: &mut Graph, r: &Obj<'j, '_>) {
        let at = At::Key(r.at, "conditions");
        let list = self.list(r, "conditions", false);
        let list = self.limited(list, &at, MAX_LIST, "named conditions");
        // Sorted, so that each use is a binary search (ids() reports bad and repeated ids).
        self.named = self.ids(list, &at);
        graph.named = vec![None; list.len()];
        for (i, json) in list.iter().enumerate() {
            let here = item(&at, i);
            let o = self.object(json, &here, &["id", "description", "when"]);
            let id = self.text(&o, "id");
            self.optional_text(&o, "description");
            let root = match self.field(&o, "when", true) {
                Some(when) => self.condition(scope, graph, when, &At::Key(&here, "when"), 1),
                None => continue,
            };
            if !self.within_limits(graph, root, &At::Key(&here, "when"), false) {
                continue;
            }
            // The first condition given an id is the one it names.
            if self.named.get(&id) == Some(i) {
                graph.named[i] = Some(root);
            }
        }
    }

    fn stage(&mut self, json: &'j Json, at: &At, contacts: &Ids) -> CompiledStage {
        let o = self.object(json, at, &["id", "name", "who", "what", "timescale", "contact", "sources", "allow"]);
        let stage = CompiledStage {
            id: self.text(&o, "id"),
            name: self.text(&o, "name"),
            who: self.text(&o, "who"),
            what: self.text(&o, "what"),
            timescale: self.value(&o, "timescale", true).unwrap_or(Urgency::Now),
            timescale_is_default: true,
            contact: self.reference(&o, "contact", contacts, Code::UnknownContact, "contact").map(|c| c as u16),
            allow: self.allow(&o),
        };
        self.citations(&o);
        stage
    }

    fn consequences(&mut self, scope: &Scope, parent: &Obj<'j, '_>, key: &str, required: bool) -> CompiledConsequences {
        let Some(json) = self.field(parent, key, required) else { return CompiledConsequences::default() };
        let at = At::Key(parent.at, key);
        let o = self.object(json, &at, &["level", "actions", "routes", "prompts", "escalateFrom"]);
        CompiledConsequences {
            level: self.reference(&o, "level", &scope.levels, Code::UnknownLevel, "level").map(|i| scope.level_order[i]),
            actions: self.references(&o, "actions", &scope.actions, Code::UnknownAction, "action"),
            routes: self.references(&o, "routes", &scope.routes, Code::UnknownRoute, "route"),
            prompts: self.references(&o, "prompts", &scope.prompts, Code::UnknownPrompt, "prompt"),
            escalate_from: self.reference(&o, "escalateFrom", &scope.stages, Code::UnknownStage, "escalation stage").map(|i| i as u8),
        }
    }

    fn safeguards(&mut self, scope: &Scope, graph: &mut Graph, r: &Obj<'j, '_>, rules: &mut Vec<CompiledRule>) -> Safeguards {
        let at = At::Key(r.at, "safeguards");
        let o = self.section(r, "safeguards", &at, &["worryRecorded", "worryPersists", "judgementLower", "harmSuspected"]);
        let persists = {
            let closed = ReferralOutcome::ALL.iter().filter(|o| o.is_closed()).map(|o| graph.push(Node::Referral(*o))).collect::<Vec<_>>();
            let closed = graph.branch(closed, |start, end| Node::Any { start, end });
            let worried = graph.push(Node::Fact(Fact::StillWorried));
            graph.branch(vec![closed, worried], |start, end| Node::All { start, end })
        };
        let mut safeguards = Safeguards::default();
        for name in ["worryRecorded", "worryPersists", "judgementLower", "harmSuspected"] {
            let here = At::Key(&at, name);
            // Without harmSuspected a ruleset keeps the engine's three original guarantees.
            if name == "harmSuspected" && o.get(name).is_none() {
                continue;
            }
            let root = match name {
                "worryRecorded" => graph.push(Node::WorryRecorded),
                "worryPersists" => persists,
                "judgementLower" => graph.push(Node::JudgementLower),
                _ => graph.push(Node::HarmSuspected),
            };
            let keys: &[&str] = if name == "harmSuspected" { &["atLevel", "then", "reason", "sources"] } else { &["then", "reason", "sources"] };
            let s = self.section(&o, name, &here, keys);
            let mut then = self.consequences(scope, &s, "then", true);
            if name == "worryPersists" && then.escalate_from.is_none() {
                then.escalate_from = Some(0);
            }
            if name == "worryRecorded" && then.actions.is_empty() && then.routes.is_empty() && s.ok {
                self.problem(&At::Key(&here, "then"), Code::EmptySafeguard, "a recorded worry must always lead somewhere: give at least one action or route");
            }
            if matches!(name, "judgementLower" | "harmSuspected") && then.level.is_some() {
                let message = if name == "judgementLower" {
                    "the practitioner's lower view cannot set a level: it is kept beside the engine's"
                } else {
                    "something not known cannot set a level: the questions say what finding out would change"
                };
                self.problem(&At::Key(&At::Key(&here, "then"), "level"), Code::SafeguardLevel, message);
            }
            let position = rules.len();
            match name {
                "judgementLower" => safeguards.judgement_lower = position,
                "harmSuspected" => {
                    let at_level = self.reference(&s, "atLevel", &scope.levels, Code::UnknownLevel, "level").map_or(u8::MAX, |i| scope.level_order[i]);
                    if s.get("atLevel").is_none() && s.ok {
                        self.problem(&here, Code::MissingField, "missing field \"atLevel\": the level an open question must be able to reach");
                    }
                    safeguards.harm_suspected = Some((position, at_level));
                }
                _ => {}
            }
            let reason = self.text(&s, "reason");
            let sources = self.citations(&s);
            let leaves = graph.leaves(root);
            rules.push(CompiledRule {
                id: format!("safeguards.{name}"),
                kind: RuleKind::Safeguard,
                root,
                then,
                reason,
                sources,
                principles: Vec::new(),
                leaves,
                allow: Vec::new(),
            });
        }
        safeguards
    }

    fn condition(&mut self, scope: &Scope, graph: &mut Graph, json: &'j Json, at: &At, depth: usize) -> u32 {
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
                self.problem(at, Code::BadCondition, format!("expected an object with one of: {}", CONDITIONS.join(", ")));
                return graph.push(Node::WorryRecorded);
            }
        };
        let here = At::Key(at, key);
        if depth > MAX_DEPTH {
            self.problem(at, Code::TooDeep, format!("conditions may nest at most {MAX_DEPTH} deep"));
            return graph.push(Node::WorryRecorded);
        }
        match key {
            "all" | "any" => {
                let kids = self.conditions(scope, graph, value, &here, depth);
                graph.branch(kids, |start, end| if key == "all" { Node::All { start, end } } else { Node::Any { start, end } })
            }
            "not" => {
                let kid = self.condition(scope, graph, value, &here, depth + 1);
                graph.push(Node::Not(kid))
            }
            "atLeast" => {
                let o = self.object(value, &here, &["n", "of"]);
                let n = self.value::<u16>(&o, "n", true).unwrap_or(1);
                let of = match self.field(&o, "of", true) {
                    Some(of) => self.conditions(scope, graph, of, &At::Key(&here, "of"), depth),
                    None => Vec::new(),
                };
                if n == 0 || usize::from(n) > of.len() {
                    self.problem(&At::Key(&here, "n"), Code::BadCount, format!("n must be between 1 and the number of conditions ({})", of.len()));
                }
                graph.branch(of, |start, end| Node::AtLeast { n, start, end })
            }
            "yes" | "notKnown" => {
                let kind = if key == "yes" { Some(IndicatorKind::Answer) } else { None };
                let indicator = self.indicator_ref(scope, value, &here, kind);
                graph.push(if key == "yes" { Node::Yes(indicator) } else { Node::NotKnown(indicator) })
            }
            "age" => {
                let range = self.age_range(value, &here);
                if range.min_months.is_none() && range.max_months.is_none() {
                    self.problem(&here, Code::BadAgeRange, "give minMonths, maxMonths or both");
                }
                let (min, max) = range.bounds();
                graph.push(Node::Age { min, max })
            }
            "events" => {
                let o = self.object(value, &here, &["indicator", "withinDays", "withinWorkingDays", "atLeast"]);
                let indicator = match self.field(&o, "indicator", true) {
                    Some(json) => self.indicator_ref(scope, json, &At::Key(&here, "indicator"), Some(IndicatorKind::Event)),
                    None => 0,
                };
                let count = |c: &mut Self, key: &'static str, required: bool| {
                    let n = c.value::<u16>(&o, key, required);
                    if n == Some(0) {
                        c.problem(&At::Key(&here, key), Code::BadCount, format!("{key} must be 1 or more"));
                    }
                    n
                };
                let within = match (count(self, "withinDays", false), count(self, "withinWorkingDays", false)) {
                    (Some(days), None) => Window::Days(days),
                    (None, Some(days)) => Window::WorkingDays(days),
                    (days, _) => {
                        if o.ok {
                            self.problem(&here, Code::BadWindow, "give one of withinDays or withinWorkingDays");
                        }
                        Window::Days(days.unwrap_or(1))
                    }
                };
                let at_least = count(self, "atLeast", true).unwrap_or(1);
                graph.push(Node::Events { indicator, within, at_least })
            }
            "fact" => {
                let fact = Fact::from_json(value, &here).map_err(|m| self.misfit(m)).unwrap_or(Fact::StillWorried);
                if !scope.worded_facts.contains(&fact) {
                    self.problem(&here, Code::MissingWording, format!("{} needs wording in context.facts before a rule can ask it", fact.name()));
                }
                graph.push(Node::Fact(fact))
            }
            "worry" => {
                if *value != Json::Bool(true) {
                    self.misfit(here.expected("true", value));
                }
                graph.push(Node::WorryRecorded)
            }
            "referral" => {
                let outcome = ReferralOutcome::from_json(value, &here).map_err(|m| self.misfit(m)).unwrap_or(ReferralOutcome::None);
                graph.push(Node::Referral(outcome))
            }
            "condition" => {
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
                found.unwrap_or_else(|| graph.push(Node::WorryRecorded))
            }
            other => {
                self.problem(&here, Code::BadCondition, format!("unknown condition \"{other}\"; expected one of: {}", CONDITIONS.join(", ")));
                graph.push(Node::WorryRecorded)
            }
        }
    }

    fn conditions(&mut self, scope: &Scope, graph: &mut Graph, json: &'j Json, at: &At, depth: usize) -> Vec<u32> {
        let Json::Array(items) = json else {
            self.misfit(at.expected("a list of conditions", json));
            return Vec::new();
        };
        if items.is_empty() {
            self.problem(at, Code::EmptyCondition, "this needs at least one condition");
        }
        items.iter().enumerate().map(|(i, child)| self.condition(scope, graph, child, &item(at, i), depth + 1)).collect()
    }

    fn indicator_ref(&mut self, scope: &Scope, json: &'j Json, at: &At, kind: Option<IndicatorKind>) -> u16 {
        let id = match json {
            Json::String(id) => id,
            other => {
                self.misfit(at.expected("an indicator id", other));
                return 0;
            }
        };
        let Some(i) = self.resolve(&scope.indicators, id, at, Code::UnknownIndicator, "indicator") else { return 0 };
        match (kind, scope.kinds[i]) {
            (Some(IndicatorKind::Answer), IndicatorKind::Event) => {
                self.problem(at, Code::WrongKind, format!("\"{id}\" is counted from dated events: use {{\"events\": {{\"indicator\": \"{id}\", ...}}}}"))
            }
            (Some(IndicatorKind::Event), IndicatorKind::Answer | IndicatorKind::Circumstance) => {
                self.problem(at, Code::WrongKind, format!("\"{id}\" is answered yes or no, not counted: use {{\"yes\": \"{id}\"}}"))
            }
            _ => {}
        }
        i as u16
    }

    // --- The profile ----------------------------------------------------------------------

    #[allow(clippy::too_many_arguments)]
    fn profile(
        &mut self,
        json: &'j Json,
        ruleset_id: &str,
        levels: &mut [CompiledLevel],
        scope: &Scope,
        contacts: &mut [ContactDetails],
        contact_ids: &Ids,
        stages: &mut [CompiledStage],
    ) -> CompiledProfile {
        let root = At::Root;
        let o = self.object(json, &root, &["format", "id", "organisation", "ruleset", "notes", "levels", "contacts", "escalation"]);
        if let Some(format) = self.string(&o, "format", true) {
            if format != PROFILE_FORMAT {
                self.problem(&At::Key(&root, "format"), Code::WrongFormat, format!("expected \"{PROFILE_FORMAT}\", found \"{format}\""));
            }
        }
        let id = self.text(&o, "id");
        if o.get("id").is_some() {
            self.check_id(&id, &At::Key(&root, "id"));
        }
        let organisation = self.text(&o, "organisation");
        // Notes record where a profile's values came from; they are for its maintainers.
        self.optional_text(&o, "notes");
        if let Some(written_for) = self.string(&o, "ruleset", true) {
            if written_for != ruleset_id {
                self.problem(
                    &At::Key(&root, "ruleset"),
                    Code::WrongRuleset,
                    format!("this profile is for the ruleset \"{written_for}\", not \"{ruleset_id}\""),
                );
            }
        }
        let map_at = At::Key(&root, "levels");
        for (level_id, json) in self.map(&o, "levels") {
            let here = At::Key(&map_at, level_id);
            let l = self.object(json, &here, &["name", "meaning"]);
            let (name, meaning) = (self.text(&l, "name"), self.optional_text(&l, "meaning"));
            if let Some(i) = self.resolve(&scope.levels, level_id, &here, Code::UnknownLevel, "level") {
                let level = &mut levels[usize::from(scope.level_order[i])];
                level.name = name;
                if let Some(meaning) = meaning {
                    level.meaning = meaning;
                }
            }
        }
        let map_at = At::Key(&root, "contacts");
        for (contact_id, json) in self.map(&o, "contacts") {
            let here = At::Key(&map_at, contact_id);
            let l = self.object(json, &here, &["name", "phone", "email", "hours", "outOfHours", "notes"]);
            let [name, phone, email, hours, out_of_hours, notes] =
                ["name", "phone", "email", "hours", "outOfHours", "notes"].map(|key| self.optional_text(&l, key));
            let Some(i) = self.resolve(contact_ids, contact_id, &here, Code::UnknownContact, "contact") else { continue };
            let contact = &mut contacts[i];
            if contact.scope == ContactScope::National {
                self.problem(&here, Code::NationalContact, "a national contact's details are part of the ruleset and cannot be changed locally");
                continue;
            }
            contact.name = name.unwrap_or(std::mem::take(&mut contact.name));
            contact.set = phone.is_some() || email.is_some();
            (contact.phone, contact.email, contact.out_of_hours) = (phone, email, out_of_hours);
            contact.hours = hours.or(contact.hours.take());
            contact.notes = notes.or(contact.notes.take());
        }
        let map_at = At::Key(&root, "escalation");
        for (stage_id, json) in self.map(&o, "escalation") {
            let here = At::Key(&map_at, stage_id);
            let l = self.object(json, &here, &["name", "who", "timescale", "contact"]);
            let (name, who) = (self.optional_text(&l, "name"), self.optional_text(&l, "who"));
            let timescale: Option<Urgency> = self.value(&l, "timescale", false);
            let contact = self.reference(&l, "contact", contact_ids, Code::UnknownContact, "contact");
            let Some(i) = self.resolve(&scope.stages, stage_id, &here, Code::UnknownStage, "escalation stage") else { continue };
            let stage = &mut stages[i];
            stage.name = name.unwrap_or(std::mem::take(&mut stage.name));
            stage.who = who.unwrap_or(std::mem::take(&mut stage.who));
            if let Some(timescale) = timescale {
                (stage.timescale, stage.timescale_is_default) = (timescale, false);
            }
            if contact.is_some() {
                stage.contact = contact.map(|c| c as u16);
            }
        }
        CompiledProfile { id, organisation, hash: json.content_hash() }
    }
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
}

impl Graph {
    fn push(&mut self, node: Node) -> u32 {
        let measure = |kids: &[u32]| {
            let size = kids.iter().fold(1u32, |size, kid| size.saturating_add(self.sizes[*kid as usize]));
            (size, kids.iter().fold(1u16, |depth, kid| depth.max(self.depths[*kid as usize].saturating_add(1))))
        };
        let (size, depth) = match node {
            Node::Not(kid) => measure(&[kid]),
            _ => measure(node.children().map_or(&[][..], |kids| &self.kids[kids])),
        };
        self.sizes.push(size);
        self.depths.push(depth);
        self.nodes.push(node);
        (self.nodes.len() - 1) as u32
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
        let n = self.nodes[node as usize];
        match n {
            Node::Not(kid) => self.collect_leaves(kid, leaves),
            _ => match n.children() {
                Some(range) => {
                    for i in range {
                        self.collect_leaves(self.kids[i], leaves);
                    }
                }
                None => leaves.push(node),
            },
        }
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
    fn line_lists() {
        for ok in ["1", "120-135", "120-135, 210", " 7 ,8-9"] {
            assert!(valid_lines(ok), "{ok}");
        }
        for bad in ["", "0", "135-120", "a", "1-", "-3", "1,,2"] {
            assert!(!valid_lines(bad), "{bad}");
        }
    }

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
