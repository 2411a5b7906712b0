//! What the practitioner knows about one child, as the engine receives it.

use crate::date::Date;
use crate::error::{Code, Document, Error};
use crate::json::{named_enum, At, FromDocument, Json, Reader};
use crate::ruleset::ReferralOutcome;

/// Answers in one case (or one time point of a scenario): as many as a ruleset may have
/// indicators.
pub(crate) const MAX_ANSWERS: usize = 50_000;
/// Dated events in one case.
pub(crate) const MAX_EVENTS: usize = 50_000;

#[derive(Clone, Debug, PartialEq)]
pub struct Case {
    /// The assessment date. Event windows and ages are measured to it; the engine has no clock.
    pub as_of: Date,
    pub child: Child,
    /// Answers by indicator id, in the order given. An indicator left out is not answered,
    /// which is not "no".
    pub answers: Vec<(String, Answer)>,
    /// Dated events, for indicators of kind `event`.
    pub events: Vec<Event>,
    /// Answers about context facts, by fact name (such as `looked-after`).
    pub facts: Vec<(String, Answer)>,
    /// The outcome of the latest referral to children's social care, if known.
    pub referral: Option<ReferralOutcome>,
    /// The practitioner's own view of the level.
    pub judgement: Option<Judgement>,
}

/// Give at most one of these.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Child {
    /// For an unborn baby, the expected date of delivery.
    pub date_of_birth: Option<Date>,
    pub age_years: Option<u8>,
    pub age_months: Option<u16>,
}

named_enum! {
    pub enum Answer {
        Yes = "yes",
        No = "no",
        NotKnown = "not-known",
    }
}

/// Something that happened, as the practitioner knows it: on a day (`date`), over a span of days
/// (a missing episode from `date` until the day they came back, `until`), some day in a month
/// (`month`), or a number of times since a day (`times` since `since`).
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub indicator: String,
    /// The first day it could have happened.
    pub date: Date,
    /// The last day of an event that lasted more than a day. Windows are measured from here: a
    /// child who came back yesterday was missing "in the last week" however long ago they went.
    pub until: Option<Date>,
    /// For a date known only roughly, the last day it could have been: the end of the month, or
    /// the assessment date for "N times since". Counted as late as it could be, so an
    /// approximate event is in a window whenever it could be.
    pub latest: Option<Date>,
    /// How many times (more than one only for "N times since").
    pub times: u16,
}

impl Event {
    /// The last day the event could have ended.
    pub fn end(&self) -> Date {
        self.until.or(self.latest).unwrap_or(self.date)
    }

    /// Whether the date is known only roughly.
    pub fn approximate(&self) -> bool {
        self.latest.is_some()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Judgement {
    /// A level id from the ruleset.
    pub level: String,
    pub reason: String,
}

impl FromDocument for Case {
    const DOCUMENT: Document = Document::Case;

    fn from_tree(json: &Json) -> Result<Case, Error> {
        let mut r = Reader::new(Document::Case);
        let case = read_case(&mut r, json, &At::Root);
        r.finish(case)
    }
}

/// Reads a case, reporting problems to `r`; used for cases alone and inside scenarios.
pub(crate) fn read_case(r: &mut Reader, json: &Json, at: &At) -> Case {
    let o = r.object(json, at, &["asOf", "child", "answers", "events", "facts", "referral", "judgement"]);
    let as_of = r.value(&o, "asOf", true).unwrap_or(Date::EPOCH);
    let child = match r.field(&o, "child", false) {
        Some(json) => {
            let at = At::Key(at, "child");
            let c = r.object(json, &at, &["dateOfBirth", "ageYears", "ageMonths"]);
            Child { date_of_birth: r.value(&c, "dateOfBirth", false), age_years: r.value(&c, "ageYears", false), age_months: r.value(&c, "ageMonths", false) }
        }
        None => Child::default(),
    };
    let answers = read_answers(r, &o, "answers");
    let events_at = At::Key(at, "events");
    let mut events = r.list(&o, "events", false);
    if events.len() > MAX_EVENTS {
        r.problem(&events_at, Code::TooLarge, format!("{} events; a case may have at most {MAX_EVENTS} (the limit)", events.len()));
        events = &[];
    }
    let events: Vec<Event> = events
        .iter()
        .enumerate()
        .filter_map(|(i, json)| {
            let here = At::Index(&events_at, i);
            let e = r.object(json, &here, &["indicator", "date", "until", "month", "times", "since"]);
            let indicator = r.string(&e, "indicator", true)?.to_string();
            let given = ["date", "month", "since"].iter().filter(|key| e.get(key).is_some()).count();
            if given != 1 && e.ok {
                r.problem(&here, Code::BadEvent, "give one of: date (a day), month (\"2026-10\"), or times and since (\"4 times since 2026-01-01\")");
                return None;
            }
            if e.get("times").is_some() != e.get("since").is_some() && e.ok {
                r.problem(&here, Code::BadEvent, "times and since go together: how many times, since which day");
                return None;
            }
            if let Some(month) = r.string(&e, "month", false) {
                let Some(first) = Date::parse(&format!("{month}-01")).filter(|_| month.len() == 7) else {
                    r.problem(&At::Key(&here, "month"), Code::BadValue, format!("\"{month}\" is not a month such as \"2026-10\""));
                    return None;
                };
                return Some(Event { indicator, date: first, until: None, latest: Some(first.end_of_month()), times: 1 });
            }
            if e.get("since").is_some() {
                let since: Date = r.value(&e, "since", true)?;
                let times: u16 = r.value(&e, "times", true)?;
                if times == 0 || usize::from(times) > MAX_EVENTS {
                    r.problem(&At::Key(&here, "times"), Code::BadCount, format!("times must be between 1 and {MAX_EVENTS}"));
                    return None;
                }
                return Some(Event { indicator, date: since, until: None, latest: Some(as_of.max(since)), times });
            }
            let (date, until): (Option<Date>, Option<Date>) = (r.value(&e, "date", true), r.value(&e, "until", false));
            if let (Some(date), Some(until)) = (date, until) {
                if until < date {
                    r.problem(&At::Key(&here, "until"), Code::BadDates, format!("the event ends ({until}) before it starts ({date})"));
                }
            }
            Some(Event { indicator, date: date?, until, latest: None, times: 1 })
        })
        .collect();
    let counted: usize = events.iter().map(|event: &Event| usize::from(event.times)).sum();
    let events = if counted > MAX_EVENTS {
        r.problem(&events_at, Code::TooLarge, format!("{counted} events counted; a case may have at most {MAX_EVENTS} (the limit)"));
        Vec::new()
    } else {
        events
    };
    let facts = read_answers(r, &o, "facts");
    let referral = r.value(&o, "referral", false);
    let judgement = r.field(&o, "judgement", false).map(|json| {
        let at = At::Key(at, "judgement");
        let j = r.object(json, &at, &["level", "reason"]);
        Judgement { level: r.string(&j, "level", true).unwrap_or_default().to_string(), reason: r.string(&j, "reason", true).unwrap_or_default().to_string() }
    });
    Case { as_of, child, answers, events, facts, referral, judgement }
}

fn read_answers(r: &mut Reader, o: &crate::json::Obj, key: &str) -> Vec<(String, Answer)> {
    let at = At::Key(o.at, key);
    let mut out = Vec::new();
    let entries = r.map(o, key);
    if entries.len() > MAX_ANSWERS {
        r.problem(&at, Code::TooLarge, format!("{} answers; a case may have at most {MAX_ANSWERS} (the limit)", entries.len()));
        return out;
    }
    for (id, json) in entries {
        if let Ok(answer) = crate::json::from_name::<Answer>(json, &At::Key(&at, id)).map_err(|m| r.misfit(m)) {
            out.push((id.clone(), answer));
        }
    }
    out
}
