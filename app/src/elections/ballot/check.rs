//! "Is my ballot in the box?": a voter types the tracking code their receipt showed and
//! learns whether a ballot with it was received — from the moment it was cast, not only
//! once the bulletin board is public. A plain `GET` form (works without JavaScript); the
//! answer says nothing about the ballot's content, and a tracking code names no one.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::elections::ui::{election_path, route_keys};
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::error::{AppError, ErrorCode, FieldProblem, Problem};
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::{Field, Loaded};

/// What a check found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Checked {
    /// Nothing asked yet.
    Nothing,
    /// A ballot with this code is in the box.
    Found,
    /// No ballot has it.
    NotFound,
    /// What was typed cannot be a tracking code.
    Unreadable,
}

/// The election's title, and whether a ballot with `code` (if given) is in its box.
#[server(prefix = "/api", endpoint = "vote/check")]
pub async fn check_tracking_code(
    organization: String,
    election: String,
    #[server(default)] code: String,
) -> Result<(String, Checked), AppError> {
    respond(ssr::check(&organization, &election, &code).await)
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::Checked;
    use crate::accounts::access_code::rules::normalize_code_of_length;
    use crate::elections::election::lookup::election_of;
    use crate::error::AppError;
    use crate::platform::voting::store as voting_store;
    use crate::platform::web::context::app_state;

    /// 16 characters of the code alphabet, shown in groups of four.
    const LENGTH: usize = 16;

    /// `code` as stored (`ABCD-EFGH-JKMN-PQRS`), from what a person may type (case,
    /// spaces and dashes do not matter; O, I and L read as digits).
    pub fn tracking_code(typed: &str) -> Option<String> {
        let raw = normalize_code_of_length(typed, LENGTH)?;
        let groups: Vec<&str> = (0..LENGTH / 4).map(|i| &raw[i * 4..i * 4 + 4]).collect();
        Some(groups.join("-"))
    }

    pub async fn check(
        organization: &str,
        election: &str,
        typed: &str,
    ) -> Result<(String, Checked), AppError> {
        let app = app_state()?;
        let (_, record) = election_of(&app, organization, election).await?;
        if typed.trim().is_empty() {
            return Ok((record.title, Checked::Nothing));
        }
        let Some(code) = tracking_code(typed) else {
            return Ok((record.title, Checked::Unreadable));
        };
        let found = voting_store::has_ballot(&app.db, record.poll, &code)
            .await
            .map_err(AppError::from)?;
        let checked = if found {
            Checked::Found
        } else {
            Checked::NotFound
        };
        Ok((record.title, checked))
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn a_typed_code_reads_as_stored() {
            assert_eq!(
                super::tracking_code(" abcd efgh-jkmn pqrs ").as_deref(),
                Some("ABCD-EFGH-JKMN-PQRS")
            );
            assert_eq!(
                super::tracking_code("o1l0-0000-0000-0000").as_deref(),
                Some("0110-0000-0000-0000")
            );
            assert_eq!(super::tracking_code("ABCD-EFGH"), None);
            assert_eq!(super::tracking_code("ABCD-EFGH-JKMN-PQRU"), None, "no U");
        }
    }
}

#[component]
pub fn TrackingCheckPage() -> impl IntoView {
    let i18n = use_i18n();
    let keys = route_keys();
    let query = use_query_map();
    let typed = query.with_untracked(|q| q.get("code").unwrap_or_default());
    let data = Resource::new(
        {
            let typed = typed.clone();
            move || (keys(), typed.clone())
        },
        |((org, election), code)| check_tracking_code(org, election, code),
    );
    let (org, election) = keys();
    view! {
        <Title text=t_string!(i18n, elections.check_title).to_string() />
        <Loaded resource=data show=move |(title, checked)| {
            let back = election_path(&org, &election, "");
            let errors = RwSignal::new((checked == Checked::Unreadable).then(|| AppError {
                code: ErrorCode::InvalidInput,
                fields: vec![FieldProblem { field: "code".into(), problem: Problem::NotATrackingCode }],
            }));
            view! {
                <p class="eyebrow"><a href=back>{title}</a></p>
                <h1>{t!(i18n, elections.check_title)}</h1>
                <CheckForm typed=typed.clone() errors />
                {match checked {
                    Checked::Found => Some(view! { <p class="success" role="status" data-testid="check-result">{t!(i18n, elections.check_found)}</p> }.into_any()),
                    Checked::NotFound => Some(view! { <p class="notice" role="status" data-testid="check-result">{t!(i18n, elections.check_not_found)}</p> }.into_any()),
                    Checked::Nothing | Checked::Unreadable => None,
                }}
            }.into_any()
        } />
    }
}

#[component]
fn CheckForm(typed: String, errors: RwSignal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <form method="get" class="tracking-check">
            <Field name="code" control="tracking_code" label=Signal::derive(move || t_string!(i18n, elections.check_label).to_string()) errors>
                <input id="tracking_code" name="code" type="text" autocomplete="off" autocapitalize="characters"
                    spellcheck="false" maxlength="40" dir="ltr" value=typed aria-describedby="code-error" />
            </Field>
            <button type="submit" class="primary">{t!(i18n, elections.check_button)}</button>
        </form>
    }
}
