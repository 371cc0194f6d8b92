//! The electoral commission's pages: the organization's elections, and one election's
//! calendar (move to the next phase, deadlines) and candidacies (review, appeals).

mod candidacies;
mod deadlines;
mod new_election;

pub use new_election::NewElectionPage;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::elections::assignment::ui::StationStaff;
use crate::elections::calendar::rules::Phase;
use crate::elections::commission::api::{
    CommissionPage, list_elections, load_commission, move_election_phase,
};
use crate::elections::ui::labels;
use crate::elections::ui::{election_path, route_keys};
use crate::error::{AppError, ErrorMessage};
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;
use crate::ui::kit::{ConfirmButton, Loaded};

use candidacies::CandidacyItem;
use deadlines::DeadlineForm;

#[component]
pub fn ElectionsStaffPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let org = move || params.with(|p| p.get("org").unwrap_or_default());
    let list = Resource::new(org, list_elections);
    view! {
        <Title text=move || t_string!(i18n, elections.commission_title).to_string() />
        <h1>{t!(i18n, elections.commission_title)}</h1>
        <p><a class="button primary" href=move || localized_path(i18n.get_locale(), &format!("/staff/{}/elections/new", org()))>{t!(i18n, elections.configure_link)}</a></p>
        <Loaded resource=list show=move |loaded| match loaded {
                items if items.is_empty() => view! { <p>{t!(i18n, elections.commission_no_elections)}</p> }.into_any(),
                items => {
                    let org = org();
                    view! {
                        <ul class="cards">
                            {items.into_iter().map(|e| {
                                let href = localized_path(i18n.get_locale_untracked(), &format!("/staff/{org}/elections/{}", e.slug));
                                view! {
                                    <li class="card">
                                        <a href=href>{e.title.clone()}</a>
                                        <p>{labels::phase(i18n, e.phase)}</p>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            } />
    }
}

#[component]
pub fn CommissionElectionPage() -> impl IntoView {
    let i18n = use_i18n();
    let keys = route_keys();
    let data = Resource::new(
        move || (keys(), i18n.get_locale().as_str().to_owned()),
        |((org, election), locale)| load_commission(org, election, locale),
    );
    view! {
        <Loaded resource=data show=move |page| view! { <Commission page keys=keys() reload=Callback::new(move |_| data.refetch()) /> } />
    }
}

#[component]
fn Commission(page: CommissionPage, keys: (String, String), reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let error = RwSignal::new(None::<AppError>);
    let (org, election) = keys.clone();
    let public = election_path(&org, &election, "");
    let next = page.next;
    let advance = Callback::new(move |()| {
        let Some(to) = next else { return };
        let (org, election) = (org.clone(), election.clone());
        spawn_local(async move {
            match move_election_phase(org, election, to).await {
                Ok(()) => reload.run(()),
                Err(e) => error.set(Some(e)),
            }
        });
    });
    let phase = page.phase;
    let reviewing = matches!(phase, Phase::Review | Phase::Appeals);
    view! {
        <Title text=page.title.clone() />
        <p class="eyebrow"><a href=public>{page.title.clone()}</a></p>
        <h1>{t!(i18n, elections.commission_title)}</h1>
        <p class="lead">{t!(i18n, elections.election_phase_now)} " " <strong class="phase-now">{labels::phase(i18n, phase)}</strong></p>
        {move || error.get().map(|e| view! { <ErrorMessage code=e.code /> })}
        {next.map(|to| view! {
            <div class="phase-move">
                <ConfirmButton on_confirm=advance
                    label=t_string!(i18n, elections.commission_move_to, phase = labels::phase(i18n, to)).to_string()
                    question=t_string!(i18n, elections.commission_move_confirm, phase = labels::phase(i18n, to)).to_string()
                    yes=t_string!(i18n, elections.commission_move_yes).to_string() />
            </div>
        })}
        <DeadlineForm phase deadlines=page.deadlines.clone() keys=keys.clone() reload />
        <p class="audit-link">
            <a href=localized_path(i18n.get_locale_untracked(), &format!("/staff/{}/audit?election={}", keys.0, keys.1))>
                {t!(i18n, elections.commission_audit_link)}
            </a>
        </p>
        // Erased: the page's view type otherwise outgrows the compiler's query depth in the
        // browser build.
        {view! { <StationStaff page=page.station_staff.clone() keys=keys.clone() reload /> }.into_any()}
        <h2>{t_string!(i18n, elections.commission_candidacies, count = page.candidacies.len()).to_string()}</h2>
        {page.candidacies.is_empty().then(|| view! { <p>{t!(i18n, elections.commission_no_candidacies)}</p> })}
        <ul class="plain queue">
            {page.candidacies.into_iter().map(|c| view! {
                <CandidacyItem candidacy=c phase reviewing keys=keys.clone() reload />
            }).collect_view()}
        </ul>
    }
}
