//! Working days in Kazakhstan, from the calendar table of the rule set.
//!
//! A day is a working day unless it is a Saturday or Sunday, a public holiday, a day off
//! (7 January, the first day of Kurban Ait), a holiday moved off a weekend, or a day off moved by the
//! year's published transfers — and a weekend day made a working day by a transfer is one.
//! Days whose status rests on an uncertain source are counted as working days: that gives the
//! earlier, safer due date, and the assessment says so.

use super::date::Date;
use super::model::{Calendar, Confidence, Text};
use alloc::vec::Vec;

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

/// One year's days that are not plain weekdays (a few dozen: a list is smaller to ship than a map).
struct Year<'a> {
    year: i32,
    special: Vec<(Date, DayStatus<'a>)>,
    /// The year's transfers were published (false: generated from the rules alone).
    published: bool,
}

pub struct WorkCalendar<'a> {
    cal: &'a Calendar,
    years: Vec<Year<'a>>,
}

impl<'a> WorkCalendar<'a> {
    pub fn new(cal: &'a Calendar) -> WorkCalendar<'a> {
        WorkCalendar { cal, years: cal.years.iter().map(|y| build_year(cal, y.year)).collect() }
    }

    /// The status of a day; years outside the table are generated from the fixed holidays.
    pub fn status(&self, d: Date) -> DayStatus<'a> {
        let found = match self.year(d.year()) {
            Some(y) => special(&y.special, d).cloned(),
            // Fixed holidays are law in every year; only Kurban Ait and the transfers are unknown there.
            None => special(&build_year(self.cal, d.year()).special, d).cloned(),
        };
        if let Some(s) = found {
            return s;
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
        self.year(year).map_or(false, |y| y.published)
    }

    fn year(&self, year: i32) -> Option<&Year<'a>> {
        self.years.iter().find(|y| y.year == year)
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

fn special<'s, 'a>(days: &'s [(Date, DayStatus<'a>)], d: Date) -> Option<&'s DayStatus<'a>> {
    days.iter().find(|(x, _)| *x == d).map(|(_, s)| s)
}

/// Sets a day's status, replacing an earlier one (a later rule of the year wins: a transfer over a holiday).
fn set<'a>(days: &mut Vec<(Date, DayStatus<'a>)>, d: Date, s: DayStatus<'a>) {
    match days.iter_mut().find(|(x, _)| *x == d) {
        Some(slot) => slot.1 = s,
        None => days.push((d, s)),
    }
}

fn build_year(cal: &Calendar, year: i32) -> Year<'_> {
    let mut days: Vec<(Date, DayStatus<'_>)> = Vec::new();
    let table = cal.years.iter().find(|y| y.year == year);
    // Fixed holidays in force this year; those on a Saturday or Sunday move (below), in the rule file's order,
    // which `qadam check` keeps chronological, so that two weekend holidays (Nauryz) take two days.
    let mut to_move: Vec<(Date, &Text)> = Vec::new();
    for h in &cal.holidays {
        let Some(d) = Date::from_ymd(year, h.month, h.day) else { continue };
        if !h.validity.contains(d) {
            continue;
        }
        if d.weekday().is_weekend() && h.transferable {
            to_move.push((d, &h.name));
        }
        set(&mut days, d, DayStatus::Holiday(&h.name));
    }
    if let Some(t) = table {
        let k = &t.kurban_ait;
        let status = if k.source.confidence == Confidence::Uncertain {
            DayStatus::UncertainDayOff(&k.name)
        } else {
            DayStatus::DayOff(&k.name)
        };
        // On a Saturday or Sunday it changes nothing: it does not move (Labour Code Art. 84 p. 5).
        if !k.date.weekday().is_weekend() {
            set(&mut days, k.date, status);
        }
        for x in &t.extra_days_off {
            set(&mut days, x.date, DayStatus::DayOff(&x.name));
        }
        for w in &t.working_weekend_days {
            set(&mut days, w.date, DayStatus::WorkingWeekend(&w.name));
        }
    }
    // Holidays on a Saturday or Sunday move to the next working day (Law on holidays Art. 5).
    for (d, name) in to_move {
        let mut next = d.add_days(1);
        while next.weekday().is_weekend() || special(&days, next).map_or(false, |s| !s.is_working()) {
            next = next.add_days(1);
        }
        set(&mut days, next, DayStatus::MovedHoliday(name));
    }
    Year { year, special: days, published: table.map_or(false, |t| t.published) }
}
