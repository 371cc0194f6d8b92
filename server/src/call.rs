//! `voz call create --org <slug> <call.json>`: an open call set up from a file (its texts,
//! categories, rubric and documents), checked before anything is stored, created in its
//! draft and audited. Its team opens it from the call's room.

use voz_app::accounts::store as accounts_store;
use voz_app::calls::call::rules::NewCall;
use voz_app::calls::call::store as call_store;
use voz_app::db::{Db, now_millis};

use crate::cli::CallCommand;

type Outcome = Result<(), Box<dyn std::error::Error>>;

pub async fn call(database_url: &str, command: CallCommand) -> Outcome {
    let CallCommand::Create { org, file } = command;
    let text = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    let new: NewCall =
        serde_json::from_slice(&text).map_err(|e| format!("{}: {e}", file.display()))?;
    new.check()
        .map_err(|e| format!("{}: {e}", file.display()))?;
    let db = Db::connect(database_url).await?;
    db.migrate().await?;
    let organization = accounts_store::organization_by_slug(&db, &org)
        .await?
        .ok_or_else(|| format!("no organization {org:?}"))?;
    let mut tx = db.begin_write().await?;
    call_store::create_call(&mut tx, organization.id, &new, None, now_millis())
        .await
        .map_err(|e| format!("{}: {e}", new.slug))?;
    tx.commit().await?;
    db.close().await;
    println!(
        "call `{}` created in its draft: /staff/{org}/calls/{}",
        new.slug, new.slug
    );
    Ok(())
}
