//! One address per installation on a developer's machine. Browsers treat
//! `http://127.0.0.1:3000` and `http://localhost:3000` as two sites: a page opened under
//! the one that is not the public URL would have every form refused as cross-site. When
//! the public URL names this machine (`localhost`, `127.0.0.1`, `[::1]`), a page asked for
//! under another of those names is redirected to the same path under the public URL.
//!
//! A public URL on a real host name is left alone here: behind a reverse proxy the `Host`
//! a request carries is the proxy's business, and redirecting on it could loop. There, a
//! form sent from the wrong address is refused with a page that names the right one
//! (`csrf.rs`).

use axum::extract::{Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

/// The public URL's origin (`scheme://host[:port]`, no trailing slash).
#[derive(Clone, Debug)]
pub struct PublicUrl {
    pub origin: String,
    /// `host:port` as a `Host` header writes it for the public URL.
    pub authority: String,
    /// Whether the public host is this machine.
    pub local: bool,
}

impl PublicUrl {
    pub fn parse(public_url: &str) -> Option<Self> {
        let url = url::Url::parse(public_url).ok()?;
        let host = url.host_str()?.to_owned();
        let port = url.port_or_known_default()?;
        Some(Self {
            origin: url.origin().ascii_serialization(),
            authority: format!("{host}:{port}"),
            local: is_loopback(&host),
        })
    }
}

fn is_loopback(host: &str) -> bool {
    matches!(host, "localhost" | "127.0.0.1" | "[::1]" | "::1")
}

/// The `Host` of a request another loopback spelling of the public URL's port, if it is.
fn other_local_name(public: &PublicUrl, host: &str) -> bool {
    let Some((name, port)) = host.rsplit_once(':') else {
        return false;
    };
    let public_port = public.authority.rsplit_once(':').map(|(_, p)| p);
    public.local
        && is_loopback(name)
        && Some(port) == public_port
        && !host.eq_ignore_ascii_case(&public.authority)
}

pub async fn redirect_to_public_url(
    State(public): State<PublicUrl>,
    request: Request,
    next: Next,
) -> Response {
    let reads = matches!(*request.method(), Method::GET | Method::HEAD);
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if reads && other_local_name(&public, host) {
        let target = match request.uri().path_and_query() {
            Some(path) => format!("{}{}", public.origin, path.as_str()),
            None => public.origin.clone(),
        };
        return Redirect::temporary(&target).into_response();
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_another_local_name_of_a_local_public_url_is_redirected() {
        let local = PublicUrl::parse("http://localhost:3000").expect("a URL");
        assert!(other_local_name(&local, "127.0.0.1:3000"));
        assert!(other_local_name(&local, "[::1]:3000"));
        assert!(!other_local_name(&local, "localhost:3000"));
        assert!(
            !other_local_name(&local, "127.0.0.1:4000"),
            "another server"
        );
        assert!(!other_local_name(&local, "voz.example.org:3000"));
        let public = PublicUrl::parse("https://voz.example.org").expect("a URL");
        assert!(!public.local);
        assert!(
            !other_local_name(&public, "127.0.0.1:443"),
            "behind a proxy"
        );
    }
}
