//! What the practitioner knows about one child, as the engine receives it.

use crate::date::Date;
use crate::error::{Code, Document, Error};
use crate::json::{named_enum, At, FromDocument, Json, Obj, Reader};
use crate::ruleset::ReferralOutcome;

/// Answers in one case (or one time point of a scenario): as many as a ruleset may have
/// indicators.
pub(crate) const MAX_ANSWERS: usize = 50_000;
/// Dated events in one case.
pub(crate) const MAX_EVENTS: usize = 50_000;

/// What the practitioner knows about one child, on one day: read from JSON with
/// [`crate::from_json`] (or [`FromDocument::from_tree`]), as `docs/ruleset-format.md` describes.
#[derive(Clone, Debug, PartialEq)]
pub struct Case {
    /// The assessment date. Event windows and ages are measured to it; the engine has no clock.
    pub as_of: Date,
    /// The child's age, if known.
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
    /// The age in whole years: the child may be any month of that year.
    pub age_years: Option<u8>,
    /// The age in months.
    pub age_months: Option<u16>,
}

named_enum! {
    /// An answer to an indicator or a context fact.
    pub enum Answer {
        /// Yes: for an indicator (not a circumstance), a worry.
        Yes = "yes",
        /// No.
        No = "no",
        /// Not known: never "no"; a rule that depends on it may be an open question.
        NotKnown = "not-known",
    }
}

/// Something that happened, as the practitioner knows it: on a day (`date`), over a span of days
/// (a missing episode from `date` until the day they came back, `until`), some day in a month
/// (`month`), or a number of times since a day (`times` since `since`).
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// The id of an indicator of kind `event`.
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

/// The practitioner's own view of the level, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Judgement {
    /// A level id from the ruleset.
    pub level: String,
    /// Why they see it so.
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
    r.object(Some(json), at, |r, o| {
        let as_of = r.value(o, "asOf", true).unwrap_or(Date::EPOCH);
        let child = r.field(o, "child", false).map(|json| {
            r.object(Some(json), &At::Key(at, "child"), |r, c| Child {
                date_of_birth: r.value(c, "dateOfBirth", false),
                age_years: r.value(c, "ageYears", false),
                age_months: r.value(c, "ageMonths", false),
            })
        });
        let answers = read_answers(r, o, "answers");
        let events = read_events(r, o, as_of);
        let facts = read_answers(r, o, "facts");
        let referral = r.value(o, "referral", false);
        let judgement = r.field(o, "judgement", false).map(|json| {
            r.object(Some(json), &At::Key(at, "judgement"), |r, j| Judgement {
                level: r.string(j, "level", true).unwrap_or_default().to_string(),
                reason: r.string(j, "reason", true).unwrap_or_default().to_string(),
            })
        });
        Case { as_of, child: child.unwrap_or_default(), answers, events, facts, referral, judgement }
    })
}

/// An event as written: on a day (`date`, and `until` for one that lasted longer), in a
/// `month`, or a number of `times` since a day. Which form it takes is checked once every
/// field is read.
struct EventSrc<'j> {
    /// It was an object; otherwise what it lacks is not worth reporting.
    ok: bool,
    indicator: Option<&'j str>,
    date: Option<&'j Json>,
    until: Option<&'j Json>,
    month: Option<&'j Json>,
    times: Option<&'j Json>,
    since: Option<&'j Json>,
}

fn read_events(r: &mut Reader, o: &Obj, as_of: Date) -> Vec<Event> {
    let events_at = At::Key(o.at, "events");
    let mut events = r.list(o, "events", false);
    if events.len() > MAX_EVENTS {
        r.problem(&events_at, Code::TooLarge, format!("{} events; a case may have at most {MAX_EVENTS} (the limit)", events.len()));
        events = &[];
    }
    let events: Vec<Event> = events
        .iter()
        .enumerate()
        .filter_map(|(i, json)| {
            let here = At::Index(&events_at, i);
            let src = r.object(Some(json), &here, |r, e| EventSrc {
                ok: e.ok,
                indicator: r.string(e, "indicator", true),
                date: e.get("date"),
                until: e.get("until"),
                month: e.get("month"),
                times: e.get("times"),
                since: e.get("since"),
            });
            event(r, &src, &here, as_of)
        })
        .collect();
    let counted: usize = events.iter().map(|event: &Event| usize::from(event.times)).sum();
    if counted > MAX_EVENTS {
        r.problem(&events_at, Code::TooLarge, format!("{counted} events counted; a case may have at most {MAX_EVENTS} (the limit)"));
        return Vec::new();
    }
    events
}

/// The event an [`EventSrc`] describes, if it describes one.
fn event(r: &mut Reader, src: &EventSrc, here: &At, as_of: Date) -> Option<Event> {
    let indicator = src.indicator?.to_string();
    let given = [src.date, src.month, src.since].iter().filter(|given| given.is_some()).count();
    if given != 1 && src.ok {
        r.problem(here, Code::BadEvent, "give one of: date (a day), month (\"2026-10\"), or times and since (\"4 times since 2026-01-01\")");
        return None;
    }
    if src.until.is_some_and(|until| *until != Json::Null) && src.date.is_none() && src.ok {
        // Never dropped silently: a last day belongs to an event that began on a known day.
        r.problem(&At::Key(here, "until"), Code::BadEvent, "until goes with date: a month, or so many times since a day, has no last day");
        return None;
    }
    if src.times.is_some() != src.since.is_some() && src.ok {
        r.problem(here, Code::BadEvent, "times and since go together: how many times, since which day");
        return None;
    }
    if let Some(month) = src.month {
        let at = At::Key(here, "month");
        let month: String = r.parse(month, &at)?;
        let Some(first) = Date::parse(&format!("{month}-01")).filter(|_| month.len() == 7) else {
            r.problem(&at, Code::BadValue, format!("\"{month}\" is not a month such as \"2026-10\""));
            return None;
        };
        return Some(Event { indicator, date: first, until: None, latest: Some(first.end_of_month()), times: 1 });
    }
    if let Some(since) = src.since {
        let since: Date = r.parse(since, &At::Key(here, "since"))?;
        let times: u16 = r.parse(src.times?, &At::Key(here, "times"))?;
        if times == 0 || usize::from(times) > MAX_EVENTS {
            r.problem(&At::Key(here, "times"), Code::BadCount, format!("times must be between 1 and {MAX_EVENTS}"));
            return None;
        }
        return Some(Event { indicator, date: since, until: None, latest: Some(as_of.max(since)), times });
    }
    let date: Option<Date> = src.date.and_then(|date| r.parse(date, &At::Key(here, "date")));
    let until: Option<Date> = src.until.and_then(|until| r.parse(until, &At::Key(here, "until")));
    if let (Some(date), Some(until)) = (date, until) {
        if until < date {
            r.problem(&At::Key(here, "until"), Code::BadDates, format!("the event ends ({until}) before it starts ({date})"));
        }
    }
    Some(Event { indicator, date: date?, until, latest: None, times: 1 })
}

fn read_answers(r: &mut Reader, o: &Obj, key: &'static str) -> Vec<(String, Answer)> {
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
