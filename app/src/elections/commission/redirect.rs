//! Where the commission's plain forms go back to: its election page, with a refusal named
//! by the item it concerns. Shared by the commission's and the assignment's forms.

use crate::error::AppError;
use crate::platform::web::http::redirect_with;

/// After a plain form: the commission page of `election`, clean on success; on a
/// refusal with `?item=` naming the form it concerns (`candidacy-<id>`,
/// `conflict-<id>`, `station-<id>`) and the error.
pub(crate) fn back_to_commission(
    locale: &str,
    organization: &str,
    election: &str,
    item: &str,
    error: Option<AppError>,
) {
    let path = format!("/staff/{organization}/elections/{election}");
    let path = match &error {
        Some(_) => format!("{path}?item={item}"),
        None => path,
    };
    redirect_with(locale, &path, error.as_ref(), "");
}

/// A new election's commission page, after its form.
pub fn to_commission(locale: &str, organization: &str, election: &str) {
    redirect_with(
        locale,
        &format!("/staff/{organization}/elections/{election}"),
        None,
        "",
    );
}
