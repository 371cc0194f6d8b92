//! The verification queue (habilitação): pending registrations with what a reviewer needs,
//! their decision (accept, refuse with a reason, send back to fix by a day) and the
//! "not the same person" answer to a duplicate flag. Reviewers only; every decision audited.

use crate::accounts::types::{Decision, RegistrationPage, RegistrationStatus, RegistrationSummary};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "staff/queue", input = JsonOrForm)]
pub async fn review_queue(
    organization: String,
    status: RegistrationStatus,
    #[server(default)] page: u32,
) -> Result<RegistrationPage, AppError> {
    respond(ssr::review_queue(&organization, status, page).await)
}

/// A queue's tab shows this many at a time, oldest first.
pub const QUEUE_PER_PAGE: u32 = 50;

#[server(prefix = "/api", endpoint = "staff/decide", input = JsonOrForm)]
pub async fn decide(
    organization: String,
    registration: i64,
    decision: Decision,
) -> Result<(), AppError> {
    respond(ssr::decide(&organization, registration, decision).await)
}

/// Staff checked a flagged pair (`registration`, `other`): two different people.
#[server(prefix = "/api", endpoint = "staff/not_duplicate", input = JsonOrForm)]
pub async fn not_duplicate(
    organization: String,
    registration: i64,
    other: i64,
) -> Result<(), AppError> {
    respond(ssr::not_duplicate(&organization, registration, other).await)
}

/// The queue's decision buttons as a plain form: `decision` is `accept`, `fix` (send back
/// for correction) or `refuse`, the last two with `reason`. Back to the tab it came from
/// (`tab`, a registration status), with the refusal under the person it concerns.
#[server(prefix = "/api", endpoint = "staff/decide_form")]
pub async fn decide_form(
    organization: String,
    registration: i64,
    decision: String,
    #[server(default)] reason: String,
    tab: String,
    locale: String,
) -> Result<(), AppError> {
    let decision = match decision.as_str() {
        "accept" => Some(Decision::Accept),
        "fix" => Some(Decision::FixBy { reason, by: None }),
        "refuse" => Some(Decision::Refuse { reason }),
        _ => None,
    };
    let outcome = match decision {
        Some(decision) => ssr::decide(&organization, registration, decision).await,
        None => Err(crate::error::ErrorCode::InvalidInput.into()),
    };
    ssr::back_to_queue(
        &organization,
        &tab,
        registration,
        &locale,
        outcome,
        "decided",
    );
    Ok(())
}

/// Takes back the caller's decision on `registration` within a minute of making it (a slip
/// of the finger); back to the tab it came from, saying so.
#[server(prefix = "/api", endpoint = "staff/undo_form")]
pub async fn undo_decision_form(
    organization: String,
    registration: i64,
    tab: String,
    locale: String,
) -> Result<(), AppError> {
    let outcome = ssr::undo(&organization, registration).await;
    ssr::back_to_queue(
        &organization,
        &tab,
        registration,
        &locale,
        outcome,
        "undone",
    );
    Ok(())
}

/// The registration a decision was just made on (or taken back), as the queue's
/// confirmation names it.
#[server(prefix = "/api", endpoint = "staff/decided", input = JsonOrForm)]
pub async fn decided(
    organization: String,
    registration: i64,
) -> Result<Option<RegistrationSummary>, AppError> {
    respond(ssr::decided(&organization, registration).await)
}

/// "Not the same person" as a plain form; back to the tab it came from.
#[server(prefix = "/api", endpoint = "staff/not_duplicate_form")]
pub async fn not_duplicate_form(
    organization: String,
    registration: i64,
    other: i64,
    tab: String,
    locale: String,
) -> Result<(), AppError> {
    let outcome = ssr::not_duplicate(&organization, registration, other).await;
    ssr::back_to_queue(&organization, &tab, registration, &locale, outcome, "");
    Ok(())
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use crate::accounts::duplicates::store as duplicates_store;
    use crate::accounts::registration::store as registration_store;

    use super::QUEUE_PER_PAGE;
    use crate::accounts::types::{
        Decision, RegistrationId, RegistrationPage, RegistrationStatus, RegistrationSummary,
    };
    use crate::db::now_millis;
    use crate::error::{AppError, ErrorCode};
    use crate::platform::access::REVIEWERS;
    use crate::platform::web::context::{app_state, require_staff};

    const REASON_MAX: u16 = 300;

    /// Back to the queue's `tab` after a plain form: a refusal shows under `registration`;
    /// a success names it in `done` (`decided`, `undone`) for the page to confirm.
    pub fn back_to_queue(
        slug: &str,
        tab: &str,
        registration: i64,
        locale: &str,
        outcome: Result<(), AppError>,
        done: &str,
    ) {
        let tab = RegistrationStatus::from_code(tab).unwrap_or(RegistrationStatus::Pending);
        let back = format!("/staff/{slug}/review?status={}", tab.code());
        let back = match &outcome {
            Ok(()) if !done.is_empty() => format!("{back}&{done}={registration}"),
            Ok(()) => back,
            Err(_) => format!("{back}&item={registration}"),
        };
        crate::platform::web::http::redirect_with(locale, &back, outcome.as_ref().err(), "");
    }

    pub async fn review_queue(
        slug: &str,
        status: RegistrationStatus,
        page: u32,
    ) -> Result<RegistrationPage, AppError> {
        let (_, organization) = require_staff(slug, &REVIEWERS).await?;
        let app = app_state()?;
        let total = registration_store::count_with_status(&app.db, organization.id, status)
            .await
            .map_err(AppError::from)?;
        let total = u32::try_from(total).unwrap_or(u32::MAX);
        let page = page.clamp(1, total.div_ceil(QUEUE_PER_PAGE).max(1));
        let mut queue = registration_store::registrations_with_status(
            &app.db,
            organization.id,
            status,
            i64::from((page - 1) * QUEUE_PER_PAGE),
            i64::from(QUEUE_PER_PAGE),
        )
        .await
        .map_err(AppError::from)?;
        // The flag matters where a decision is pending.
        if matches!(
            status,
            RegistrationStatus::Pending | RegistrationStatus::NeedsCorrection
        ) {
            for item in &mut queue {
                item.duplicates =
                    duplicates_store::possible_duplicates(&app.db, organization.id, item.id)
                        .await
                        .map_err(AppError::from)?;
            }
        }
        Ok(RegistrationPage {
            items: queue,
            total,
            page,
            per_page: QUEUE_PER_PAGE,
        })
    }

    pub async fn undo(slug: &str, registration: i64) -> Result<(), AppError> {
        let (account, organization) = require_staff(slug, &REVIEWERS).await?;
        let app = app_state()?;
        let mut tx = app.db.begin_write().await?;
        registration_store::undo_decision(
            &mut tx,
            organization.id,
            RegistrationId(registration),
            account,
            now_millis(),
        )
        .await
        .map_err(AppError::from)?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn decided(
        slug: &str,
        registration: i64,
    ) -> Result<Option<RegistrationSummary>, AppError> {
        let (_, organization) = require_staff(slug, &REVIEWERS).await?;
        let app = app_state()?;
        Ok(registration_store::registrations_by_id(
            &app.db,
            organization.id,
            &[RegistrationId(registration)],
        )
        .await
        .map_err(AppError::from)?
        .pop())
    }

    /// Staff checked the documents of a flagged pair: two different people.
    pub async fn not_duplicate(slug: &str, registration: i64, other: i64) -> Result<(), AppError> {
        let (account, organization) = require_staff(slug, &REVIEWERS).await?;
        let app = app_state()?;
        let mut tx = app.db.begin_write().await?;
        duplicates_store::dismiss_duplicate(
            &mut tx,
            organization.id,
            RegistrationId(registration),
            RegistrationId(other),
            account,
            now_millis(),
        )
        .await
        .map_err(AppError::from)?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn decide(slug: &str, registration: i64, decision: Decision) -> Result<(), AppError> {
        let (account, organization) = require_staff(slug, &REVIEWERS).await?;
        // A refusal or a request for correction must say why, in words the person can act on;
        // a registration keeps no last day for corrections.
        let today = crate::calendar::Date::from_unix_millis(now_millis());
        let decision = decision.checked(REASON_MAX, today, false)?;
        let app = app_state()?;
        // One person, one vote: a registration that may be someone already registered
        // under another document waits until staff resolve the flag.
        if decision == Decision::Accept
            && !duplicates_store::possible_duplicates(
                &app.db,
                organization.id,
                RegistrationId(registration),
            )
            .await
            .map_err(AppError::from)?
            .is_empty()
        {
            return Err(AppError::new(ErrorCode::PossibleDuplicate));
        }
        let mut tx = app.db.begin_write().await?;
        registration_store::decide_registration(
            &mut tx,
            organization.id,
            RegistrationId(registration),
            &decision,
            account,
            now_millis(),
        )
        .await
        .map_err(AppError::from)?;
        tx.commit().await?;
        Ok(())
    }
}
