//! The plan at the top of the result: one card a step, most urgent first (contract: `actions`). The engine
//! computes the plan and the sentences (`law::assess::plan`, `law::explain`); this only lays them out.

use super::rules;
use crate::law::i18n::CopyId as C;
use crate::law::{
    assess::{Action, Assessment, Caution},
    explain,
    i18n::{copy, Lang},
};
use yew::prelude::*;

fn t(id: C, lang: Lang) -> &'static str {
    copy(rules(), id, lang)
}

/// The caution that belongs beside a step (the planned departure beside the last lawful day).
fn caution_for<'r>(a: &Assessment<'r>, action: &Action) -> Vec<Caution<'r>> {
    let lawful_end = action.deadline.map_or(false, |d| rules().policy.lawful_end_deadlines.contains(&d.id));
    a.cautions.iter().copied().filter(|c| lawful_end && matches!(c, Caution::PlannedExitAfterLawfulEnd(_))).collect()
}

fn card(a: &Assessment, x: &Action, l: Lang, source: Html) -> Html {
    let r = rules();
    let (when, left) = explain::action_when(r, l, x);
    let status = x.status.id();
    let services: Vec<_> = x.services.iter().filter_map(|id| r.services.iter().find(|s| s.id == *id)).collect();
    html! {
        <li class={ classes!("step", status) } data-action-id={ x.rule.id.clone() } data-status={ status }
            data-due={ x.due.map(|d| d.to_string()) }>
            <p class="when">
                if let Some(d) = x.due { <time datetime={ d.to_string() }>{ when }</time> } else { { when } }
                if let Some(left) = left { { " " }<span class="left">{ left }</span> }
            </p>
            <p class="what">{ x.rule.text.get(l) }</p>
            if let Some(fix) = explain::action_fix(l, x) { <p class="fix"><strong>{ t(C::action_fix, l) }{ ": " }</strong>{ fix }</p> }
            if !services.is_empty() {
                <p>{ t(C::where_to_apply, l) }{ ": " }
                { for services.iter().map(|s| if s.url.is_empty() {
                    html! { <span>{ s.name.get(l) }{ " " }</span> }
                } else {
                    html! { <><a href={ s.url.clone() } rel="noopener noreferrer" target="_blank">{ s.address.clone() }</a>{ " " }</> }
                }) }
                </p>
            }
            if let Some(b) = &x.rule.bring { <p><strong>{ t(C::action_bring, l) }{ ": " }</strong>{ b.get(l) }</p> }
            <p class="missed"><strong>{ t(C::action_missed, l) }{ ": " }</strong>{ x.rule.missed.get(l) }</p>
            { for caution_for(a, x).iter().map(|c| html! {
                <p class="caution" data-caution-id={ c.id() }>{ explain::caution_sentence(r, l, c) }</p>
            }) }
            <p class="cite">{ source }</p>
        </li>
    }
}

/// The plan as cards; `source` renders a step's one source line.
pub fn plan(a: &Assessment, l: Lang, source: impl Fn(&crate::law::model::Source) -> Html) -> Html {
    if a.actions.is_empty() {
        return html! { <p class="notice" id="plan-empty">{ t(C::plan_empty, l) }</p> };
    }
    html! {
        <ol class="plan" id="plan" aria-labelledby="result-title">
            { for a.actions.iter().map(|x| card(a, x, l, source(&x.rule.source))) }
        </ol>
    }
}
