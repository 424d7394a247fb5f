//! Routing of the interview: which question comes next, and which answers an earlier change made
//! irrelevant. The order and the conditions are data (`rules/questions.toml`); this is only their reading.

use super::assess::Ctx;
use super::facts::{FactSet, Facts};
use super::model::{Question, RuleSet};
use alloc::{string::String, vec::Vec};

/// The first required question that applies to these facts and has no answer: the contract's `next_question`.
pub fn next_required<'r>(ctx: &Ctx<'r, '_>) -> Option<&'r str> {
    ctx.rules
        .questions
        .iter()
        .find(|q| q.required && ctx.facts.get(&q.fact).is_none() && ctx.holds(&q.when) && ctx.holds(&q.required_when))
        .map(|q| q.fact.as_str())
}

/// The questions that apply to these facts, in interview order.
pub fn applicable<'r>(ctx: &Ctx<'r, '_>) -> Vec<&'r Question> {
    ctx.rules.questions.iter().filter(|q| ctx.holds(&q.when)).collect()
}

/// The next question the wizard asks: the first applicable one neither answered nor answered "I don't know".
pub fn next_to_ask<'r>(ctx: &Ctx<'r, '_>, unknown: &FactSet) -> Option<&'r Question> {
    ctx.rules
        .questions
        .iter()
        .find(|q| ctx.facts.get(&q.fact).is_none() && !unknown.contains(&q.fact) && ctx.holds(&q.when))
}

/// Drops answers to questions that no longer apply (an earlier answer changed), until nothing changes.
/// Returns the facts dropped.
pub fn prune(rules: &RuleSet, facts: &mut Facts, unknown: &mut FactSet, as_of: super::date::Date) -> Vec<String> {
    let mut dropped = Vec::new();
    loop {
        let stale: Vec<String> = {
            let ctx = Ctx { rules, facts, as_of };
            rules
                .questions
                .iter()
                .filter(|q| (facts.get(&q.fact).is_some() || unknown.contains(&q.fact)) && !ctx.holds(&q.when))
                .map(|q| q.fact.clone())
                .collect()
        };
        if stale.is_empty() {
            return dropped;
        }
        for f in stale {
            facts.remove(&f);
            unknown.remove(&f);
            dropped.push(f);
        }
    }
}
