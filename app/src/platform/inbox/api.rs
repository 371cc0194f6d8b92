//! The inbox's page data: the signed-in person's messages, newest first, written out in
//! their language by the page; opening the inbox marks them read.

use leptos::prelude::*;

use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;
use crate::platform::inbox::InboxMessage;

#[server(prefix = "/api", endpoint = "inbox", input = JsonOrForm)]
pub async fn load_inbox() -> Result<Vec<InboxMessage>, AppError> {
    respond(ssr::inbox().await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::db::now_millis;
    use crate::platform::inbox::store;
    use crate::platform::web::context::{app_state, require_account};

    pub async fn inbox() -> Result<Vec<InboxMessage>, AppError> {
        let account = require_account().await?;
        let app = app_state()?;
        let messages = store::messages(&app.db, account).await?;
        let mut tx = app.db.begin_write().await?;
        store::mark_read(&mut tx, account, now_millis()).await?;
        tx.commit().await?;
        Ok(messages)
    }
}
