//! An iCalendar file (RFC 5545) of the deadlines: one all-day event a deadline, with a reminder two days before.

use crate::law::{
    assess::Assessment,
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

/// The calendar file; `stamp` is the creation day (DTSTAMP), `link` the result page's address.
pub fn calendar(rules: &RuleSet, a: &Assessment, lang: Lang, stamp: Date, link: &str) -> String {
    let mut out = String::new();
    for l in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Qadam//Deadlines//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"] {
        out.push_str(&fold(l));
    }
    out.push_str(&fold(&format!("X-WR-CALNAME:{}", text(copy(rules, "ics_calendar_name", lang)))));
    for d in &a.deadlines {
        out.push_str(&fold("BEGIN:VEVENT"));
        out.push_str(&fold(&format!("UID:{}-{}@qadam", d.rule.id, compact(d.due))));
        out.push_str(&fold(&format!("DTSTAMP:{}T000000Z", compact(stamp))));
        out.push_str(&fold(&format!("DTSTART;VALUE=DATE:{}", compact(d.due))));
        out.push_str(&fold(&format!("DTEND;VALUE=DATE:{}", compact(d.due.add_days(1)))));
        out.push_str(&fold(&format!("SUMMARY:{}", text(d.rule.action.get(lang)))));
        let desc = format!("{} {} {}", d.rule.counting.get(lang), cite(rules, &d.rule.source, lang), link);
        out.push_str(&fold(&format!("DESCRIPTION:{}", text(&desc))));
        out.push_str(&fold("TRANSP:TRANSPARENT"));
        out.push_str(&fold("BEGIN:VALARM"));
        out.push_str(&fold("ACTION:DISPLAY"));
        out.push_str(&fold(&format!("DESCRIPTION:{}", text(copy(rules, "ics_reminder", lang)))));
        out.push_str(&fold("TRIGGER:-P2D"));
        out.push_str(&fold("END:VALARM"));
        out.push_str(&fold("END:VEVENT"));
    }
    out.push_str(&fold("END:VCALENDAR"));
    out
}
