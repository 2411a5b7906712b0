//! The assessment as plain text: for the terminal, and for pasting into a referral form.

use std::fmt::Write;

use crate::assessment::{Assessment, Hypothesis, JudgementEffect};
use crate::case::Answer;
use crate::program::ContactDetails;
use crate::ruleset::Urgency;
use crate::trace::{AgeSpan, Finding};

/// Renders the guidance, the facts it rests on, and where it came from.
pub fn to_text(a: &Assessment) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_text(&mut out, a);
    out
}

fn write_text(out: &mut String, a: &Assessment) -> std::fmt::Result {
    writeln!(out, "SAFEGUARDING GUIDANCE (assessed {})", a.as_of)?;
    if let Some(profile) = &a.profile {
        writeln!(out, "{}", profile.organisation)?;
    }
    if a.immediate_danger {
        writeln!(out, "\n*** A CHILD IS IN DANGER NOW: CALL 999, THEN TELL CHILDREN'S SOCIAL CARE ***")?;
    }
    writeln!(out, "\nLevel of need: {} — {}", a.level.name, a.level.meaning)?;
    writeln!(out, "{}", a.level.response)?;
    if let Some(j) = &a.judgement {
        let effect = match j.effect {
            JudgementEffect::Raised => "higher than the rules alone, so adopted",
            JudgementEffect::Agrees => "the same as the rules",
            JudgementEffect::Lower => "lower than the rules, which stand: discuss it",
        };
        writeln!(out, "Practitioner's view: {} ({effect}). Reason: {}", j.level.name, j.reason)?;
        if j.effect == JudgementEffect::Raised {
            writeln!(out, "The rules alone give: {}", a.engine_level.name)?;
        }
    }

    if !a.answered.is_empty() || a.child_age.is_some() {
        writeln!(out, "\nWHAT IS KNOWN")?;
        if let Some(age) = a.child_age {
            writeln!(out, "- Age: {}", age_text(age))?;
        }
        for finding in &a.answered {
            writeln!(out, "- {}", fact_text(finding))?;
        }
    }

    if !a.actions.is_empty() {
        writeln!(out, "\nWHAT TO DO")?;
        for action in &a.actions {
            writeln!(out, "- [{}] {} (by {})", urgency_text(action.urgency), action.text, action.due_by)?;
        }
    }
    if !a.referrals.is_empty() {
        writeln!(out, "\nWHO TO TELL")?;
        for r in &a.referrals {
            writeln!(out, "- {} ({}, by {})", r.name, urgency_text(r.urgency), r.due_by)?;
            for contact in &r.contacts {
                writeln!(out, "    {}", contact_text(contact))?;
            }
            writeln!(out, "    Who may refer: {}", r.who_may_submit)?;
            writeln!(out, "    Consent and sharing: {}", r.consent)?;
        }
    }
    if let Some(escalation) = &a.escalation {
        writeln!(out, "\nIF YOU DISAGREE OR NOTHING CHANGES: ESCALATE")?;
        for (i, stage) in escalation.stages.iter().enumerate() {
            let default = if stage.timescale_is_default { " (default; check your local policy)" } else { "" };
            writeln!(out, "{}. {} — {}: {} Timescale: {}{default}.", i + 1, stage.name, stage.who, stage.what, urgency_text(stage.timescale))?;
            if let Some(contact) = stage.contact {
                writeln!(out, "   {}", contact_text(contact))?;
            }
        }
    }
    if !a.questions.is_empty() {
        writeln!(out, "\nFIND OUT")?;
        for q in &a.questions {
            let about: Vec<String> = q.about.iter().map(question_text).collect();
            let mut effects = Vec::new();
            if let Some(level) = q.level {
                effects.push(format!("the level rises to {}", level.name));
            }
            if !q.routes.is_empty() {
                effects.push(format!("{} apply", q.routes.iter().map(|r| r.name).collect::<Vec<_>>().join(", ")))
            }
            if q.escalation {
                effects.push("escalation applies".into());
            }
            let condition = match q.if_answer {
                Some(Hypothesis::Yes) => "if yes".to_string(),
                Some(Hypothesis::No) => "if no".to_string(),
                None => "together".to_string(),
            };
            writeln!(out, "- {}: {condition}, {}", about.join("; "), effects.join(", and "))?;
        }
    }
    if !a.prompts.is_empty() {
        writeln!(out, "\nTHINK ABOUT")?;
        for prompt in &a.prompts {
            writeln!(out, "- {}", prompt.text)?;
        }
    }
    if !a.reasons.is_empty() {
        writeln!(out, "\nWHY")?;
        for reason in &a.reasons {
            writeln!(out, "- {}", reason.reason)?;
            for source in reason.sources {
                let at =
                    source.lines.as_deref().map(|l| format!(", lines {l}")).or_else(|| source.section.as_deref().map(|s| format!(", {s}"))).unwrap_or_default();
                writeln!(out, "    Source: {}{at}", source.title)?;
            }
        }
    }
    if !a.warnings.is_empty() {
        writeln!(out, "\nPLEASE NOTE")?;
        for warning in &a.warnings {
            writeln!(out, "- {}", warning.message)?;
        }
    }
    writeln!(out, "\n{}", a.notice)?;
    writeln!(
        out,
        "Ruleset: {} version {} (review by {}; content {}). Waymark engine {}.",
        a.ruleset.title, a.ruleset.version, a.ruleset.review_date, a.ruleset.hash, a.engine_version
    )
}

fn urgency_text(urgency: Urgency) -> String {
    match urgency {
        Urgency::Now => "now".into(),
        Urgency::Today => "today".into(),
        Urgency::WorkingDays(1) => "within 1 working day".into(),
        Urgency::WorkingDays(n) => format!("within {n} working days"),
    }
}

fn contact_text(c: &ContactDetails) -> String {
    let mut parts = vec![c.name.clone()];
    match (&c.phone, &c.email) {
        (None, None) => parts.push("number not set (your organisation can add it to its local profile)".into()),
        (phone, email) => parts.extend(phone.iter().chain(email).cloned()),
    }
    parts.extend(c.hours.clone());
    parts.extend(c.out_of_hours.as_ref().map(|o| format!("out of hours: {o}")));
    parts.join(" — ")
}

fn age_text(age: AgeSpan) -> String {
    match (age.from, age.to) {
        (from, _) if from < 0 => "unborn".into(),
        (from, to) if from == to && from < 24 => format!("{from} months"),
        (from, to) if from == to => format!("{} years {} months", from / 12, from % 12),
        (from, _) => format!("{} years", from / 12),
    }
}

fn answer_text(answer: Option<Answer>) -> &'static str {
    match answer {
        Some(Answer::Yes) => "yes",
        Some(Answer::No) => "no",
        Some(Answer::NotKnown) => "not known",
        None => "not answered",
    }
}

/// A finding as something the practitioner said.
fn fact_text(finding: &Finding) -> String {
    match finding {
        Finding::Yes { text, answer, .. } | Finding::NotKnown { text, answer, .. } | Finding::Fact { text, answer, .. } => {
            format!("{text}: {}", answer_text(*answer))
        }
        Finding::Events { text, count, dates, .. } => {
            let dates: Vec<String> = dates.iter().map(|d| d.to_string()).collect();
            format!("{text}: {count} recorded ({})", dates.join(", "))
        }
        Finding::Referral { text, .. } => format!("Referral to children's social care: {text}"),
        Finding::Age { age_months, .. } => format!("Age: {}", age_months.map_or("not known".into(), age_text)),
        Finding::Judgement { level, reason, .. } => format!("Practitioner's view: {level} ({reason})"),
    }
}

/// A finding as something to find out.
fn question_text(finding: &Finding) -> String {
    match finding {
        Finding::Yes { text, .. } | Finding::NotKnown { text, .. } | Finding::Fact { text, .. } => format!("whether: {text}"),
        Finding::Events { text, within_days, at_least, count, .. } => {
            format!("whether there have been at least {at_least} of \"{text}\" in the last {within_days} days ({count} recorded)")
        }
        Finding::Referral { text, .. } => format!("whether the referral outcome was: {text}"),
        Finding::Age { min_months, max_months, .. } => {
            let bound = |m: Option<i32>| m.map_or("any age".into(), |m| age_text(AgeSpan { from: m, to: m }));
            format!("the child's age (whether between {} and {})", bound(*min_months), bound(*max_months))
        }
        Finding::Judgement { .. } => "your own view of the level".into(),
    }
}
