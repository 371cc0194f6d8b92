//! Telling an applicant what happened to their application: in their inbox, in the
//! language they applied in, and by email when they gave an address (the platform's
//! inbox). Every call store that decides something about an application tells through here.

use crate::calls::apply::types::Application;
use crate::calls::call::rules::Call;
use crate::calls::error::CallError;
use crate::db::Tx;
use crate::on_tx;
use crate::platform::inbox::store::{Recipient, deliver};
use crate::platform::inbox::{Notice, NoticeParams};

/// The call's page a message links to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Page {
    /// The applicant's own page (`…/apply`): receipts, checks, fixes, reports.
    Apply,
    /// The published results (`…/results`): selection and payments.
    Results,
}

/// What an application's notices say it is about: its title and receipt.
pub(crate) fn params(application: &Application) -> NoticeParams {
    NoticeParams {
        what: application.draft.title.clone(),
        receipt: application.receipt.clone().unwrap_or_default(),
        ..NoticeParams::default()
    }
}

/// Tells the applicant of `application`, inside the deciding transaction.
pub(crate) async fn tell(
    tx: &mut Tx,
    call: &Call,
    application: &Application,
    notice: Notice,
    params: &NoticeParams,
    page: Page,
    now: i64,
) -> Result<(), CallError> {
    let (org,): (String,) = on_tx!(tx, |conn| {
        sqlx::query_as("SELECT slug FROM organizations WHERE id = $1")
            .bind(call.organization)
            .fetch_one(&mut *conn)
            .await
    })?;
    let to = Recipient {
        account: application.applicant,
        locale: application
            .locale
            .parse()
            .unwrap_or(crate::i18n::Locale::es),
        email: application.draft.email.as_deref(),
    };
    let page = match page {
        Page::Apply => "apply",
        Page::Results => "results",
    };
    let link = format!("/o/{org}/calls/{}/{page}", call.slug);
    deliver(tx, call.organization, &to, notice, params, &link, now).await?;
    Ok(())
}
