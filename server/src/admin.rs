//! `voz admin …`, `voz audit …` and `voz migrate`: operations without the web interface.

use std::time::Duration;

use voz_app::accounts::types::Role;
use voz_app::db::{Db, now_millis};
use voz_app::platform::files::store::FileStore;

use crate::cli::{AdminCommand, AuditCommand};
use voz_app::accounts::staff::store::invites as invites_store;
use voz_app::accounts::store as accounts_store;
use voz_app::elections::photo::store as photo_store;
use voz_app::platform::audit::store as audit_store;

type Outcome = Result<(), Box<dyn std::error::Error>>;

/// Brings the schema up to date, then moves what earlier versions kept in the database
/// and now lives in the file store (candidate photos).
pub async fn migrate(database_url: &str, files: &str) -> Outcome {
    let db = Db::connect(database_url).await?;
    migrate_all(&db, &FileStore::open(files)?).await?;
    db.close().await;
    Ok(())
}

pub async fn migrate_all(db: &Db, files: &FileStore) -> Outcome {
    db.migrate().await?;
    tracing::info!(backend = ?db.backend(), "database is up to date");
    let moved = photo_store::move_photos_to(db, files).await?;
    if moved > 0 {
        tracing::info!(
            moved,
            files = files.place(),
            "photos moved into the file store"
        );
    }
    Ok(())
}

pub async fn admin(database_url: &str, public_url: &str, command: AdminCommand) -> Outcome {
    let db = Db::connect(database_url).await?;
    db.migrate().await?;
    match command {
        AdminCommand::Invite {
            org,
            role,
            valid_hours,
        } => {
            let role = Role::from_code(&role).ok_or_else(|| format!("unknown role {role:?}"))?;
            let organization = accounts_store::organization_by_slug(&db, &org)
                .await?
                .ok_or_else(|| format!("no organization with slug {org:?} (try `voz demo`)"))?;
            let mut tx = db.begin_write().await?;
            let token = invites_store::create_invite(
                &mut tx,
                organization.id,
                role,
                Duration::from_secs(valid_hours * 3600),
                None,
                now_millis(),
            )
            .await?;
            tx.commit().await?;
            println!(
                "{}/{}/enroll/{token}",
                public_url.trim_end_matches('/'),
                organization.default_locale
            );
            eprintln!(
                "Single-use link: role {} in {}, valid {valid_hours} h. Open it on the device that will hold the passkey.",
                role.code(),
                organization.name
            );
        }
    }
    db.close().await;
    Ok(())
}

pub async fn audit(database_url: &str, command: AuditCommand) -> Outcome {
    let db = Db::connect(database_url).await?;
    match command {
        AuditCommand::Verify { head } => {
            let summary = match &head {
                Some(published) => audit_store::verify_audit_chain_reaching(&db, published).await?,
                None => audit_store::verify_audit_chain(&db).await?,
            };
            println!(
                "audit log intact: {} entries, head {}",
                summary.entries, summary.head
            );
            if let Some(published) = head {
                println!("the log still reaches the published head {published}");
            }
        }
    }
    db.close().await;
    Ok(())
}
