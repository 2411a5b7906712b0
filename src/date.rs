//! Calendar dates. The engine never reads a clock: every date arrives with the case.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::error::Code;
use crate::json::{At, FromJson, Json, Misfit};

/// A proleptic Gregorian date, stored as days since 1970-01-01 so that windows and ages are
/// plain integer arithmetic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i32);

impl Date {
    /// 1970-01-01, the zero of the day count.
    pub const EPOCH: Date = Date(0);

    /// Parses `YYYY-MM-DD`, rejecting impossible days such as 2025-02-29.
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        // `get`, not indexing: slicing a string can panic, and its panic message alone costs
        // the browser build several kilobytes of Unicode tables.
        let number = |range: std::ops::Range<usize>| -> Option<i32> {
            let part = text.get(range)?;
            part.bytes().all(|b| b.is_ascii_digit()).then(|| part.parse().ok())?
        };
        let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
        if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date::from_ymd(year, month, day))
    }

    fn from_ymd(year: i32, month: i32, day: i32) -> Date {
        // Howard Hinnant's days_from_civil.
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (month + 9) % 12;
        let doy = (153 * mp + 2) / 5 + day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Date(era * 146_097 + doe - 719_468)
    }

    /// (year, month, day).
    pub fn ymd(self) -> (i32, i32, i32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i32::from(month <= 2);
        (year, month, day)
    }

    /// Whole days from `earlier` to `self` (negative when `earlier` is later).
    pub fn days_since(self, earlier: Date) -> i32 {
        self.0 - earlier.0
    }

    /// Whole calendar months completed from `birth` to `self`: a child born on 31 January is
    /// not one month old until 1 March in a 28-day February. Negative when `birth` is later.
    pub fn months_since(self, birth: Date) -> i32 {
        let (y1, m1, d1) = birth.ymd();
        let (y2, m2, d2) = self.ymd();
        let months = (y2 - y1) * 12 + (m2 - m1);
        if months > 0 && d2 < d1 {
            months - 1
        } else if months < 0 && d2 > d1 {
            months + 1
        } else {
            months
        }
    }

    /// The last day of this date's month.
    pub fn end_of_month(self) -> Date {
        let (year, month, _) = self.ymd();
        Date::from_ymd(year, month, days_in_month(year, month))
    }

    /// The date `n` calendar days later (earlier when `n` is negative).
    pub fn add_days(self, n: i32) -> Date {
        Date(self.0.saturating_add(n))
    }

    /// Monday is 0, Sunday is 6.
    fn weekday(self) -> i32 {
        (self.0 + 3).rem_euclid(7) // 1970-01-01 was a Thursday
    }

    /// The date `n` working days after `self`, counting Monday to Friday only. Bank holidays
    /// are local and not known here, so the result is never later than the true deadline.
    pub fn add_working_days(self, n: u32) -> Date {
        let mut date = self;
        let mut left = n;
        while left > 0 {
            date = Date(date.0 + 1);
            if date.weekday() < 5 {
                left -= 1;
            }
        }
        date
    }

    /// The date `n` working days before `self`, counting Monday to Friday only.
    pub fn sub_working_days(self, n: u32) -> Date {
        let mut date = self;
        let mut left = n;
        while left > 0 {
            date = Date(date.0 - 1);
            if date.weekday() < 5 {
                left -= 1;
            }
        }
        date
    }
}

fn days_in_month(year: i32, month: i32) -> i32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Every answer carries dates: written here digit by digit rather than through
        // `fmt`, which took a twentieth of the page's call. Years past four digits, as
        // `Display` writes them.
        let (y, m, d) = self.ymd();
        if !(0..=9999).contains(&y) {
            return serializer.collect_str(self);
        }
        let digit = |n: i32, place: i32| b'0' + (n / place % 10) as u8;
        let text = [digit(y, 1000), digit(y, 100), digit(y, 10), digit(y, 1), b'-', digit(m, 10), digit(m, 1), b'-', digit(d, 10), digit(d, 1)];
        serializer.serialize_str(std::str::from_utf8(&text).unwrap_or_default())
    }
}

impl FromJson for Date {
    fn from_json(json: &Json, at: &At) -> Result<Date, Misfit> {
        let text = String::from_json(json, at)?;
        Date::parse(&text).ok_or_else(|| at.misfit(Code::BadValue, format!("\"{text}\" is not a date: expected YYYY-MM-DD")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text).expect(text)
    }

    #[test]
    fn round_trips_through_days() {
        for text in ["1970-01-01", "2000-02-29", "2024-12-31", "1899-03-01", "2026-11-22"] {
            assert_eq!(d(text).to_string(), text);
        }
        assert_eq!(d("1970-01-02").days_since(d("1970-01-01")), 1);
        assert_eq!(d("2025-01-01").days_since(d("2024-01-01")), 366);
    }

    #[test]
    fn serializes_as_it_displays() {
        // Every day from before year 0 to past year 9999, a step at a time.
        let (first, last) = (d("0000-01-01").0 - 400, d("9999-12-31").0 + 400);
        for day in (first..=last).step_by(97).chain([d("0000-01-01").0, d("9999-12-31").0, d("9999-12-31").0 + 1]) {
            let date = Date(day);
            assert_eq!(serde_json::to_string(&date).expect("serializes"), format!("\"{date}\""), "{day}");
        }
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        for text in ["2025-02-29", "2100-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "24-01-01", "2024/01/01", "2024-1-01", "+024-01-01", ""] {
            assert_eq!(Date::parse(text), None, "{text}");
        }
        assert!(Date::parse("2000-02-29").is_some());
    }

    #[test]
    fn months_count_completed_months_only() {
        assert_eq!(d("2024-02-28").months_since(d("2024-01-31")), 0);
        assert_eq!(d("2024-03-01").months_since(d("2024-01-31")), 1);
        assert_eq!(d("2026-11-22").months_since(d("2025-11-22")), 12);
        assert_eq!(d("2026-11-21").months_since(d("2025-11-22")), 11);
        assert_eq!(d("2026-11-22").months_since(d("2026-11-22")), 0);
        assert_eq!(d("2026-11-22").months_since(d("2027-02-10")), -2);
        assert_eq!(d("2026-11-22").months_since(d("2026-12-01")), 0);
    }

    #[test]
    fn working_days_skip_weekends() {
        // 2026-11-20 is a Friday.
        assert_eq!(d("2026-11-20").weekday(), 4);
        assert_eq!(d("2026-11-20").add_working_days(1), d("2026-11-23"));
        assert_eq!(d("2026-11-21").add_working_days(1), d("2026-11-23"));
        assert_eq!(d("2026-11-23").add_working_days(5), d("2026-11-30"));
        assert_eq!(d("2026-11-23").add_working_days(0), d("2026-11-23"));
        assert_eq!(d("2026-11-23").sub_working_days(1), d("2026-11-20"));
        assert_eq!(d("2026-11-22").sub_working_days(1), d("2026-11-20"));
        assert_eq!(d("2026-11-24").sub_working_days(1), d("2026-11-23"));
        assert_eq!(d("2026-11-30").sub_working_days(5), d("2026-11-23"));
    }
}
