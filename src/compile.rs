//! Checking a ruleset and profile, and turning them into an [`Engine`].
//!
//! Every reference is resolved to an index here, once. All problems are collected, each with
//! the path of the offending value, so an author can fix a ruleset in one pass. Paths are chains
//! of [`At`] on the stack and become text only when there is a problem to report.

use crate::engine::*;
use crate::error::{Document, Error, Problem};
use crate::json::At;
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

/// Ids of one kind of item with their positions, sorted for binary search.
struct Ids<'a>(Vec<(&'a str, usize)>);

impl<'a> Ids<'a> {
    fn get(&self, id: &str) -> Option<usize> {
        self.0.binary_search_by(|(key, _)| (*key).cmp(id)).ok().map(|at| self.0[at].1)
    }

    fn keys(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.0.iter().map(|(key, _)| *key)
    }
}

/// The documents rules may cite.
struct Sources<'a> {
    ids: Ids<'a>,
    docs: &'a [SourceDocument],
}

/// What a rule's condition and consequences may refer to.
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

/// `list[i]` under the root.
fn item<'a>(list: &'a At<'a>, i: usize) -> At<'a> {
    At::Index(list, i)
}

impl Compiler {
    fn problem(&mut self, at: &At, code: &'static str, message: impl Into<String>) {
        self.problems.push(Problem { document: self.document, path: at.to_string(), code, message: message.into(), line: None, column: None });
    }

    fn ruleset(&mut self, r: &Ruleset, profile: Option<&Profile>) -> Engine {
        let root = At::Root;
        if r.format != RULESET_FORMAT {
            self.problem(&At::Key(&root, "format"), "wrong-format", format!("expected \"{RULESET_FORMAT}\", found \"{}\"", r.format));
        }
        let meta = At::Key(&root, "meta");
        self.meta(&r.meta, &meta);
        let source_list = At::Key(&meta, "sources");
        let sources = Sources { ids: self.ids(r.meta.sources.iter().map(|s| s.id.as_str()), &source_list), docs: &r.meta.sources };
        for (i, source) in r.meta.sources.iter().enumerate() {
            let here = item(&source_list, i);
            self.text(&source.title, &At::Key(&here, "title"));
            self.allow(&source.allow, &At::Key(&here, "allow"));
        }
        let level_list = At::Key(&root, "levels");
        let levels = self.ids(r.levels.iter().map(|l| l.id.as_str()), &level_list);
        let level_order = self.levels(&r.levels, &level_list);
        let domains = self.ids(r.domains.iter().map(|d| d.id.as_str()), &At::Key(&root, "domains"));
        let indicator_list = At::Key(&root, "indicators");
        let indicators = self.ids(r.indicators.iter().map(|i| i.id.as_str()), &indicator_list);
        let contact_list = At::Key(&root, "contacts");
        let contacts = self.ids(r.contacts.iter().map(|c| c.id.as_str()), &contact_list);
        let route_list = At::Key(&root, "routes");
        let routes = self.ids(r.routes.iter().map(|x| x.id.as_str()), &route_list);
        let stage_list = At::Key(&root, "escalation");
        let stages = self.ids(r.escalation.iter().map(|s| s.id.as_str()), &stage_list);
        let prompt_list = At::Key(&root, "prompts");
        let prompts = self.ids(r.prompts.iter().map(|p| p.id.as_str()), &prompt_list);
        let action_list = At::Key(&root, "actions");
        let actions = self.ids(r.actions.iter().map(|a| a.id.as_str()), &action_list);
        let facts = self.context(&r.context, &At::Key(&root, "context"));

        let mut compiled_indicators = Vec::with_capacity(r.indicators.len());
        for (i, indicator) in r.indicators.iter().enumerate() {
            let here = item(&indicator_list, i);
            let domain = self.resolve(&domains, &indicator.domain, &At::Key(&here, "domain"), "unknown-domain", "domain");
            self.text(&indicator.text, &At::Key(&here, "text"));
            self.age_range(indicator.ages, &At::Key(&here, "ages"));
            self.citations(&sources, &indicator.sources, &At::Key(&here, "sources"));
            self.allow(&indicator.allow, &At::Key(&here, "allow"));
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

        let compiled_contacts = self.contacts(&r.contacts, &contact_list, profile);
        let mut compiled_routes = Vec::with_capacity(r.routes.len());
        for (i, route) in r.routes.iter().enumerate() {
            let here = item(&route_list, i);
            for (field, value) in [("name", &route.name), ("when", &route.when), ("whoMaySubmit", &route.who_may_submit), ("consent", &route.consent)] {
                self.text(value, &At::Key(&here, field));
            }
            let route_contacts = self.resolve_all(&contacts, &route.contacts, &At::Key(&here, "contacts"), "unknown-contact", "contact");
            self.citations(&sources, &route.sources, &At::Key(&here, "sources"));
            self.allow(&route.allow, &At::Key(&here, "allow"));
            compiled_routes.push(CompiledRoute {
                id: route.id.clone(),
                name: route.name.clone(),
                when: route.when.clone(),
                urgency: route.urgency,
                who_may_submit: route.who_may_submit.clone(),
                consent: route.consent.clone(),
                contacts: route_contacts,
            });
        }
        let mut compiled_stages = self.stages(&r.escalation, &stage_list, &contacts, &sources);
        let compiled_prompts = r
            .prompts
            .iter()
            .enumerate()
            .map(|(i, prompt)| {
                let here = item(&prompt_list, i);
                self.text(&prompt.text, &At::Key(&here, "text"));
                self.citations(&sources, &prompt.sources, &At::Key(&here, "sources"));
                self.allow(&prompt.allow, &At::Key(&here, "allow"));
                CompiledPrompt { id: prompt.id.clone(), text: prompt.text.clone() }
            })
            .collect();
        let compiled_actions = r
            .actions
            .iter()
            .enumerate()
            .map(|(i, action)| {
                let here = item(&action_list, i);
                self.text(&action.text, &At::Key(&here, "text"));
                self.allow(&action.allow, &At::Key(&here, "allow"));
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
        let rule_list = At::Key(&root, "rules");
        // Rule ids are never referred to, but must be unique for traces and scenarios.
        self.ids(r.rules.iter().map(|rule| rule.id.as_str()), &rule_list);
        for (i, rule) in r.rules.iter().enumerate() {
            let here = item(&rule_list, i);
            let root = self.condition(&scope, &mut program, &rule.when, &At::Key(&here, "when"), 1);
            let then = self.consequences(&scope, &rule.then, &At::Key(&here, "then"));
            self.text(&rule.reason, &At::Key(&here, "reason"));
            let citations = self.citations(&scope.sources, &rule.sources, &At::Key(&here, "sources"));
            let principles = At::Key(&here, "principles");
            for (j, principle) in rule.principles.iter().enumerate() {
                if !(1..=10).contains(principle) {
                    self.problem(&item(&principles, j), "bad-principle", format!("{principle} is not one of the primer's principles 1 to 10"));
                }
            }
            self.allow(&rule.allow, &At::Key(&here, "allow"));
            rules.push(program.rule(rule.id.clone(), RuleKind::Rule, root, then, rule.reason.clone(), citations));
        }
        self.safeguards(&scope, &mut program, &r.safeguards, &At::Key(&root, "safeguards"), &mut rules);

        // Levels in rank order, with the profile's names.
        let mut order: Vec<usize> = (0..r.levels.len()).collect();
        crate::sort::by(&mut order, |a, b| scope.level_order[*a].cmp(&scope.level_order[*b]));
        let compiled_levels: Vec<CompiledLevel> = order
            .into_iter()
            .map(|i| {
                let level = &r.levels[i];
                let here = item(&level_list, i);
                let local = profile.and_then(|p| p.levels.get(&level.id));
                CompiledLevel {
                    id: level.id.clone(),
                    rank: level.rank,
                    name: local.map_or(&level.name, |l| &l.name).clone(),
                    meaning: local.and_then(|l| l.meaning.as_ref()).unwrap_or(&level.meaning).clone(),
                    response: level.response.clone(),
                    urgency: level.urgency,
                    actions: self.resolve_all(&scope.actions, &level.actions, &At::Key(&here, "actions"), "unknown-action", "action"),
                    routes: self.resolve_all(&scope.routes, &level.routes, &At::Key(&here, "routes"), "unknown-route", "route"),
                    emergency: level.emergency,
                }
            })
            .collect();

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
                hash: r.hash.clone(),
            },
            profile: profile.map(|p| CompiledProfile { id: p.id.clone(), organisation: p.organisation.clone(), hash: p.hash.clone() }),
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
            contacts: compiled_contacts,
            routes: compiled_routes,
            stages: compiled_stages,
            prompts: compiled_prompts,
            actions: compiled_actions,
            nodes: program.nodes,
            kids: program.kids,
            rules,
        }
    }

    fn meta(&mut self, meta: &Meta, at: &At) {
        self.id(&meta.id, &At::Key(at, "id"));
        for (field, value) in [("title", &meta.title), ("version", &meta.version), ("jurisdiction", &meta.jurisdiction), ("owner", &meta.owner), ("notice", &meta.notice)] {
            self.text(value, &At::Key(at, field));
        }
        if meta.review_date < meta.effective_from {
            self.problem(&At::Key(at, "reviewDate"), "bad-dates", format!("the review date {} is before the effective date {}", meta.review_date, meta.effective_from));
        }
    }

    /// Checks the levels and returns each level's position in rank order.
    fn levels(&mut self, levels: &[Level], at: &At) -> Vec<u8> {
        if levels.len() < 2 {
            self.problem(at, "bad-levels", "a ruleset needs at least two levels: one below the emergency level, and the emergency level");
        }
        if levels.len() > usize::from(u8::MAX) {
            self.problem(at, "bad-levels", "too many levels");
        }
        for (i, level) in levels.iter().enumerate() {
            let here = item(at, i);
            for (field, value) in [("name", &level.name), ("meaning", &level.meaning), ("response", &level.response)] {
                self.text(value, &At::Key(&here, field));
            }
            self.allow(&level.allow, &At::Key(&here, "allow"));
            if let Some(first) = levels[..i].iter().position(|l| l.rank == level.rank) {
                self.problem(&At::Key(&here, "rank"), "bad-levels", format!("rank {} is already used by levels[{first}]", level.rank));
            }
        }
        let top = levels.iter().map(|l| l.rank).max().unwrap_or(0);
        let emergencies: Vec<usize> = (0..levels.len()).filter(|i| levels[*i].emergency).collect();
        if emergencies.is_empty() {
            self.problem(at, "bad-levels", "one level must be the emergency level (\"emergency\": true) for a child in danger now");
        }
        let accepted = emergencies.iter().copied().find(|i| levels[*i].rank == top);
        for i in emergencies.into_iter().filter(|i| Some(*i) != accepted) {
            let message = if levels[i].rank == top { "only one level can be the emergency level" } else { "the emergency level must have the highest rank" };
            self.problem(&At::Key(&item(at, i), "emergency"), "bad-levels", message);
        }
        let mut order: Vec<usize> = (0..levels.len()).collect();
        crate::sort::by(&mut order, |a, b| levels[*a].rank.cmp(&levels[*b].rank));
        let mut position = vec![0u8; levels.len()];
        for (rank_order, i) in order.into_iter().enumerate() {
            position[i] = rank_order.min(usize::from(u8::MAX)) as u8;
        }
        position
    }

    fn context(&mut self, context: &ContextWording, at: &At) -> Vec<FactInfo> {
        let fact_list = At::Key(at, "facts");
        let mut facts: Vec<FactInfo> = Vec::new();
        for (i, wording) in context.facts.iter().enumerate() {
            let here = item(&fact_list, i);
            self.text(&wording.text, &At::Key(&here, "text"));
            if facts.iter().any(|f| f.fact == wording.fact) {
                self.problem(&At::Key(&here, "fact"), "duplicate-wording", format!("{} is already worded", wording.fact.name()));
            }
            facts.push(FactInfo { fact: wording.fact, text: wording.text.clone(), help: wording.help.clone() });
        }
        if !facts.iter().any(|f| f.fact == Fact::StillWorried) {
            self.problem(&fact_list, "missing-wording", "still-worried needs wording: the engine asks it whenever a referral was closed");
        }
        let referral_list = At::Key(at, "referral");
        for (i, wording) in context.referral.iter().enumerate() {
            let here = item(&referral_list, i);
            self.text(&wording.text, &At::Key(&here, "text"));
            if context.referral[..i].iter().any(|w| w.outcome == wording.outcome) {
                self.problem(&At::Key(&here, "outcome"), "duplicate-wording", format!("{} is already worded", wording.outcome.name()));
            }
        }
        for outcome in ReferralOutcome::ALL {
            if !context.referral.iter().any(|w| w.outcome == outcome) {
                self.problem(&referral_list, "missing-wording", format!("the referral outcome {} needs wording", outcome.name()));
            }
        }
        facts
    }

    fn contacts(&mut self, contacts: &[Contact], at: &At, profile: Option<&Profile>) -> Vec<ContactDetails> {
        let mut compiled = Vec::with_capacity(contacts.len());
        for (i, contact) in contacts.iter().enumerate() {
            let here = item(at, i);
            self.text(&contact.name, &At::Key(&here, "name"));
            match (contact.scope, &contact.phone) {
                (ContactScope::National, None) => self.problem(&At::Key(&here, "phone"), "missing-number", "a national contact needs its number"),
                (ContactScope::Local, Some(_)) => self.problem(
                    &At::Key(&here, "phone"),
                    "local-number",
                    "local numbers belong in a profile, so that no ruleset ships an invented or out-of-date local contact",
                ),
                _ => {}
            }
            let local = profile.and_then(|p| p.contacts.get(&contact.id)).filter(|_| contact.scope == ContactScope::Local);
            let pick = |ours: &Option<String>, theirs: Option<&Option<String>>| theirs.and_then(Option::clone).or_else(|| ours.clone());
            let phone = pick(&contact.phone, local.map(|l| &l.phone));
            let email = local.and_then(|l| l.email.clone());
            compiled.push(ContactDetails {
                id: contact.id.clone(),
                name: local.and_then(|l| l.name.clone()).unwrap_or_else(|| contact.name.clone()),
                scope: contact.scope,
                set: phone.is_some() || email.is_some(),
                phone,
                email,
                hours: pick(&contact.hours, local.map(|l| &l.hours)),
                out_of_hours: local.and_then(|l| l.out_of_hours.clone()),
                notes: pick(&contact.notes, local.map(|l| &l.notes)),
            });
        }
        compiled
    }

    fn stages(&mut self, stages: &[Stage], at: &At, contacts: &Ids, sources: &Sources) -> Vec<CompiledStage> {
        if stages.is_empty() {
            self.problem(at, "no-stages", "at least one escalation stage is needed: the engine escalates whenever a closed referral leaves a worry");
        }
        let mut compiled = Vec::with_capacity(stages.len());
        for (i, stage) in stages.iter().enumerate() {
            let here = item(at, i);
            for (field, value) in [("name", &stage.name), ("who", &stage.who), ("what", &stage.what)] {
                self.text(value, &At::Key(&here, field));
            }
            let contact = stage.contact.as_ref().and_then(|id| self.resolve(contacts, id, &At::Key(&here, "contact"), "unknown-contact", "contact"));
            self.citations(sources, &stage.sources, &At::Key(&here, "sources"));
            self.allow(&stage.allow, &At::Key(&here, "allow"));
            compiled.push(CompiledStage {
                id: stage.id.clone(),
                name: stage.name.clone(),
                who: stage.who.clone(),
                what: stage.what.clone(),
                timescale: stage.timescale,
                timescale_is_default: true,
                contact: contact.map(|c| c as u16),
            });
        }
        compiled
    }

    fn safeguards(&mut self, scope: &Scope, program: &mut Program, safeguards: &Safeguards, at: &At, rules: &mut Vec<CompiledRule>) {
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
            let here = At::Key(at, name);
            let then_at = At::Key(&here, "then");
            let mut then = self.consequences(scope, &safeguard.then, &then_at);
            if name == "worryPersists" && then.escalate_from.is_none() {
                then.escalate_from = Some(0);
            }
            if name == "judgementLower" && then.level.is_some() {
                self.problem(&At::Key(&then_at, "level"), "safeguard-level", "the practitioner's lower view cannot set a level: it is kept beside the engine's");
            }
            self.text(&safeguard.reason, &At::Key(&here, "reason"));
            let citations = self.citations(&scope.sources, &safeguard.sources, &At::Key(&here, "sources"));
            rules.push(program.rule(format!("safeguards.{name}"), RuleKind::Safeguard, root, then, safeguard.reason.clone(), citations));
        }
    }

    fn profile(&mut self, profile: &Profile, r: &Ruleset, scope: &Scope, contacts: &Ids, stages: &mut [CompiledStage]) {
        let root = At::Root;
        if profile.format != PROFILE_FORMAT {
            self.problem(&At::Key(&root, "format"), "wrong-format", format!("expected \"{PROFILE_FORMAT}\", found \"{}\"", profile.format));
        }
        self.id(&profile.id, &At::Key(&root, "id"));
        self.text(&profile.organisation, &At::Key(&root, "organisation"));
        if profile.ruleset != r.meta.id {
            self.problem(&At::Key(&root, "ruleset"), "wrong-ruleset", format!("this profile is for the ruleset \"{}\", not \"{}\"", profile.ruleset, r.meta.id));
        }
        let level_map = At::Key(&root, "levels");
        for (id, level) in profile.levels.iter() {
            let here = At::Key(&level_map, id);
            if self.resolve(&scope.levels, id, &here, "unknown-level", "level").is_some() {
                self.text(&level.name, &At::Key(&here, "name"));
            }
        }
        let contact_map = At::Key(&root, "contacts");
        for (id, _) in profile.contacts.iter() {
            let here = At::Key(&contact_map, id);
            if let Some(i) = self.resolve(contacts, id, &here, "unknown-contact", "contact") {
                if r.contacts[i].scope == ContactScope::National {
                    self.problem(&here, "national-contact", "a national contact's details are part of the ruleset and cannot be changed locally");
                }
            }
        }
        let stage_map = At::Key(&root, "escalation");
        for (id, local) in profile.escalation.iter() {
            let here = At::Key(&stage_map, id);
            let Some(i) = self.resolve(&scope.stages, id, &here, "unknown-stage", "escalation stage") else { continue };
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
                stage.contact = self.resolve(contacts, contact, &At::Key(&here, "contact"), "unknown-contact", "contact").map(|c| c as u16);
            }
        }
    }

    fn consequences(&mut self, scope: &Scope, then: &Consequences, at: &At) -> CompiledConsequences {
        CompiledConsequences {
            level: then.level.as_ref().and_then(|id| self.resolve(&scope.levels, id, &At::Key(at, "level"), "unknown-level", "level")).map(|i| scope.level_order[i]),
            actions: self.resolve_all(&scope.actions, &then.actions, &At::Key(at, "actions"), "unknown-action", "action"),
            routes: self.resolve_all(&scope.routes, &then.routes, &At::Key(at, "routes"), "unknown-route", "route"),
            prompts: self.resolve_all(&scope.prompts, &then.prompts, &At::Key(at, "prompts"), "unknown-prompt", "prompt"),
            escalate_from: then
                .escalate_from
                .as_ref()
                .and_then(|id| self.resolve(&scope.stages, id, &At::Key(at, "escalateFrom"), "unknown-stage", "escalation stage"))
                .map(|i| i as u8),
        }
    }

    fn condition(&mut self, scope: &Scope, program: &mut Program, condition: &Condition, at: &At, depth: usize) -> u32 {
        if depth > MAX_DEPTH {
            self.problem(at, "too-deep", format!("conditions may nest at most {MAX_DEPTH} deep"));
            return program.push(Node::WorryRecorded);
        }
        let children = |c: &mut Compiler, program: &mut Program, list: &[Condition], key: &str| -> Vec<u32> {
            let here = At::Key(at, key);
            if list.is_empty() {
                c.problem(&here, "empty-condition", format!("\"{key}\" needs at least one condition"));
            }
            list.iter().enumerate().map(|(i, child)| c.condition(scope, program, child, &item(&here, i), depth + 1)).collect()
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
                let kid = self.condition(scope, program, inner, &At::Key(at, "not"), depth + 1);
                program.push(Node::Not(kid))
            }
            Condition::AtLeast(at_least) => {
                let here = At::Key(at, "atLeast");
                let of = At::Key(&here, "of");
                if at_least.of.is_empty() {
                    self.problem(&of, "empty-condition", "\"of\" needs at least one condition");
                }
                let kids: Vec<u32> = at_least.of.iter().enumerate().map(|(i, child)| self.condition(scope, program, child, &item(&of, i), depth + 1)).collect();
                if at_least.n == 0 || usize::from(at_least.n) > at_least.of.len() {
                    self.problem(&At::Key(&here, "n"), "bad-count", format!("n must be between 1 and the number of conditions ({})", at_least.of.len()));
                }
                let n = at_least.n;
                program.branch(kids, |start, end| Node::AtLeast { n, start, end })
            }
            Condition::Yes(id) => {
                let indicator = self.indicator(scope, id, &At::Key(at, "yes"), Some(IndicatorKind::Answer));
                program.push(Node::Yes(indicator))
            }
            Condition::NotKnown(id) => {
                let indicator = self.indicator(scope, id, &At::Key(at, "notKnown"), None);
                program.push(Node::NotKnown(indicator))
            }
            Condition::Age(range) => {
                let here = At::Key(at, "age");
                self.age_range(*range, &here);
                if range.min_months.is_none() && range.max_months.is_none() {
                    self.problem(&here, "bad-age-range", "give minMonths, maxMonths or both");
                }
                let (min, max) = range.bounds();
                program.push(Node::Age { min, max })
            }
            Condition::Events(count) => {
                let here = At::Key(at, "events");
                let indicator = self.indicator(scope, &count.indicator, &At::Key(&here, "indicator"), Some(IndicatorKind::Event));
                if count.at_least == 0 {
                    self.problem(&At::Key(&here, "atLeast"), "bad-count", "atLeast must be 1 or more");
                }
                if count.within_days == 0 {
                    self.problem(&At::Key(&here, "withinDays"), "bad-count", "withinDays must be 1 or more");
                }
                program.push(Node::Events { indicator, within_days: count.within_days, at_least: count.at_least })
            }
            Condition::Fact(fact) => {
                if !scope.worded_facts.contains(fact) {
                    self.problem(&At::Key(at, "fact"), "missing-wording", format!("{} needs wording in context.facts before a rule can ask it", fact.name()));
                }
                program.push(Node::Fact(*fact))
            }
            Condition::Referral(outcome) => program.push(Node::Referral(*outcome)),
        }
    }

    fn indicator(&mut self, scope: &Scope, id: &str, at: &At, kind: Option<IndicatorKind>) -> u16 {
        let Some(i) = self.resolve(&scope.indicators, id, at, "unknown-indicator", "indicator") else { return 0 };
        match (kind, scope.kinds[i]) {
            (Some(IndicatorKind::Answer), IndicatorKind::Event) => {
                self.problem(at, "wrong-kind", format!("\"{id}\" is counted from dated events: use {{\"events\": {{\"indicator\": \"{id}\", ...}}}}"))
            }
            (Some(IndicatorKind::Event), IndicatorKind::Answer) => self.problem(at, "wrong-kind", format!("\"{id}\" is answered yes or no, not counted: use {{\"yes\": \"{id}\"}}")),
            _ => {}
        }
        i as u16
    }

    fn age_range(&mut self, range: AgeRange, at: &At) {
        let (min, max) = range.bounds();
        if min > max {
            self.problem(at, "bad-age-range", format!("minMonths ({min}) is above maxMonths ({max})"));
        }
    }

    fn citations(&mut self, sources: &Sources, citations: &[Citation], at: &At) -> Vec<SourceCitation> {
        let mut compiled = Vec::with_capacity(citations.len());
        for (i, citation) in citations.iter().enumerate() {
            let here = item(at, i);
            if let Some(lines) = &citation.lines {
                if !valid_lines(lines) {
                    self.problem(&At::Key(&here, "lines"), "bad-lines", format!("\"{lines}\" is not a line list such as \"120\", \"120-135\" or \"120-135, 210\""));
                }
            }
            if let Some(found) = self.resolve(&sources.ids, &citation.source, &At::Key(&here, "source"), "unknown-source", "source") {
                compiled.push(SourceCitation::new(citation, &sources.docs[found]));
            }
        }
        compiled
    }

    fn allow(&mut self, allow: &Allow, at: &At) {
        for (code, why) in allow.iter() {
            let here = At::Key(at, code);
            if !LINT_CODES.contains(&code.as_str()) {
                self.problem(&here, "unknown-lint", format!("\"{code}\" is not a lint code; the codes are {}", LINT_CODES.join(", ")));
            }
            self.text(why, &here);
        }
    }

    /// Maps each id to its position, reporting duplicates and ids that are not kebab-case.
    fn ids<'a>(&mut self, ids: impl Iterator<Item = &'a str>, at: &At) -> Ids<'a> {
        let mut sorted: Vec<(&str, usize)> = ids.enumerate().map(|(i, id)| (id, i)).collect();
        for (id, i) in &sorted {
            self.id(id, &At::Key(&item(at, *i), "id"));
        }
        crate::sort::by(&mut sorted, |a, b| a.0.cmp(b.0));
        // The sort is stable, so within a run of equal ids the first defined comes first.
        let mut unique: Vec<(&str, usize)> = Vec::with_capacity(sorted.len());
        for (id, i) in sorted {
            match unique.last() {
                Some((last, first)) if *last == id => {
                    let message = format!("\"{id}\" is already the id of {at}[{first}]");
                    self.problem(&At::Key(&item(at, i), "id"), "duplicate-id", message)
                }
                _ => unique.push((id, i)),
            }
        }
        Ids(unique)
    }

    fn id(&mut self, id: &str, at: &At) {
        let kebab = !id.is_empty() && id.split('-').all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
        if !kebab {
            self.problem(at, "bad-id", format!("\"{id}\" is not a kebab-case id (lower-case letters and digits joined by single hyphens)"));
        }
    }

    fn text(&mut self, text: &str, at: &At) {
        if text.trim().is_empty() {
            self.problem(at, "empty-text", "this text is empty");
        }
    }

    fn resolve(&mut self, ids: &Ids, id: &str, at: &At, code: &'static str, what: &str) -> Option<usize> {
        let found = ids.get(id);
        if found.is_none() {
            let hint = closest(ids, id).map(|near| format!(" (did you mean \"{near}\"?)")).unwrap_or_default();
            self.problem(at, code, format!("unknown {what} \"{id}\"{hint}"));
        }
        found
    }

    fn resolve_all(&mut self, ids: &Ids, list: &[String], at: &At, code: &'static str, what: &str) -> Vec<u16> {
        let mut found = Vec::with_capacity(list.len());
        for (i, id) in list.iter().enumerate() {
            if let Some(index) = self.resolve(ids, id, &item(at, i), code, what) {
                found.push(index as u16);
            }
        }
        found
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
    let mut index: Vec<(String, K)> = items.iter().enumerate().filter_map(|(i, item)| K::try_from(i).ok().map(|k| (id(item).clone(), k))).collect();
    crate::sort::by(&mut index, |a, b| a.0.cmp(&b.0));
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
    ids.keys().map(|known| (edit_distance(known, id), known)).filter(|(distance, known)| *distance <= 2.max(known.len() / 5)).min().map(|(_, known)| known)
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
        let ids = Ids(vec![("missing-episode", 0), ("self-harm", 1)]);
        assert_eq!(closest(&ids, "missng-episode"), Some("missing-episode"));
        assert_eq!(closest(&ids, "self-harn"), Some("self-harm"));
        assert_eq!(closest(&ids, "fgm"), None);
    }
}
