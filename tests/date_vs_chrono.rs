//! The engine's hand-written dates (`src/law/date.rs`, kept to save download) against `chrono` over every day
//! from 1900 to 2199: parsing, ordinal days, weekdays, adding days, months (clipped to the month's end) and years
//! (29 February → 28 February, Civil Code Art. 174). Results past `Date::MAX_YEAR` (2200) are outside the engine.

use chrono::{Datelike, Months, NaiveDate};
use qadam::law::date::Date;

fn ours(d: NaiveDate) -> Date {
    Date::from_ymd(d.year(), d.month(), d.day()).expect("a real day")
}

#[test]
fn every_day_from_1900_to_2199_agrees_with_chrono() {
    let first = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
    let last = NaiveDate::from_ymd_opt(2199, 12, 31).unwrap();
    let mut d = first;
    let base = ours(first);
    let mut n = 0;
    while d <= last {
        let o = ours(d);
        assert_eq!(o.to_string(), d.format("%Y-%m-%d").to_string());
        assert_eq!(Date::parse(&d.format("%Y-%m-%d").to_string()), Some(o));
        assert_eq!(o.ymd(), (d.year(), d.month(), d.day()));
        assert_eq!(base.add_days(n), o, "{d}");
        assert_eq!(base.days_until(o), n);
        assert_eq!(o.weekday().index() as u32, d.weekday().num_days_from_monday(), "weekday of {d}");
        for m in [1, 2, 6, 12, 24] {
            let want = d.checked_add_months(Months::new(m)).unwrap();
            if want.year() > Date::MAX_YEAR {
                continue;
            }
            assert_eq!(o.add_months(m as i32), ours(want), "{d} + {m} months");
        }
        let year_later = NaiveDate::from_ymd_opt(d.year() + 1, d.month(), d.day())
            .unwrap_or_else(|| NaiveDate::from_ymd_opt(d.year() + 1, d.month(), 28).unwrap());
        assert_eq!(o.add_years(1), ours(year_later), "{d} + 1 year");
        d = d.succ_opt().unwrap();
        n += 1;
    }
    assert_eq!(n, 109_573, "300 years with 73 leap days");
}

#[test]
fn impossible_dates_are_refused_as_chrono_refuses_them() {
    for y in [1900, 2000, 2023, 2024, 2100] {
        for m in 1..=13u32 {
            for day in 0..=32u32 {
                let s = format!("{y:04}-{m:02}-{day:02}");
                assert_eq!(Date::parse(&s).is_some(), NaiveDate::parse_from_str(&s, "%Y-%m-%d").is_ok(), "{s}");
            }
        }
    }
}
