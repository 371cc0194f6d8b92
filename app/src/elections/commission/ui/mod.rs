//! The electoral commission's pages: the organization's elections, and one election's
//! calendar (move to the next phase, deadlines) and candidacies (review, appeals).
//!
//! Server HTML with plain forms: every button posts and comes back to the page. A refusal
//! of a form that belongs to one candidacy or station comes back with `?item=` naming it
//! (`candidacy-<id>`, `conflict-<id>`, `station-<id>`) and shows there; the others (the
//! phase, the deadlines) show at the top or under their own field.

mod candidacies;
mod deadlines;
pub(crate) mod form_parts;
mod new_election;

pub use new_election::NewElectionPage;

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::elections::assignment::ui::StationStaff;
use crate::elections::calendar::rules::Phase;
use crate::elections::commission::api::{
    CommissionPage, MoveElectionPhase, list_elections, load_commission,
};
use crate::elections::ui::labels;
use crate::elections::ui::{election_path, route_keys};
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;
use crate::ui::kit::{ConfirmForm, FormError, Loaded, query_errors};

use candidacies::CandidacyItem;
use deadlines::DeadlineForm;
use form_parts::errors_of;

#[component]
pub fn ElectionsStaffPage() -> impl IntoView {
    let i18n = use_i18n();
    let org = use_params_map().with_untracked(|p| p.get("org").unwrap_or_default());
    let locale = i18n.get_locale_untracked();
    let new_href = localized_path(locale, &format!("/staff/{org}/elections/new"));
    let list = Resource::new(
        {
            let org = org.clone();
            move || org.clone()
        },
        list_elections,
    );
    view! {
        <Title text=t_string!(i18n, elections.commission_title).to_string() />
        <h1>{t!(i18n, elections.commission_title)}</h1>
        <p><a class="button primary" href=new_href>{t!(i18n, elections.configure_link)}</a></p>
        <Loaded resource=list show=move |loaded| match loaded {
                items if items.is_empty() => view! { <p>{t!(i18n, elections.commission_no_elections)}</p> }.into_any(),
                items => view! {
                    <ul class="cards">
                        {items.into_iter().map(|e| {
                            let href = localized_path(locale, &format!("/staff/{org}/elections/{}", e.slug));
                            view! {
                                <li class="card">
                                    <a href=href>{e.title.clone()}</a>
                                    <p>{labels::phase(i18n, e.phase)}</p>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            } />
    }
}

#[component]
pub fn CommissionElectionPage() -> impl IntoView {
    let i18n = use_i18n();
    let keys = route_keys();
    // The form the last refusal concerns, if it was one candidacy's or one station's.
    let item = use_query_map().with_untracked(|q| q.get_str("item").map(str::to_owned));
    let errors = query_errors();
    let data = Resource::new(
        move || (keys(), i18n.get_locale().as_str().to_owned()),
        |((org, election), locale)| load_commission(org, election, locale),
    );
    view! {
        <Loaded resource=data show=move |page| view! { <Commission page keys=keys() item=item.clone() errors /> } />
    }
}

#[component]
fn Commission(
    page: CommissionPage,
    keys: (String, String),
    item: Option<String>,
    errors: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (org, election) = keys.clone();
    let public = election_path(&org, &election, "");
    // The phase and deadline forms come back to the page as it was (no item).
    let page_errors = if item.is_none() {
        errors
    } else {
        RwSignal::new(None)
    };
    let phase = page.phase;
    let reviewing = matches!(phase, Phase::Review | Phase::Appeals);
    let audit = localized_path(
        i18n.get_locale_untracked(),
        &format!("/staff/{org}/audit?election={election}"),
    );
    view! {
        <Title text=page.title.clone() />
        <p class="eyebrow"><a href=public>{page.title.clone()}</a></p>
        <h1>{t!(i18n, elections.commission_title)}</h1>
        <p class="lead">{t!(i18n, elections.election_phase_now)} " " <strong class="phase-now">{labels::phase(i18n, phase)}</strong></p>
        <FormError errors=page_errors />
        {page.next.map(|to| view! {
            <div class="phase-move">
                <ConfirmForm action=MoveElectionPhase::PATH
                    label=t_string!(i18n, elections.commission_move_to, phase = labels::phase(i18n, to)).to_string()
                    question=t_string!(i18n, elections.commission_move_confirm, phase = labels::phase(i18n, to)).to_string()
                    yes=t_string!(i18n, elections.commission_move_yes).to_string()>
                    <input type="hidden" name="organization" value=org.clone() />
                    <input type="hidden" name="election" value=election.clone() />
                    <input type="hidden" name="to" value=to.code() />
                </ConfirmForm>
            </div>
        })}
        <DeadlineForm phase deadlines=page.deadlines.clone() keys=keys.clone() errors=page_errors />
        <p class="audit-link">
            <a href=audit>{t!(i18n, elections.commission_audit_link)}</a>
        </p>
        // Erased: the page's view type otherwise outgrows the compiler's query depth.
        {view! { <StationStaff page=page.station_staff.clone() keys=keys.clone() item=item.clone() errors /> }.into_any()}
        <h2>{t_string!(i18n, elections.commission_candidacies, count = page.candidacies.len()).to_string()}</h2>
        {page.candidacies.is_empty().then(|| view! { <p>{t!(i18n, elections.commission_no_candidacies)}</p> })}
        <ul class="plain queue">
            {page.candidacies.into_iter().map(|c| {
                let decision = errors_of(errors, item.as_deref(), &format!("candidacy-{}", c.id));
                let conflict = errors_of(errors, item.as_deref(), &format!("conflict-{}", c.id));
                view! {
                    <CandidacyItem candidacy=c phase reviewing keys=keys.clone() errors=decision conflict_errors=conflict />
                }
            }).collect_view()}
        </ul>
    }
}
