//! The engine: a person's facts and a day in, the assessment of the contract out.
//!
//! Policy lives in the rule files; this module only evaluates their conditions and applies the
//! contract's counting conventions (`../shared/spec/assess.md`, "Counting conventions").

use super::calendar::{DayStatus, WorkCalendar};
use super::date::Date;
use super::facts::Facts;
use super::flow;
use super::model::*;
use alloc::vec::Vec;

/// Everything the rules say about one person on one day.
pub struct Assessment<'r> {
    pub as_of: Date,
    pub complete: bool,
    /// The first required fact still missing.
    pub next_question: Option<&'r str>,
    pub country: Option<&'r Country>,
    pub regime: Option<&'r EntryRegime>,
    pub immigration_type: Option<&'r ImmigrationType>,
    pub immigration_kind: Option<&'r ImmigrationKind>,
    pub deadlines: Vec<Deadline<'r>>,
    pub rights: Vec<&'r Right>,
    pub obligations: Vec<&'r Obligation>,
    pub penalties: Vec<PenaltyDue<'r>>,
    pub cautions: Vec<Caution<'r>>,
    /// The plan: what to do, in the order to do it (contract, `actions`).
    pub actions: Vec<Action<'r>>,
    /// A citizen of Kazakhstan.
    pub citizen: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// The due day has passed: the action says how to put it right now.
    Overdue,
    /// Dated, not passed.
    Upcoming,
    /// A duty without a date.
    Ongoing,
}

impl Status {
    pub fn id(self) -> &'static str {
        match self {
            Status::Overdue => "overdue",
            Status::Upcoming => "upcoming",
            Status::Ongoing => "ongoing",
        }
    }
}

/// One step of the plan.
pub struct Action<'r> {
    pub rule: &'r ActionRule,
    pub status: Status,
    /// The day by which to act; `None` for a standing duty or for what to do now about a passed day.
    pub due: Option<Date>,
    /// Days from `as_of` to `due`: negative when overdue.
    pub days_left: i32,
    /// The deadline the date comes from.
    pub deadline: Option<&'r DeadlineRule>,
    /// Service ids: the action's own, or its deadline's.
    pub services: &'r [String],
}

/// A deadline as a real date.
pub struct Deadline<'r> {
    pub rule: &'r DeadlineRule,
    /// The last day (inclusive) on which the action is still on time.
    pub due: Date,
    /// Days from `as_of` to `due`: negative when overdue.
    pub days_left: i32,
    /// Holidays and days off skipped while counting working days.
    pub skipped: Vec<(Date, DayStatus<'r>)>,
}

impl Deadline<'_> {
    pub fn overdue(&self) -> bool {
        self.days_left < 0
    }
}

pub struct PenaltyDue<'r> {
    pub penalty: &'r Penalty,
    pub mrp_year: i32,
    pub tenge: u64,
    /// The tier that applies on the assessment day to a deadline already overdue (contract: `"applies": true`).
    pub applies: bool,
}

/// A plain warning shown with the result.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Caution<'r> {
    /// A rule rests on an uncertain source.
    Uncertain(&'r Source),
    /// A working-day count crosses a year whose transfers of days off are not published yet.
    CalendarNotPublished(i32),
    /// A day off with an uncertain date was counted as a working day (the earlier date).
    UncertainDayOff(Date),
    /// The purpose maps to a type the person does not qualify for.
    Ineligible(&'r ImmigrationType),
    /// A visa-free stay was asked for a citizenship that needs a visa.
    VisaRequired(&'r Country),
    /// The MRP of the assessment year is not in the rule set; the latest known one is used.
    MrpYearMissing(i32),
    /// The person plans to leave this many days after the last lawful day of the stay.
    PlannedExitAfterLawfulEnd(i32),
    /// The person is not sure which document they hold: the visa-free limits were applied.
    DocumentUnknown,
}

impl Caution<'_> {
    /// The contract's id of the caution.
    pub fn id(&self) -> &'static str {
        match self {
            Caution::Uncertain(_) => "uncertain_source",
            Caution::CalendarNotPublished(_) => "calendar_not_published",
            Caution::UncertainDayOff(_) => "uncertain_day_off",
            Caution::Ineligible(_) => "not_eligible_for_type",
            Caution::VisaRequired(_) => "visa_required",
            Caution::MrpYearMissing(_) => "mrp_year_missing",
            Caution::PlannedExitAfterLawfulEnd(_) => "planned_exit_after_lawful_end",
            Caution::DocumentUnknown => "document_unknown",
        }
    }
}

/// Evaluates rule conditions against one person's facts.
pub struct Ctx<'r, 'f> {
    pub rules: &'r RuleSet,
    pub facts: &'f Facts,
    pub as_of: Date,
}

impl<'r> Ctx<'r, '_> {
    /// The day that decides which version of a rule applies: the event's day, else the assessment day.
    fn event_day(&self) -> Date {
        self.facts.date("entry_date").unwrap_or(self.as_of)
    }

    /// A named condition of the rule set; an unknown name holds for no one (`qadam check` reports it).
    pub fn is(&self, name: &str) -> bool {
        self.rules.conditions.iter().find(|c| c.name == name).map_or(false, |c| self.holds(&c.when))
    }

    /// A citizen of Kazakhstan, as the rule set's `is_citizen` condition says.
    pub fn is_citizen(&self) -> bool {
        self.is("is_citizen")
    }

    pub fn country(&self) -> Option<&'r Country> {
        let code = self.facts.code("citizenship")?;
        self.rules.countries.iter().find(|c| c.code == code)
    }

    /// The entry regime of the person's citizenship in force on the day of entry.
    pub fn regime(&self) -> Option<&'r EntryRegime> {
        let id = match self.facts.code("citizenship")? {
            "stateless" => self.rules.policy.stateless_regime.as_str(),
            _ => self.country()?.regime.as_str(),
        };
        let day = self.event_day();
        self.rules.entry_regimes.iter().find(|r| r.id == id && r.validity.contains(day))
    }

    pub fn holds(&self, cond: &Cond) -> bool {
        match cond {
            Cond::Always => true,
            Cond::All(cs) => cs.iter().all(|c| self.holds(c)),
            Cond::Any(cs) => cs.iter().any(|c| self.holds(c)),
            Cond::Not(c) => !self.holds(c),
            Cond::FactIn(f) => self.facts.get(&f.fact).map_or(false, |v| {
                let q = v.to_query();
                f.values.iter().any(|x| *x == q)
            }),
            Cond::Known(k) => self.facts.get(k).is_some(),
            Cond::RegimeIn(ids) => self.regime().map_or(false, |r| ids.iter().any(|i| *i == r.id)),
            Cond::MayStayOver(days) => self.may_stay_over(*days),
            Cond::FactBefore(f) => self.facts.date(&f.fact).map_or(false, |d| d < f.date),
            Cond::WithinYears(f) => self.facts.date(&f.fact).map_or(false, |d| self.as_of < d.add_years(f.years as i32)),
            Cond::Is(name) => self.is(name),
            Cond::StaysAtLeastMonths(m) => match (self.facts.date("entry_date"), self.facts.date("planned_exit")) {
                (Some(e), Some(x)) => x >= e.add_months(*m as i32),
                _ => true,
            },
        }
    }

    /// Whether this trip may last more than `days` days counting the entry day: the safer "yes" whenever
    /// the planned exit or the document's end is not known.
    fn may_stay_over(&self, days: u32) -> bool {
        if self.is_citizen() {
            return false;
        }
        let entry = self.facts.date("entry_date");
        let last_day_within = entry.map(|e| e.add_days(days as i32 - 1));
        if let (Some(limit), Some(exit)) = (last_day_within, self.facts.date("planned_exit")) {
            if exit <= limit {
                return false;
            }
        }
        if self.facts.get("document").is_none() || self.is("visa_free_document") {
            return self.regime().map_or(true, |r| !r.visa_free || r.days_per_entry == 0 || r.days_per_entry > days);
        }
        match (last_day_within, self.facts.date("document_valid_until")) {
            (Some(limit), Some(until)) => until > limit,
            _ => true,
        }
    }
}

/// Assesses `facts` as of `as_of` with the rules in force on the days that matter.
pub fn assess<'r>(rules: &'r RuleSet, facts: &Facts, as_of: Date) -> Assessment<'r> {
    let ctx = Ctx { rules, facts, as_of };
    let calendar = WorkCalendar::new(&rules.calendar);
    let mut cautions: Vec<Caution<'r>> = Vec::new();

    let next_question = flow::next_required(&ctx);
    let country = ctx.country();
    let regime = ctx.regime();

    let citizen = ctx.is_citizen();
    let (immigration_type, immigration_kind) = if citizen {
        (None, None)
    } else {
        let purpose = facts.code("purpose");
        match rules.immigration_types.iter().find(|t| purpose.map_or(false, |p| t.purposes.iter().any(|x| x == p))) {
            Some(t) if ctx.holds(&t.when) => (Some(t), t.kinds.iter().find(|k| ctx.holds(&k.when))),
            Some(t) => {
                cautions.push(Caution::Ineligible(t));
                (None, None)
            }
            None => (None, None),
        }
    };
    for src in immigration_type.iter().flat_map(|t| t.sources.iter()).chain(immigration_kind.map(|k| &k.source)) {
        note_source(&mut cautions, src);
    }

    let mut deadlines: Vec<Deadline<'r>> = Vec::new();
    for rule in &rules.deadlines {
        if deadlines.iter().any(|d| d.rule.id == rule.id) || !ctx.holds(&rule.when) {
            continue;
        }
        let Some(event) = rule.count.event_fact().and_then(|f| facts.date(f)) else { continue };
        if !rule.validity.contains(event) {
            continue;
        }
        let mut skipped = Vec::new();
        let due = match &rule.count {
            Count::WorkingDaysAfter { days, .. } => {
                let (due, s) = calendar.working_days_after(event, *days);
                for y in event.year()..=due.year() {
                    if !calendar.is_published(y) && !cautions.contains(&Caution::CalendarNotPublished(y)) {
                        cautions.push(Caution::CalendarNotPublished(y));
                    }
                }
                for (d, st) in &s {
                    if matches!(st, DayStatus::UncertainDayOff(_)) {
                        cautions.push(Caution::UncertainDayOff(*d));
                    }
                }
                skipped = s;
                due
            }
            Count::CalendarDaysAfter { days, .. } => event.add_days(*days as i32),
            Count::MonthsAfter { months, .. } => event.add_months(*months as i32),
            Count::YearsAfterLastDay { years, .. } => event.add_years(*years as i32).add_days(-1),
            Count::OnFact { .. } => event,
            Count::VisaFreeStay => match regime {
                Some(r) if r.visa_free => visa_free_stay_end(r, event, facts, rules.policy.default_stay_days),
                Some(_) => {
                    if let Some(c) = country {
                        cautions.push(Caution::VisaRequired(c));
                    }
                    continue;
                }
                None => continue,
            },
        };
        note_source(&mut cautions, &rule.source);
        // Kept in date order as they come (a handful; a sort would cost more download than it saves).
        let at = deadlines.iter().position(|d| d.due > due).unwrap_or(deadlines.len());
        deadlines.insert(at, Deadline { rule, due, days_left: as_of.days_until(due), skipped });
    }

    let rights: Vec<&Right> = rules.rights.iter().filter(|r| r.validity.contains(as_of) && ctx.holds(&r.when)).collect();
    let obligations: Vec<&Obligation> =
        rules.obligations.iter().filter(|o| o.validity.contains(as_of) && ctx.holds(&o.when)).collect();
    for s in rights.iter().map(|r| &r.source).chain(obligations.iter().map(|o| &o.source)) {
        note_source(&mut cautions, s);
    }

    let (mrp_year, mrp) = mrp_for(rules, as_of.year());
    if mrp_year != as_of.year() {
        cautions.push(Caution::MrpYearMissing(as_of.year()));
    }
    // The last lawful day of the stay: the earliest of the deadlines that end it.
    let lawful_end = deadlines.iter().find(|d| rules.policy.lawful_end_deadlines.iter().any(|id| *id == d.rule.id));
    if let (Some(end), Some(exit)) = (lawful_end, facts.date("planned_exit")) {
        if exit > end.due {
            cautions.push(Caution::PlannedExitAfterLawfulEnd(end.due.days_until(exit)));
        }
    }
    if facts.code("document") == Some("unknown") {
        cautions.push(Caution::DocumentUnknown);
    }
    let actions = plan(&ctx, &deadlines, lawful_end);

    let mut penalties: Vec<PenaltyDue<'r>> = Vec::new();
    let sources = deadlines
        .iter()
        .map(|d| (d.rule.penalties.as_slice(), Some(d.days_left)))
        .chain(actions.iter().map(|a| (a.rule.penalties.as_slice(), a.due.map(|_| a.days_left))));
    for (ids, days_left) in sources {
        for id in ids {
            let Some(p) = rules.penalties.iter().find(|p| p.id == *id && p.validity.contains(as_of)) else { continue };
            let overdue = days_left.map_or(0, |d| -d);
            let applies = p.overdue_from > 0 && overdue >= p.overdue_from as i32 && (p.overdue_to == 0 || overdue <= p.overdue_to as i32);
            if let Some(known) = penalties.iter_mut().find(|x| x.penalty.id == *id) {
                known.applies |= applies;
                continue;
            }
            note_source(&mut cautions, &p.source);
            penalties.push(PenaltyDue { penalty: p, mrp_year, tenge: p.mrp as u64 * mrp as u64, applies });
        }
    }
    for a in &actions {
        note_source(&mut cautions, &a.rule.source);
    }

    Assessment {
        as_of,
        complete: next_question.is_none(),
        next_question,
        country,
        regime,
        immigration_type,
        immigration_kind,
        deadlines,
        rights,
        obligations,
        penalties,
        cautions,
        actions,
        citizen,
    }
}

/// The plan: each action rule whose id is not yet taken and whose condition holds, dated from its deadline,
/// in the contract's order: overdue (what to do now about a passed day first, then by date), upcoming by date,
/// then ongoing duties in the rule files' order.
fn plan<'r>(ctx: &Ctx<'r, '_>, deadlines: &[Deadline<'r>], lawful_end: Option<&Deadline<'r>>) -> Vec<Action<'r>> {
    let mut actions: Vec<Action<'r>> = Vec::new();
    for rule in &ctx.rules.actions {
        if actions.iter().any(|a| a.rule.id == rule.id) || !ctx.holds(&rule.when) {
            continue;
        }
        let deadline = match &rule.due {
            ActionDue::Deadline(id) => deadlines.iter().find(|d| d.rule.id == *id),
            ActionDue::LawfulEnd => lawful_end,
            ActionDue::Undated => None,
        };
        let passed = deadline.map(|d| d.due < ctx.as_of);
        let (status, due) = match (rule.timing, deadline, passed) {
            (Timing::Ongoing, ..) | (Timing::DatedOrOngoing, None, _) => (Status::Ongoing, None),
            (Timing::Dated | Timing::DatedOrOngoing, Some(d), Some(true)) => (Status::Overdue, Some(d.due)),
            (Timing::Dated | Timing::DatedOrOngoing | Timing::Ahead, Some(d), Some(false)) => (Status::Upcoming, Some(d.due)),
            (Timing::Passed, Some(_), Some(true)) => (Status::Overdue, None),
            _ => continue,
        };
        let services = if rule.services.is_empty() { deadline.map_or(&[][..], |d| d.rule.services.as_slice()) } else { rule.services.as_slice() };
        let a = Action {
            rule,
            status,
            due,
            days_left: due.map_or(0, |d| ctx.as_of.days_until(d)),
            deadline: deadline.map(|d| d.rule),
            services,
        };
        // Kept in order as they come (a handful; see the deadlines above).
        // `None` sorts first: among overdue steps, what to do now about a passed day comes before the rest.
        let key = |a: &Action| (a.status as u8, a.due);
        let k = key(&a);
        let at = actions.iter().position(|b| key(b) > k).unwrap_or(actions.len());
        actions.insert(at, a);
    }
    actions
}

fn note_source<'r>(cautions: &mut Vec<Caution<'r>>, s: &'r Source) {
    if s.confidence == Confidence::Uncertain && !cautions.contains(&Caution::Uncertain(s)) {
        cautions.push(Caution::Uncertain(s));
    }
}

/// The MRP of `year`, or of the latest earlier year in the table.
pub fn mrp_for(rules: &RuleSet, year: i32) -> (i32, u32) {
    rules
        .mrp
        .iter()
        .filter(|m| m.year <= year)
        .max_by_key(|m| m.year)
        .or_else(|| rules.mrp.iter().min_by_key(|m| m.year))
        .map_or((year, 0), |m| (m.year, m.tenge))
}

/// The last lawful day of a visa-free stay that began on `entry` (convention 3 of the contract):
/// both the entry and the exit day are days of stay; the per-entry limit ends on entry + N − 1; under the
/// cumulative rule it is the last day D such that on every day of the stay up to D the days of stay in the
/// window ending that day do not exceed the limit, counting earlier stays.
pub fn visa_free_stay_end(r: &EntryRegime, entry: Date, facts: &Facts, default_stay_days: u32) -> Date {
    let per_entry = (r.days_per_entry > 0).then(|| entry.add_days(r.days_per_entry as i32 - 1));
    if r.days_in_window == 0 || r.window_days == 0 {
        // A regime with no limit at all still gets the general limit (policy), the safer reading.
        return per_entry.unwrap_or(entry.add_days(default_stay_days as i32 - 1));
    }
    let window = r.window_days as i32;
    let stays = facts.stays();
    let days_in_window = |t: Date| -> i32 {
        let start = t.add_days(-(window - 1));
        let overlap = |a: Date, b: Date| -> i32 {
            let (lo, hi) = (a.max(start), b.min(t));
            if hi < lo {
                0
            } else {
                lo.days_until(hi) + 1
            }
        };
        stays.iter().map(|s| overlap(s.entry, s.exit)).sum::<i32>() + overlap(entry, t)
    };
    let horizon = per_entry.unwrap_or(entry.add_days(window));
    let mut last_ok = entry.add_days(-1);
    let mut t = entry;
    while t <= horizon {
        if days_in_window(t) > r.days_in_window as i32 {
            break;
        }
        last_ok = t;
        t = t.add_days(1);
    }
    last_ok
}
