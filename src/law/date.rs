//! A civil (proleptic Gregorian) date, stored as days since 1970-01-01.
//!
//! Hand-written rather than taken from `time` or `chrono`: the engine needs only parsing, adding days,
//! weekdays and month ends, and each kilobyte of wasm is paid by someone on a metered phone.
//! The conversions are Howard Hinnant's `days_from_civil` / `civil_from_days`.

use core::fmt;
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Date(i32);

/// Monday = 0 … Sunday = 6.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    pub fn index(self) -> usize {
        self as usize
    }
    pub fn is_weekend(self) -> bool {
        matches!(self, Weekday::Sat | Weekday::Sun)
    }
}

pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(y) => 29,
        _ => 28,
    }
}

impl Date {
    /// The years a date may have: wide enough for any stay document, narrow enough that no
    /// arithmetic on it can overflow.
    pub const MIN_YEAR: i32 = 1900;
    pub const MAX_YEAR: i32 = 2200;

    /// The date `days` after 1970-01-01, within the years a date may have.
    pub fn from_days(days: i32) -> Option<Date> {
        let d = Date(days);
        (Self::MIN_YEAR..=Self::MAX_YEAR).contains(&d.ymd().0).then_some(d)
    }

    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Date> {
        if !(Self::MIN_YEAR..=Self::MAX_YEAR).contains(&y) || !(1..=12).contains(&m) {
            return None;
        }
        if d == 0 || d > days_in_month(y, m) {
            return None;
        }
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy as i32;
        Some(Date(era * 146_097 + doe - 719_468))
    }

    /// The day in a language's long form: `pattern` (rules/languages.toml `date`) with `{day}`, `{month}`
    /// (the month's name in that language, from `months`, January first) and `{year}` filled in.
    pub fn in_words(self, pattern: &str, months: &[&str]) -> String {
        let (y, m, d) = self.ymd();
        let month = months.get(m as usize - 1).copied().unwrap_or("");
        pattern.replace("{day}", &format!("{d}")).replace("{month}", month).replace("{year}", &format!("{y}"))
    }

    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        (if m <= 2 { y + 1 } else { y }, m, d)
    }

    pub fn year(self) -> i32 {
        self.ymd().0
    }

    /// Parses `YYYY-MM-DD` exactly; anything else (other separators, impossible days) is `None`.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: core::ops::Range<usize>| -> Option<u32> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        Date::from_ymd(num(0..4)? as i32, num(5..7)?, num(8..10)?)
    }

    pub fn add_days(self, n: i32) -> Date {
        Date(self.0 + n)
    }

    /// Days from `self` to `other` (positive when `other` is later).
    pub fn days_until(self, other: Date) -> i32 {
        other.0 - self.0
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        const DAYS: [Weekday; 7] = [
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
        ];
        DAYS[self.0.rem_euclid(7) as usize]
    }

    /// The same date `years` later; 29 February becomes the last day of February
    /// (Civil Code Art. 174: a term with no such date ends on the last day of that month).
    pub fn add_years(self, years: i32) -> Date {
        let (y, m, d) = self.ymd();
        let y = (y + years).clamp(Self::MIN_YEAR, Self::MAX_YEAR);
        let d = d.min(days_in_month(y, m));
        Date::from_ymd(y, m, d).unwrap_or(self)
    }

    /// The same day `months` later, clipped to the month's last day.
    pub fn add_months(self, months: i32) -> Date {
        let (y, m, d) = self.ymd();
        let total = y * 12 + (m as i32 - 1) + months;
        let (ny, nm) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u32);
        let ny = ny.clamp(Self::MIN_YEAR, Self::MAX_YEAR);
        Date::from_ymd(ny, nm, d.min(days_in_month(ny, nm))).unwrap_or(self)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.collect_str(self)
        } else {
            s.serialize_i32(self.0)
        }
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        if d.is_human_readable() {
            let s = alloc::string::String::deserialize(d)?;
            Date::parse(&s).ok_or_else(|| de::Error::custom(alloc::format!("`{s}` is not a date YYYY-MM-DD")))
        } else {
            Ok(Date(i32::deserialize(d)?))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_day_of_the_rule_range() {
        let mut d = Date::from_ymd(2019, 1, 1).unwrap();
        let end = Date::from_ymd(2028, 12, 31).unwrap();
        while d <= end {
            let (y, m, dd) = d.ymd();
            assert_eq!(Date::from_ymd(y, m, dd), Some(d));
            assert_eq!(Date::parse(&d.to_string()), Some(d));
            d = d.add_days(1);
        }
    }

    #[test]
    fn knows_weekdays_and_leap_years() {
        assert_eq!(Date::parse("2026-11-20").unwrap().weekday(), Weekday::Fri);
        assert_eq!(Date::parse("2024-02-29").unwrap().weekday(), Weekday::Thu);
        assert!(Date::parse("2025-02-29").is_none());
        assert!(Date::parse("2026-13-01").is_none());
        assert!(Date::parse("2026-1-01").is_none());
        assert!(Date::parse("２０２６-01-01").is_none());
    }

    #[test]
    fn years_from_29_february_end_on_the_last_day_of_february() {
        let d = Date::parse("2024-02-29").unwrap();
        assert_eq!(d.add_years(1).to_string(), "2025-02-28");
        assert_eq!(d.add_years(4).to_string(), "2028-02-29");
        assert_eq!(Date::parse("2026-01-31").unwrap().add_months(1).to_string(), "2026-02-28");
    }
}
