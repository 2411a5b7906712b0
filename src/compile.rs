//! Checking a ruleset and profile, and turning them into an [`Engine`].
//!
//! Every reference is resolved to an index here, once. All problems are collected, each with
//! the path of the offending value, so an author can fix a ruleset in one pass.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use crate::engine::*;
use crate::error::{Document, Error, Problem};
use crate::lint::LINT_CODES;
use crate::profile::{Profile, PROFILE_FORMAT};
use crate::ruleset::*;

/// Deeper conditions are refused, so evaluation can never exhaust the stack.
const MAX_DEPTH: usize = 32;

pub(crate) fn compile(ruleset: &Ruleset, profile: Option<&Profile>) -> Result<Engine, Error> {
    let mut c = Compiler { problems: Vec::new(), document: Document::Ruleset };
    let engine = c.ruleset(ruleset, profile);
    if c.problems.is_empty() {
        Ok(engine)
    } else {
        Err(Error::new(c.problems))
    }
}

struct Compiler {
    problems: Vec<Problem>,
    document: Document,
}

/// Ids of one kind of item, mapped to their positions.
type Ids<'a> = BTreeMap<&'a str, usize>;

/// The documents rules may cite.
struct Sources<'a> {
    ids: Ids<'a>,
    docs: &'a [SourceDocument],
}

/// The ids a rule's condition and consequences may refer to.
struct Scope<'a> {
    sources: Sources<'a>,
    levels: Ids<'a>,
    indicators: Ids<'a>,
    kinds: Vec<IndicatorKind>,
    worded_facts: Vec<Fact>,
    routes: Ids<'a>,
    stages: Ids<'a>,
    prompts: Ids<'a>,
    actions: Ids<'a>,
    /// Level index (in rank order) by position in the ruleset's list.
    level_order: Vec<u8>,
}

impl Compiler {
    fn problem(&mut self, path: impl Into<String>, code: &'static str, message: impl Into<String>) {
        self.problems.push(Problem {
            document: self.document,
            path: path.into(),
            code,
            message: message.into(),
            line: None,
            column: None,
        });
    }

    fn ruleset(&mut self, r: &Ruleset, profile: Option<&Profile>) -> Engine {
        if r.format != RULESET_FORMAT {
            self.problem("format", "wrong-format", format!("expected \"{RULESET_FORMAT}\", found \"{}\"", r.format));
        }
        self.meta(&r.meta);
        let sources = Sources { ids: self.ids(r.meta.sources.iter().map(|s| s.id.as_str()), "meta.sources"), docs: &r.meta.sources };
        for (i, source) in r.meta.sources.iter().enumerate() {
            self.text(&source.title, format!("meta.sources[{i}].title"));
            self.allow(&source.allow, format!("meta.sources[{i}].allow"));
        }
        let levels = self.ids(r.levels.iter().map(|l| l.id.as_str()), "levels");
        let level_order = self.levels(&r.levels);
        let domains = self.ids(r.domains.iter().map(|d| d.id.as_str()), "domains");
        let indicators = self.ids(r.indicators.iter().map(|i| i.id.as_str()), "indicators");
        let contacts = self.ids(r.contacts.iter().map(|c| c.id.as_str()), "contacts");
        let routes = self.ids(r.routes.iter().map(|x| x.id.as_str()), "routes");
        let stages = self.ids(r.escalation.iter().map(|s| s.id.as_str()), "escalation");
        let prompts = self.ids(r.prompts.iter().map(|p| p.id.as_str()), "prompts");
        let actions = self.ids(r.actions.iter().map(|a| a.id.as_str()), "actions");
        let facts = self.context(&r.context);

        let mut compiled_indicators = Vec::with_capacity(r.indicators.len());
        for (i, indicator) in r.indicators.iter().enumerate() {
            let path = format!("indicators[{i}]");
            let domain = self.resolve(&domains, &indicator.domain, format!("{path}.domain"), "unknown-domain", "domain");
            self.text(&indicator.text, format!("{path}.text"));
            self.age_range(indicator.ages, format!("{path}.ages"));
            self.citations(&sources, &indicator.sources, &format!("{path}.sources"));
            self.allow(&indicator.allow, format!("{path}.allow"));
            compiled_indicators.push(CompiledIndicator {
                id: indicator.id.clone(),
                domain: domain.unwrap_or(0) as u16,
                text: indicator.text.clone(),
                help: indicator.help.clone(),
                terms: indicator.terms.clone(),
                ages: indicator.ages,
                kind: indicator.kind,
            });
        }

        let contact_list = self.contacts(&r.contacts, profile);
        let compiled_routes = r
            .routes
            .iter()
            .enumerate()
            .map(|(i, route)| {
                let path = format!("routes[{i}]");
                for (field, value) in [("name", &route.name), ("when", &route.when), ("whoMaySubmit", &route.who_may_submit), ("consent", &route.consent)] {
                    self.text(value, format!("{path}.{field}"));
                }
                let route_contacts = self.resolve_all(&contacts, &route.contacts, &format!("{path}.contacts"), "unknown-contact", "contact");
                self.citations(&sources, &route.sources, &format!("{path}.sources"));
                self.allow(&route.allow, format!("{path}.allow"));
                CompiledRoute {
                    id: route.id.clone(),
                    name: route.name.clone(),
                    when: route.when.clone(),
                    urgency: route.urgency,
                    who_may_submit: route.who_may_submit.clone(),
                    consent: route.consent.clone(),
                    contacts: route_contacts,
                }
            })
            .collect();
        let compiled_stages = self.stages(&r.escalation, &contacts, &sources);
        let compiled_prompts = r
            .prompts
            .iter()
            .enumerate()
            .map(|(i, prompt)| {
                self.text(&prompt.text, format!("prompts[{i}].text"));
                self.citations(&sources, &prompt.sources, &format!("prompts[{i}].sources"));
                self.allow(&prompt.allow, format!("prompts[{i}].allow"));
                CompiledPrompt { id: prompt.id.clone(), text: prompt.text.clone() }
            })
            .collect();
        let compiled_actions = r
            .actions
            .iter()
            .enumerate()
            .map(|(i, action)| {
                self.text(&action.text, format!("actions[{i}].text"));
                self.allow(&action.allow, format!("actions[{i}].allow"));
                CompiledAction { id: action.id.clone(), text: action.text.clone(), urgency: action.urgency }
            })
            .collect();

        let scope = Scope {
            sources,
            levels,
            indicators,
            kinds: r.indicators.iter().map(|i| i.kind).collect(),
            worded_facts: facts.iter().map(|f| f.fact).collect(),
            routes,
            stages,
            prompts,
            actions,
            level_order,
        };
        let mut program = Program::default();
        let mut rules = Vec::with_capacity(r.rules.len() + 3);
        // Rule ids are never referred to, but must be unique for traces and scenarios.
        self.ids(r.rules.iter().map(|rule| rule.id.as_str()), "rules");
        for (i, rule) in r.rules.iter().enumerate() {
            let path = format!("rules[{i}]");
            let root = self.condition(&scope, &mut program, &rule.when, &format!("{path}.when"), 1);
            let then = self.consequences(&scope, &rule.then, &format!("{path}.then"));
            self.text(&rule.reason, format!("{path}.reason"));
            let citations = self.citations(&scope.sources, &rule.sources, &format!("{path}.sources"));
            for (j, principle) in rule.principles.iter().enumerate() {
                if !(1..=10).contains(principle) {
                    self.problem(format!("{path}.principles[{j}]"), "bad-principle", format!("{principle} is not one of the primer's principles 1 to 10"));
                }
            }
            self.allow(&rule.allow, format!("{path}.allow"));
            rules.push(program.rule(rule.id.clone(), RuleKind::Rule, root, then, rule.reason.clone(), citations));
        }
        self.safeguards(&scope, &mut program, &r.safeguards, &mut rules);

        let mut compiled_levels: Vec<(u8, CompiledLevel)> = r
            .levels
            .iter()
            .zip(&scope.level_order)
            .enumerate()
            .map(|(i, (level, order))| {
                let path = format!("levels[{i}]");
                let actions = self.resolve_all(&scope.actions, &level.actions, &format!("{path}.actions"), "unknown-action", "action");
                let routes = self.resolve_all(&scope.routes, &level.routes, &format!("{path}.routes"), "unknown-route", "route");
                let local = profile.and_then(|p| p.levels.get(&level.id));
                (
                    *order,
                    CompiledLevel {
                        id: level.id.clone(),
                        rank: level.rank,
                        name: local.map_or(&level.name, |l| &l.name).clone(),
                        meaning: local.and_then(|l| l.meaning.as_ref()).unwrap_or(&level.meaning).clone(),
                        response: level.response.clone(),
                        urgency: level.urgency,
                        actions,
                        routes,
                        emergency: level.emergency,
                    },
                )
            })
            .collect();
        compiled_levels.sort_by_key(|(order, _)| *order);
        let compiled_levels: Vec<CompiledLevel> = compiled_levels.into_iter().map(|(_, level)| level).collect();

        let mut compiled_stages = compiled_stages;
        if let Some(profile) = profile {
            self.document = Document::Profile;
            self.profile(profile, r, &scope, &contacts, &mut compiled_stages);
            self.document = Document::Ruleset;
        }

        Engine {
            meta: CompiledMeta {
                id: r.meta.id.clone(),
                title: r.meta.title.clone(),
                version: r.meta.version.clone(),
                jurisdiction: r.meta.jurisdiction.clone(),
                owner: r.meta.owner.clone(),
                review_date: r.meta.review_date,
                effective_from: r.meta.effective_from,
                notice: r.meta.notice.clone(),
                hash: content_hash(r),
            },
            profile: profile.map(|p| CompiledProfile { id: p.id.clone(), organisation: p.organisation.clone(), hash: content_hash(p) }),
            sources: r.meta.sources.iter().map(|s| Source { id: s.id.clone(), title: s.title.clone(), reference: s.reference.clone() }).collect(),
            indicator_index: sorted_index(&compiled_indicators, |i| &i.id),
            level_index: sorted_index(&compiled_levels, |l| &l.id),
            levels: compiled_levels,
            domains: r.domains.clone(),
            indicators: compiled_indicators,
            facts,
            referral_wording: ReferralOutcome::ALL
                .iter()
                .map(|o| r.context.referral.iter().find(|w| w.outcome == *o).map_or_else(String::new, |w| w.text.clone()))
                .collect(),
            contacts: contact_list,
            routes: compiled_routes,
            stages: compiled_stages,
            prompts: compiled_prompts,
            actions: compiled_actions,
            nodes: program.nodes,
            kids: program.kids,
            rules,
        }
    }

    fn meta(&mut self, meta: &Meta) {
        self.id(&meta.id, "meta.id".into());
        for (field, value) in [("title", &meta.title), ("version", &meta.version), ("jurisdiction", &meta.jurisdiction), ("owner", &meta.owner), ("notice", &meta.notice)] {
            self.text(value, format!("meta.{field}"));
        }
        if meta.review_date < meta.effective_from {
            self.problem("meta.reviewDate", "bad-dates", format!("the review date {} is before the effective date {}", meta.review_date, meta.effective_from));
        }
    }

    /// Checks the levels and returns each level's position in rank order.
    fn levels(&mut self, levels: &[Level]) -> Vec<u8> {
        if levels.len() < 2 {
            self.problem("levels", "bad-levels", "a ruleset needs at least two levels: one below the emergency level, and the emergency level");
        }
        if levels.len() > usize::from(u8::MAX) {
            self.problem("levels", "bad-levels", "too many levels");
        }
        let mut ranks: BTreeMap<u8, usize> = BTreeMap::new();
        for (i, level) in levels.iter().enumerate() {
            for (field, value) in [("name", &level.name), ("meaning", &level.meaning), ("response", &level.response)] {
                self.text(value, format!("levels[{i}].{field}"));
            }
            self.allow(&level.allow, format!("levels[{i}].allow"));
            if let Some(first) = ranks.insert(level.rank, i) {
                self.problem(format!("levels[{i}].rank"), "bad-levels", format!("rank {} is already used by levels[{first}]", level.rank));
            }
        }
        let top = levels.iter().map(|l| l.rank).max().unwrap_or(0);
        let emergencies: Vec<usize> = (0..levels.len()).filter(|i| levels[*i].emergency).collect();
        if emergencies.is_empty() {
            self.problem("levels", "bad-levels", "one level must be the emergency level (\"emergency\": true) for a child in danger now");
        }
        let accepted = emergencies.iter().copied().find(|i| levels[*i].rank == top);
        for i in emergencies.into_iter().filter(|i| Some(*i) != accepted) {
            let message = if levels[i].rank == top { "only one level can be the emergency level" } else { "the emergency level must have the highest rank" };
            self.problem(format!("levels[{i}].emergency"), "bad-levels", message);
        }
        let mut order: Vec<usize> = (0..levels.len()).collect();
        order.sort_by_key(|i| levels[*i].rank);
        let mut position = vec![0u8; levels.len()];
        for (rank_order, i) in order.into_iter().enumerate() {
            position[i] = rank_order.min(usize::from(u8::MAX)) as u8;
        }
        position
    }

    fn context(&mut self, context: &ContextWording) -> Vec<FactInfo> {
        let mut facts: Vec<FactInfo> = Vec::new();
        for (i, wording) in context.facts.iter().enumerate() {
            let path = format!("context.facts[{i}]");
            self.text(&wording.text, format!("{path}.text"));
            if facts.iter().any(|f| f.fact == wording.fact) {
                self.problem(format!("{path}.fact"), "duplicate-wording", format!("{} is already worded", wording.fact.name()));
            }
            facts.push(FactInfo { fact: wording.fact, text: wording.text.clone(), help: wording.help.clone() });
        }
        if !facts.iter().any(|f| f.fact == Fact::StillWorried) {
            self.problem("context.facts", "missing-wording", "still-worried needs wording: the engine asks it whenever a referral was closed");
        }
        for (i, wording) in context.referral.iter().enumerate() {
            self.text(&wording.text, format!("context.referral[{i}].text"));
            if context.referral[..i].iter().any(|w| w.outcome == wording.outcome) {
                self.problem(format!("context.referral[{i}].outcome"), "duplicate-wording", format!("{} is already worded", wording.outcome.name()));
            }
        }
        for outcome in ReferralOutcome::ALL {
            if !context.referral.iter().any(|w| w.outcome == outcome) {
                self.problem("context.referral", "missing-wording", format!("the referral outcome {} needs wording", outcome.name()));
            }
        }
        facts
    }

    fn contacts(&mut self, contacts: &[Contact], profile: Option<&Profile>) -> Vec<ContactDetails> {
        contacts
            .iter()
            .enumerate()
            .map(|(i, contact)| {
                let path = format!("contacts[{i}]");
                self.text(&contact.name, format!("{path}.name"));
                match (contact.scope, &contact.phone) {
                    (ContactScope::National, None) => self.problem(format!("{path}.phone"), "missing-number", "a national contact needs its number"),
                    (ContactScope::Local, Some(_)) => self.problem(
                        format!("{path}.phone"),
                        "local-number",
                        "local numbers belong in a profile, so that no ruleset ships an invented or out-of-date local contact",
                    ),
                    _ => {}
                }
                let local = profile.and_then(|p| p.contacts.get(&contact.id)).filter(|_| contact.scope == ContactScope::Local);
                let pick = |ours: &Option<String>, theirs: Option<&Option<String>>| theirs.and_then(Option::clone).or_else(|| ours.clone());
                let phone = pick(&contact.phone, local.map(|l| &l.phone));
                let email = local.and_then(|l| l.email.clone());
                ContactDetails {
                    id: contact.id.clone(),
                    name: local.and_then(|l| l.name.clone()).unwrap_or_else(|| contact.name.clone()),
                    scope: contact.scope,
                    set: phone.is_some() || email.is_some(),
                    phone,
                    email,
                    hours: pick(&contact.hours, local.map(|l| &l.hours)),
                    out_of_hours: local.and_then(|l| l.out_of_hours.clone()),
                    notes: pick(&contact.notes, local.map(|l| &l.notes)),
                }
            })
            .collect()
    }

    fn stages(&mut self, stages: &[Stage], contacts: &Ids, sources: &Sources) -> Vec<CompiledStage> {
        if stages.is_empty() {
            self.problem("escalation", "no-stages", "at least one escalation stage is needed: the engine escalates whenever a closed referral leaves a worry");
        }
        stages
            .iter()
            .enumerate()
            .map(|(i, stage)| {
                let path = format!("escalation[{i}]");
                for (field, value) in [("name", &stage.name), ("who", &stage.who), ("what", &stage.what)] {
                    self.text(value, format!("{path}.{field}"));
                }
                let contact = stage.contact.as_ref().and_then(|id| self.resolve(contacts, id, format!("{path}.contact"), "unknown-contact", "contact"));
                self.citations(sources, &stage.sources, &format!("{path}.sources"));
                self.allow(&stage.allow, format!("{path}.allow"));
                CompiledStage {
                    id: stage.id.clone(),
                    name: stage.name.clone(),
                    who: stage.who.clone(),
                    what: stage.what.clone(),
                    timescale: stage.timescale,
                    timescale_is_default: true,
                    contact: contact.map(|c| c as u16),
                }
            })
            .collect()
    }

    fn safeguards(&mut self, scope: &Scope, program: &mut Program, safeguards: &Safeguards, rules: &mut Vec<CompiledRule>) {
        let persists = {
            let closed = ReferralOutcome::ALL.iter().filter(|o| o.is_closed()).map(|o| program.push(Node::Referral(*o))).collect::<Vec<_>>();
            let closed = program.branch(closed, |start, end| Node::Any { start, end });
            let worried = program.push(Node::Fact(Fact::StillWorried));
            program.branch(vec![closed, worried], |start, end| Node::All { start, end })
        };
        let entries = [
            ("worryRecorded", &safeguards.worry_recorded, program.push(Node::WorryRecorded)),
            ("worryPersists", &safeguards.worry_persists, persists),
            ("judgementLower", &safeguards.judgement_lower, program.push(Node::JudgementLower)),
        ];
        for (name, safeguard, root) in entries {
            let path = format!("safeguards.{name}");
            let mut then = self.consequences(scope, &safeguard.then, &format!("{path}.then"));
            if name == "worryPersists" && then.escalate_from.is_none() {
                then.escalate_from = Some(0);
            }
            if name == "judgementLower" && then.level.is_some() {
                self.problem(format!("{path}.then.level"), "safeguard-level", "the practitioner's lower view cannot set a level: it is kept beside the engine's");
            }
            self.text(&safeguard.reason, format!("{path}.reason"));
            let citations = self.citations(&scope.sources, &safeguard.sources, &format!("{path}.sources"));
            rules.push(program.rule(format!("safeguards.{name}"), RuleKind::Safeguard, root, then, safeguard.reason.clone(), citations));
        }
    }

    fn profile(&mut self, profile: &Profile, r: &Ruleset, scope: &Scope, contacts: &Ids, stages: &mut [CompiledStage]) {
        if profile.format != PROFILE_FORMAT {
            self.problem("format", "wrong-format", format!("expected \"{PROFILE_FORMAT}\", found \"{}\"", profile.format));
        }
        self.id(&profile.id, "id".into());
        self.text(&profile.organisation, "organisation".into());
        if profile.ruleset != r.meta.id {
            self.problem("ruleset", "wrong-ruleset", format!("this profile is for the ruleset \"{}\", not \"{}\"", profile.ruleset, r.meta.id));
        }
        for (id, level) in &profile.levels {
            if self.resolve(&scope.levels, id, format!("levels.{id}"), "unknown-level", "level").is_some() {
                self.text(&level.name, format!("levels.{id}.name"));
            }
        }
        for id in profile.contacts.keys() {
            if let Some(i) = self.resolve(contacts, id, format!("contacts.{id}"), "unknown-contact", "contact") {
                if r.contacts[i].scope == ContactScope::National {
                    self.problem(format!("contacts.{id}"), "national-contact", "a national contact's details are part of the ruleset and cannot be changed locally");
                }
            }
        }
        for (id, local) in &profile.escalation {
            let Some(i) = self.resolve(&scope.stages, id, format!("escalation.{id}"), "unknown-stage", "escalation stage") else { continue };
            let stage = &mut stages[i];
            if let Some(name) = &local.name {
                stage.name = name.clone();
            }
            if let Some(who) = &local.who {
                stage.who = who.clone();
            }
            if let Some(timescale) = local.timescale {
                stage.timescale = timescale;
                stage.timescale_is_default = false;
            }
            if let Some(contact) = &local.contact {
                stage.contact = self.resolve(contacts, contact, format!("escalation.{id}.contact"), "unknown-contact", "contact").map(|c| c as u16);
            }
        }
    }

    fn consequences(&mut self, scope: &Scope, then: &Consequences, path: &str) -> CompiledConsequences {
        CompiledConsequences {
            level: then
                .level
                .as_ref()
                .and_then(|id| self.resolve(&scope.levels, id, format!("{path}.level"), "unknown-level", "level"))
                .map(|i| scope.level_order[i]),
            actions: self.resolve_all(&scope.actions, &then.actions, &format!("{path}.actions"), "unknown-action", "action"),
            routes: self.resolve_all(&scope.routes, &then.routes, &format!("{path}.routes"), "unknown-route", "route"),
            prompts: self.resolve_all(&scope.prompts, &then.prompts, &format!("{path}.prompts"), "unknown-prompt", "prompt"),
            escalate_from: then
                .escalate_from
                .as_ref()
                .and_then(|id| self.resolve(&scope.stages, id, format!("{path}.escalateFrom"), "unknown-stage", "escalation stage"))
                .map(|i| i as u8),
        }
    }

    fn condition(&mut self, scope: &Scope, program: &mut Program, condition: &Condition, path: &str, depth: usize) -> u32 {
        if depth > MAX_DEPTH {
            self.problem(path, "too-deep", format!("conditions may nest at most {MAX_DEPTH} deep"));
            return program.push(Node::Fact(Fact::StillWorried));
        }
        let children = |c: &mut Compiler, program: &mut Program, list: &[Condition], key: &str| -> Vec<u32> {
            if list.is_empty() {
                c.problem(format!("{path}.{key}"), "empty-condition", format!("\"{key}\" needs at least one condition"));
            }
            list.iter().enumerate().map(|(i, child)| c.condition(scope, program, child, &format!("{path}.{key}[{i}]"), depth + 1)).collect()
        };
        match condition {
            Condition::All(list) => {
                let kids = children(self, program, list, "all");
                program.branch(kids, |start, end| Node::All { start, end })
            }
            Condition::Any(list) => {
                let kids = children(self, program, list, "any");
                program.branch(kids, |start, end| Node::Any { start, end })
            }
            Condition::Not(inner) => {
                let kid = self.condition(scope, program, inner, &format!("{path}.not"), depth + 1);
                program.push(Node::Not(kid))
            }
            Condition::AtLeast(at_least) => {
                let inner = format!("{path}.atLeast");
                let kids = children(self, program, &at_least.of, "atLeast.of");
                if at_least.n == 0 || usize::from(at_least.n) > at_least.of.len() {
                    self.problem(format!("{inner}.n"), "bad-count", format!("n must be between 1 and the number of conditions ({})", at_least.of.len()));
                }
                let n = at_least.n;
                program.branch(kids, |start, end| Node::AtLeast { n, start, end })
            }
            Condition::Yes(id) => {
                let indicator = self.indicator(scope, id, &format!("{path}.yes"), Some(IndicatorKind::Answer));
                program.push(Node::Yes(indicator))
            }
            Condition::NotKnown(id) => {
                let indicator = self.indicator(scope, id, &format!("{path}.notKnown"), None);
                program.push(Node::NotKnown(indicator))
            }
            Condition::Age(range) => {
                self.age_range(*range, format!("{path}.age"));
                if range.min_months.is_none() && range.max_months.is_none() {
                    self.problem(format!("{path}.age"), "bad-age-range", "give minMonths, maxMonths or both");
                }
                let (min, max) = range.bounds();
                program.push(Node::Age { min, max })
            }
            Condition::Events(count) => {
                let indicator = self.indicator(scope, &count.indicator, &format!("{path}.events.indicator"), Some(IndicatorKind::Event));
                if count.at_least == 0 {
                    self.problem(format!("{path}.events.atLeast"), "bad-count", "atLeast must be 1 or more");
                }
                if count.within_days == 0 {
                    self.problem(format!("{path}.events.withinDays"), "bad-count", "withinDays must be 1 or more");
                }
                program.push(Node::Events { indicator, within_days: count.within_days, at_least: count.at_least })
            }
            Condition::Fact(fact) => {
                if !scope.worded_facts.contains(fact) {
                    self.problem(format!("{path}.fact"), "missing-wording", format!("{} needs wording in context.facts before a rule can ask it", fact.name()));
                }
                program.push(Node::Fact(*fact))
            }
            Condition::Referral(outcome) => program.push(Node::Referral(*outcome)),
        }
    }

    fn indicator(&mut self, scope: &Scope, id: &str, path: &str, kind: Option<IndicatorKind>) -> u16 {
        let Some(i) = self.resolve(&scope.indicators, id, path.to_string(), "unknown-indicator", "indicator") else { return 0 };
        match (kind, scope.kinds[i]) {
            (Some(IndicatorKind::Answer), IndicatorKind::Event) => {
                self.problem(path, "wrong-kind", format!("\"{id}\" is counted from dated events: use {{\"events\": {{\"indicator\": \"{id}\", ...}}}}"))
            }
            (Some(IndicatorKind::Event), IndicatorKind::Answer) => {
                self.problem(path, "wrong-kind", format!("\"{id}\" is answered yes or no, not counted: use {{\"yes\": \"{id}\"}}"))
            }
            _ => {}
        }
        i as u16
    }

    fn age_range(&mut self, range: AgeRange, path: String) {
        let (min, max) = range.bounds();
        if min > max {
            self.problem(path, "bad-age-range", format!("minMonths ({min}) is above maxMonths ({max})"));
        }
    }

    fn citations(&mut self, sources: &Sources, citations: &[Citation], path: &str) -> Vec<SourceCitation> {
        citations
            .iter()
            .enumerate()
            .filter_map(|(i, citation)| {
                if let Some(lines) = &citation.lines {
                    if !valid_lines(lines) {
                        self.problem(format!("{path}[{i}].lines"), "bad-lines", format!("\"{lines}\" is not a line list such as \"120\", \"120-135\" or \"120-135, 210\""));
                    }
                }
                let found = self.resolve(&sources.ids, &citation.source, format!("{path}[{i}].source"), "unknown-source", "source");
                found.map(|at| SourceCitation::new(citation, &sources.docs[at]))
            })
            .collect()
    }

    fn allow(&mut self, allow: &Allow, path: String) {
        for (code, why) in allow {
            if !LINT_CODES.contains(&code.as_str()) {
                self.problem(format!("{path}.{code}"), "unknown-lint", format!("\"{code}\" is not a lint code; the codes are {}", LINT_CODES.join(", ")));
            }
            self.text(why, format!("{path}.{code}"));
        }
    }

    /// Maps each id to its position, reporting duplicates and ids that are not kebab-case.
    fn ids<'a>(&mut self, ids: impl Iterator<Item = &'a str>, list: &str) -> Ids<'a> {
        let mut map = Ids::new();
        for (i, id) in ids.enumerate() {
            let path = format!("{list}[{i}].id");
            self.id(id, path.clone());
            if let Some(first) = map.insert(id, i) {
                map.insert(id, first);
                self.problem(path, "duplicate-id", format!("\"{id}\" is already the id of {list}[{first}]"));
            }
        }
        map
    }

    fn id(&mut self, id: &str, path: String) {
        let kebab = !id.is_empty()
            && id.split('-').all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
        if !kebab {
            self.problem(path, "bad-id", format!("\"{id}\" is not a kebab-case id (lower-case letters and digits joined by single hyphens)"));
        }
    }

    fn text(&mut self, text: &str, path: String) {
        if text.trim().is_empty() {
            self.problem(path, "empty-text", "this text is empty");
        }
    }

    fn resolve(&mut self, ids: &Ids, id: &str, path: String, code: &'static str, what: &str) -> Option<usize> {
        let found = ids.get(id).copied();
        if found.is_none() {
            let hint = closest(ids, id).map(|near| format!(" (did you mean \"{near}\"?)")).unwrap_or_default();
            self.problem(path, code, format!("unknown {what} \"{id}\"{hint}"));
        }
        found
    }

    fn resolve_all(&mut self, ids: &Ids, list: &[String], path: &str, code: &'static str, what: &str) -> Vec<u16> {
        list.iter().enumerate().filter_map(|(i, id)| self.resolve(ids, id, format!("{path}[{i}]"), code, what)).map(|i| i as u16).collect()
    }
}

/// Condition nodes under construction.
#[derive(Default)]
struct Program {
    nodes: Vec<Node>,
    kids: Vec<u32>,
}

impl Program {
    fn push(&mut self, node: Node) -> u32 {
        self.nodes.push(node);
        (self.nodes.len() - 1) as u32
    }

    fn branch(&mut self, children: Vec<u32>, make: impl FnOnce(u32, u32) -> Node) -> u32 {
        let start = self.kids.len() as u32;
        self.kids.extend(children);
        let end = self.kids.len() as u32;
        self.push(make(start, end))
    }

    fn rule(&self, id: String, kind: RuleKind, root: u32, then: CompiledConsequences, reason: String, sources: Vec<SourceCitation>) -> CompiledRule {
        let mut leaves = Vec::new();
        self.collect_leaves(root, &mut leaves);
        CompiledRule { id, kind, root, then, reason, sources, leaves }
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

fn sorted_index<T, K: Copy + TryFrom<usize>>(items: &[T], id: impl Fn(&T) -> &String) -> Vec<(String, K)> {
    let mut index: Vec<(String, K)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| K::try_from(i).ok().map(|k| (id(item).clone(), k)))
        .collect();
    index.sort_by(|a, b| a.0.cmp(&b.0));
    index
}

/// `"120"`, `"120-135"`, `"120-135, 210"`: positive line numbers, ranges in order.
fn valid_lines(lines: &str) -> bool {
    let number = |s: &str| s.trim().parse::<u32>().ok().filter(|n| *n > 0);
    lines.split(',').all(|part| match part.split_once('-') {
        Some((from, to)) => matches!((number(from), number(to)), (Some(a), Some(b)) if a <= b),
        None => number(part).is_some(),
    })
}

/// The known id nearest to a misspelt one, if it is close enough to be a likely typo.
fn closest<'a>(ids: &Ids<'a>, id: &str) -> Option<&'a str> {
    ids.keys()
        .map(|known| (edit_distance(known, id), *known))
        .filter(|(distance, known)| *distance <= 2.max(known.len() / 5))
        .min()
        .map(|(_, known)| known)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// A 64-bit FNV-1a digest of the parsed document, identical natively and in wasm (lengths are
/// hashed as 64-bit whatever the platform's pointer width).
fn content_hash<T: Hash>(value: &T) -> String {
    struct Fnv(u64);
    impl Hasher for Fnv {
        fn finish(&self) -> u64 {
            self.0
        }
        fn write(&mut self, bytes: &[u8]) {
            for byte in bytes {
                self.0 = (self.0 ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
            }
        }
        fn write_usize(&mut self, n: usize) {
            self.write(&(n as u64).to_le_bytes());
        }
    }
    let mut hasher = Fnv(0xcbf2_9ce4_8422_2325);
    value.hash(&mut hasher);
    format!("{:016x}", hasher.finish())
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
    fn near_misses_are_suggested() {
        let ids: Ids = [("missing-episode", 0), ("self-harm", 1)].into_iter().collect();
        assert_eq!(closest(&ids, "missng-episode"), Some("missing-episode"));
        assert_eq!(closest(&ids, "self-harn"), Some("self-harm"));
        assert_eq!(closest(&ids, "fgm"), None);
    }
}
