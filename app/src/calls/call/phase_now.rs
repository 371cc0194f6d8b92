//! The call's phase as a writing transaction sees it: every step that depends on the
//! phase reads it here, inside its own transaction (the page the request came from may be
//! stale). Apart from the call's store, which moves the phase and opens the vote's boxes.

use crate::calls::call::rules::{Call, Phase};
use crate::calls::error::{CallError, corrupt};
use crate::db::Tx;
use crate::on_tx;

pub(crate) async fn phase_now(tx: &mut Tx, call: &Call) -> Result<Phase, CallError> {
    let (phase,): (String,) = on_tx!(tx, |conn| {
        sqlx::query_as("SELECT phase FROM calls WHERE id = $1")
            .bind(call.id)
            .fetch_one(&mut *conn)
            .await
    })?;
    Phase::from_code(&phase).ok_or_else(|| corrupt(format!("phase {phase}")))
}
