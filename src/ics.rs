//! An iCalendar file (RFC 5545) of the plan's steps still ahead: one all-day event a dated step, with a reminder
//! two days before. A step already overdue has no place in a calendar; the result says what to do about it now.

use crate::law::i18n::CopyId as C;
use crate::law::{
    assess::{Assessment, Status},
    date::Date,
    i18n::{cite, copy, Lang},
    model::RuleSet,
};
use alloc::{format, string::String};

/// Escapes TEXT values (RFC 5545 §3.3.11).
fn text(s: &str) -> String {
    s.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace('\n', "\\n")
}

/// Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut len = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if len + n > 75 {
            out.push_str("\r\n ");
            len = 1;
        }
        out.push(c);
        len += n;
    }
    out.push_str("\r\n");
    out
}

fn compact(d: Date) -> String {
    let (y, m, day) = d.ymd();
    format!("{y:04}{m:02}{day:02}")
}

/// The calendar file; `dtstamp` is when it was made, in UTC (`20261123T004512Z`). It carries no link to the
/// result: the result's address holds the person's answers, and calendar services keep what they are given.
pub fn calendar(rules: &RuleSet, a: &Assessment, lang: Lang, dtstamp: &str) -> String {
    let mut out = String::new();
    for l in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Qadam//Deadlines//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"] {
        out.push_str(&fold(l));
    }
    out.push_str(&fold(&format!("X-WR-CALNAME:{}", text(copy(rules, C::ics_calendar_name, lang)))));
    for (x, due) in a.actions.iter().filter(|x| x.status == Status::Upcoming).filter_map(|x| Some((x, x.due?))) {
        out.push_str(&fold("BEGIN:VEVENT"));
        out.push_str(&fold(&format!("UID:{}-{}@qadam", x.rule.id, compact(due))));
        out.push_str(&fold(&format!("DTSTAMP:{dtstamp}")));
        out.push_str(&fold(&format!("DTSTART;VALUE=DATE:{}", compact(due))));
        out.push_str(&fold(&format!("DTEND;VALUE=DATE:{}", compact(due.add_days(1)))));
        out.push_str(&fold(&format!("SUMMARY:{}", text(x.rule.text.get(lang)))));
        let desc = format!("{} {}", x.rule.missed.get(lang), cite(rules, &x.rule.source, lang));
        out.push_str(&fold(&format!("DESCRIPTION:{}", text(&desc))));
        out.push_str(&fold("TRANSP:TRANSPARENT"));
        out.push_str(&fold("BEGIN:VALARM"));
        out.push_str(&fold("ACTION:DISPLAY"));
        out.push_str(&fold(&format!("DESCRIPTION:{}", text(copy(rules, C::ics_reminder, lang)))));
        out.push_str(&fold("TRIGGER:-P2D"));
        out.push_str(&fold("END:VALARM"));
        out.push_str(&fold("END:VEVENT"));
    }
    out.push_str(&fold("END:VCALENDAR"));
    out
}

/// `2026-11-23T00:45:12.345Z` (an ISO instant) as a DATE-TIME in UTC: `20261123T004512Z`.
pub fn utc_stamp(iso: &str) -> String {
    let digits: String = iso.chars().take(19).filter(|c| c.is_ascii_digit()).collect();
    if digits.len() == 14 {
        format!("{}T{}Z", &digits[..8], &digits[8..])
    } else {
        "19700101T000000Z".into()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::law::{assess::assess, bundled, date::Date, facts::Facts};

    #[test]
    fn one_all_day_event_a_step_still_ahead_with_a_reminder_two_days_before() {
        let rules = bundled();
        let mut f = Facts::new();
        for (k, v) in [("citizenship", "DE"), ("purpose", "visit"), ("entry_date", "2026-11-20"), ("document", "none")] {
            f.set(rules, k, v).unwrap();
        }
        let a = assess(rules, &f, Date::parse("2026-11-22").unwrap());
        let ics = calendar(rules, &a, Lang::Kk, &utc_stamp("2026-11-23T00:45:12.345Z"));
        // Nothing of the answers: no address, no entry date (2026-11-20) in any form.
        assert!(!ics.contains("http") && !ics.contains("?lang") && !ics.contains("citizenship"), "{ics}");
        assert!(!ics.contains("20261120") && !ics.contains("2026-11-20"), "{ics}");
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2, "notify_arrival and leave_or_extend");
        assert!(ics.contains("DTSTART;VALUE=DATE:20261125\r\n"));
        assert!(ics.contains("DTEND;VALUE=DATE:20261126\r\n"));
        assert!(ics.contains("DTSTAMP:20261123T004512Z\r\n"));
        assert_eq!(ics.matches("TRIGGER:-P2D").count(), 2);
        // A step already overdue is not in the calendar.
        let late = assess(rules, &f, Date::parse("2026-11-27").unwrap());
        let ics = calendar(rules, &late, Lang::Kk, "20261127T000000Z");
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
        assert!(ics.contains("DTSTART;VALUE=DATE:20261219\r\n") && !ics.contains("20261125"));
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "line over 75 octets: {line}");
        }
        assert!(!ics.replace("\r\n", "").contains('\n'), "bare LF");
    }
}
