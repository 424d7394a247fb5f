//! Working days in Kazakhstan, from the calendar table of the rule set.
//!
//! A day is a working day unless it is a Saturday or Sunday, a public holiday, a day off
//! (7 January, the first day of Kurban Ait), a holiday moved off a weekend, or a day off moved by the
//! year's published transfers — and a weekend day made a working day by a transfer is one.
//! Days whose status rests on an uncertain source are counted as working days: that gives the
//! earlier, safer due date, and the assessment says so.

use super::date::Date;
use super::model::{Calendar, Confidence, Text};
use alloc::{collections::BTreeMap, vec::Vec};

#[derive(Clone, Debug, PartialEq)]
pub enum DayStatus<'a> {
    Working,
    /// A working Saturday or Sunday set by a transfer.
    WorkingWeekend(&'a Text),
    Weekend,
    Holiday(&'a Text),
    /// A holiday that fell on a day off moves to this day.
    MovedHoliday(&'a Text),
    DayOff(&'a Text),
    /// A day off whose date rests on an uncertain source: counted as a working day.
    UncertainDayOff(&'a Text),
}

impl DayStatus<'_> {
    pub fn is_working(&self) -> bool {
        matches!(self, DayStatus::Working | DayStatus::WorkingWeekend(_) | DayStatus::UncertainDayOff(_))
    }
}

/// One year's days that are not plain weekdays.
struct Year<'a> {
    special: BTreeMap<Date, DayStatus<'a>>,
    /// The year's transfers were published (false: generated from the rules alone).
    published: bool,
}

pub struct WorkCalendar<'a> {
    years: BTreeMap<i32, Year<'a>>,
}

impl<'a> WorkCalendar<'a> {
    pub fn new(cal: &'a Calendar) -> WorkCalendar<'a> {
        let mut years = BTreeMap::new();
        for y in cal.years.iter().map(|y| y.year) {
            years.insert(y, build_year(cal, y));
        }
        WorkCalendar { years }
    }

    /// The status of a day; years outside the table are generated from the fixed holidays.
    pub fn status(&self, d: Date) -> DayStatus<'a> {
        if let Some(y) = self.years.get(&d.year()) {
            if let Some(s) = y.special.get(&d) {
                return s.clone();
            }
        }
        if d.weekday().is_weekend() {
            DayStatus::Weekend
        } else {
            DayStatus::Working
        }
    }

    pub fn is_working(&self, d: Date) -> bool {
        self.status(d).is_working()
    }

    /// Whether the table has this year with its published transfers.
    pub fn is_published(&self, year: i32) -> bool {
        self.years.get(&year).map_or(false, |y| y.published)
    }

    pub fn has_year(&self, year: i32) -> bool {
        self.years.contains_key(&year)
    }

    /// The `n`-th working day after `from` (the day of the event is not counted), with the days skipped
    /// on the way that were not working days, for the explanation.
    pub fn working_days_after(&self, from: Date, n: u32) -> (Date, Vec<(Date, DayStatus<'a>)>) {
        let mut d = from;
        let mut counted = 0;
        let mut skipped = Vec::new();
        while counted < n {
            d = d.add_days(1);
            let s = self.status(d);
            if s.is_working() {
                counted += 1;
                if matches!(s, DayStatus::UncertainDayOff(_)) {
                    skipped.push((d, s));
                }
            } else if !matches!(s, DayStatus::Weekend) {
                skipped.push((d, s));
            }
        }
        (d, skipped)
    }
}

fn build_year(cal: &Calendar, year: i32) -> Year<'_> {
    let mut special: BTreeMap<Date, DayStatus<'_>> = BTreeMap::new();
    let table = cal.years.iter().find(|y| y.year == year);
    let mut to_move: Vec<&Text> = Vec::new();
    for h in &cal.holidays {
        let Some(d) = Date::from_ymd(year, h.month, h.day) else { continue };
        if !h.validity.contains(d) {
            continue;
        }
        if d.weekday().is_weekend() && h.transferable {
            to_move.push(&h.name);
        }
        special.insert(d, DayStatus::Holiday(&h.name));
    }
    if let Some(t) = table {
        let k = &t.kurban_ait;
        let status = if k.source.confidence == Confidence::Uncertain {
            DayStatus::UncertainDayOff(&k.name)
        } else {
            DayStatus::DayOff(&k.name)
        };
        special.insert(k.date, status);
        for x in &t.extra_days_off {
            special.insert(x.date, DayStatus::DayOff(&x.name));
        }
        for w in &t.working_weekend_days {
            special.insert(w.date, DayStatus::WorkingWeekend(&w.name));
        }
    }
    // Holidays on a Saturday or Sunday move to the next working day (Law on holidays Art. 5), in date order,
    // so that two weekend holidays (Nauryz on Saturday and Sunday) take two days.
    let mut weekend_holidays: Vec<(Date, &Text)> = special
        .iter()
        .filter_map(|(d, s)| match s {
            DayStatus::Holiday(n) if d.weekday().is_weekend() && to_move.iter().any(|m| core::ptr::eq(*m, *n)) => Some((*d, *n)),
            _ => None,
        })
        .collect();
    weekend_holidays.sort_by_key(|(d, _)| *d);
    for (d, name) in weekend_holidays {
        let mut next = d.add_days(1);
        while next.weekday().is_weekend() || special.get(&next).map_or(false, |s| !s.is_working()) {
            next = next.add_days(1);
        }
        special.insert(next, DayStatus::MovedHoliday(name));
    }
    Year { special, published: table.map_or(false, |t| t.published) }
}
