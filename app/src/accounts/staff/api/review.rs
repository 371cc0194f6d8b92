//! The verification queue (habilitação): pending registrations with what a reviewer needs,
//! their decision (accept, refuse with a reason, send back to fix by a day) and the
//! "not the same person" answer to a duplicate flag. Reviewers only; every decision audited.

use crate::accounts::types::{Decision, RegistrationStatus, RegistrationSummary};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "staff/queue", input = Json)]
pub async fn review_queue(
    organization: String,
    status: RegistrationStatus,
) -> Result<Vec<RegistrationSummary>, AppError> {
    respond(ssr::review_queue(&organization, status).await)
}

#[server(prefix = "/api", endpoint = "staff/decide", input = Json)]
pub async fn decide(
    organization: String,
    registration: i64,
    decision: Decision,
) -> Result<(), AppError> {
    respond(ssr::decide(&organization, registration, decision).await)
}

/// Registers a person at a help desk (staff saw the document), verified at once, and
/// prints their access code.
/// Staff checked a flagged pair (`registration`, `other`): two different people.
#[server(prefix = "/api", endpoint = "staff/not_duplicate", input = Json)]
pub async fn not_duplicate(
    organization: String,
    registration: i64,
    other: i64,
) -> Result<(), AppError> {
    respond(ssr::not_duplicate(&organization, registration, other).await)
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use crate::accounts::duplicates::store as duplicates_store;
    use crate::accounts::registration::store as registration_store;

    use crate::accounts::types::{
        Decision, RegistrationId, RegistrationStatus, RegistrationSummary,
    };
    use crate::db::now_millis;
    use crate::error::{AppError, ErrorCode};
    use crate::platform::access::REVIEWERS;
    use crate::platform::web::context::{app_state, require_staff};

    const REASON_MAX: u16 = 300;

    pub async fn review_queue(
        slug: &str,
        status: RegistrationStatus,
    ) -> Result<Vec<RegistrationSummary>, AppError> {
        let (_, organization) = require_staff(slug, &REVIEWERS).await?;
        let app = app_state()?;
        let mut queue =
            registration_store::registrations_with_status(&app.db, organization.id, status, 200)
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
        Ok(queue)
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
