//! A call's public page data.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::calendar::Date;
use crate::calls::call::rules::{Call, Phase};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;
use crate::platform::text::labels::Labels;
use crate::platform::timeline::{DeadlineChange, PhaseChange};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CallPage {
    pub organization: String,
    pub call: Call,
    /// The call's text per language, rendered from Markdown and sanitized on the server.
    pub text_html: Labels,
    pub history: Vec<PhaseChange<Phase>>,
    pub deadlines: Vec<(Phase, Date)>,
    pub changes: Vec<DeadlineChange<Phase>>,
    /// Applications submitted so far (past their draft), per category code.
    pub submitted: Vec<(String, i64)>,
}

#[server(prefix = "/api", endpoint = "call/page", input = JsonOrForm)]
pub async fn load_call_page(organization: String, call: String) -> Result<CallPage, AppError> {
    respond(ssr::page(&organization, &call).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::calls::access::public_call;
    use crate::on_db;
    use crate::platform::audit::event::Process;
    use crate::platform::text::markdown::render;
    use crate::platform::timeline::store as timeline_store;
    use crate::platform::web::context::app_state;

    pub async fn page(organization: &str, call: &str) -> Result<CallPage, AppError> {
        let (org, found) = public_call(organization, call).await?;
        let app = app_state()?;
        let db = &app.db;
        let process = Process::Call(found.id);
        let text_html = Labels::from_pairs(
            found
                .texts
                .iter()
                .map(|(lang, text)| (lang.to_owned(), render(text))),
        );
        let submitted: Vec<(String, i64)> = on_db!(db, |pool| {
            sqlx::query_as(
                "SELECT c.code, COUNT(a.id) FROM call_categories c \
                 LEFT JOIN call_applications a ON a.category_id = c.id AND a.status <> 'draft' \
                 WHERE c.call_id = $1 GROUP BY c.code, c.position ORDER BY c.position",
            )
            .bind(found.id)
            .fetch_all(pool)
            .await
        })?;
        Ok(CallPage {
            organization: org.slug,
            text_html,
            history: timeline_store::phase_history(db, process).await?,
            deadlines: timeline_store::deadlines(db, process).await?,
            changes: timeline_store::deadline_changes(db, process).await?,
            submitted,
            call: found,
        })
    }
}
