//! The email sender: what the inbox queued in `email_outbox` goes out through the
//! operator's SMTP relay (`VOZ_SMTP_URL`), oldest first, every 30 seconds. A failure is
//! recorded and tried again on the next round, five times at most; a sent email is marked
//! sent in the same step, so a restart never sends it twice from the outbox (the relay may
//! still have it once more if the server stopped between its answer and the mark).
//!
//! Without `VOZ_SMTP_URL` nothing is sent: the inbox on the site is always there, email is
//! the extra the operator turns on.

use std::time::Duration;

use lettre::message::{Mailbox, header::ContentType};
use lettre::{AsyncSmtpTransport, AsyncTransport as _, Message, Tokio1Executor};
use voz_app::db::{Db, now_millis};
use voz_app::platform::inbox::store::{self as inbox_store, OutgoingEmail};
use voz_app::platform::inbox::with_site;

/// How many emails one round sends at most: a long queue drains over several rounds
/// without holding a connection for minutes.
const ROUND: i64 = 50;
const EVERY: Duration = Duration::from_secs(30);

pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    /// The public URL, written into each email's link.
    site: String,
}

impl Mailer {
    /// `url` as lettre reads it: `smtp://host:25` (plain, a relay on the machine or the
    /// private network), `smtp://user:pass@host:587?tls=required` (STARTTLS) or
    /// `smtps://user:pass@host:465`.
    pub fn new(url: &str, from: &str, site: &str) -> Result<Self, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("VOZ_SMTP_URL: {e}"))?
            .timeout(Some(Duration::from_secs(20)))
            .build();
        let from = from
            .parse()
            .map_err(|e| format!("VOZ_SMTP_FROM {from:?}: {e}"))?;
        Ok(Self {
            transport,
            from,
            site: site.to_owned(),
        })
    }

    /// Sends what is waiting (one round); returns how many went out.
    pub async fn send_pending(&self, db: &Db) -> Result<usize, sqlx::Error> {
        let mut sent = 0;
        for email in inbox_store::pending_emails(db, ROUND).await? {
            let outcome = self.send(&email).await;
            if let Err(error) = &outcome {
                tracing::warn!(email = email.id, %error, "email not sent; tried again later");
            } else {
                sent += 1;
            }
            let mut tx = db.begin_write().await?;
            inbox_store::record_attempt(&mut tx, email.id, outcome, now_millis()).await?;
            tx.commit().await?;
        }
        Ok(sent)
    }

    async fn send(&self, email: &OutgoingEmail) -> Result<(), String> {
        let to: Mailbox = email
            .to_address
            .parse()
            .map_err(|e| format!("address: {e}"))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(&email.subject)
            .header(ContentType::TEXT_PLAIN)
            .body(with_site(&email.body, &self.site))
            .map_err(|e| format!("message: {e}"))?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    /// Sends the outbox every 30 seconds for as long as the server runs.
    pub fn spawn(self, db: Db) {
        tokio::spawn(async move {
            let mut every = tokio::time::interval(EVERY);
            loop {
                every.tick().await;
                match self.send_pending(&db).await {
                    Ok(0) => {}
                    Ok(sent) => tracing::info!(sent, "emails sent"),
                    Err(error) => tracing::warn!(%error, "reading the email outbox failed"),
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    //! Against an SMTP sink written here: it speaks just enough SMTP to accept a message
    //! and keeps what it received, or refuses every recipient.

    use super::*;
    use tokio::io::{AsyncBufReadExt as _, AsyncWriteExt as _, BufReader};
    use tokio::net::TcpListener;
    use tokio::sync::mpsc;
    use voz_app::platform::inbox::store::queue_email;

    /// Listens on a free port; each received message's DATA (with its envelope
    /// recipients) comes out of the channel. `accept` false: every RCPT is refused (550).
    async fn sink(accept: bool) -> (u16, mpsc::UnboundedReceiver<(Vec<String>, String)>) {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let (out, received) = mpsc::unbounded_channel();
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let out = out.clone();
                tokio::spawn(async move {
                    let (read, mut write) = socket.into_split();
                    let mut lines = BufReader::new(read).lines();
                    write.write_all(b"220 sink ESMTP\r\n").await.ok();
                    let (mut rcpt, mut data, mut in_data) = (Vec::new(), String::new(), false);
                    while let Ok(Some(line)) = lines.next_line().await {
                        if in_data {
                            if line == "." {
                                in_data = false;
                                out.send((std::mem::take(&mut rcpt), std::mem::take(&mut data)))
                                    .ok();
                                write.write_all(b"250 queued\r\n").await.ok();
                            } else {
                                data.push_str(&line);
                                data.push('\n');
                            }
                            continue;
                        }
                        let verb = line.get(..4).unwrap_or("").to_ascii_uppercase();
                        let answer: &[u8] = match verb.as_str() {
                            "EHLO" | "HELO" => b"250 sink\r\n",
                            "MAIL" => b"250 ok\r\n",
                            "RCPT" if accept => {
                                rcpt.push(line[8..].to_owned());
                                b"250 ok\r\n"
                            }
                            "RCPT" => b"550 no such user\r\n",
                            "DATA" => {
                                in_data = true;
                                b"354 go on\r\n"
                            }
                            "QUIT" => {
                                write.write_all(b"221 bye\r\n").await.ok();
                                break;
                            }
                            _ => b"250 ok\r\n",
                        };
                        write.write_all(answer).await.ok();
                    }
                });
            }
        });
        (port, received)
    }

    async fn db_with(emails: &[(&str, &str, &str)]) -> (tempfile::TempDir, Db) {
        let dir = tempfile::tempdir().expect("dir");
        let url = format!("sqlite:{}", dir.path().join("voz.db").display());
        let db = Db::connect(&url).await.expect("db");
        db.migrate().await.expect("migrate");
        let mut tx = db.begin_write().await.expect("begin");
        for (to, subject, body) in emails {
            queue_email(&mut tx, to, subject, body, 1)
                .await
                .expect("queue");
        }
        tx.commit().await.expect("commit");
        (dir, db)
    }

    #[tokio::test]
    async fn the_outbox_goes_out_once_in_the_readers_words_with_the_sites_link() {
        let (port, mut received) = sink(true).await;
        let (_dir, db) = db_with(&[(
            "ana@example.org",
            "Panas y Parces: sua inscrição",
            "Recebida: PANAS-00042.\n\nVer: {site}/pt-BR/o/idpac/calls/panas/apply\n",
        )])
        .await;
        let mailer = Mailer::new(
            &format!("smtp://127.0.0.1:{port}"),
            "Voz <no-reply@voz.example.org>",
            "https://voz.example.org/",
        )
        .expect("mailer");

        assert_eq!(mailer.send_pending(&db).await.expect("round"), 1);
        let (to, data) = received.recv().await.expect("a message");
        assert_eq!(to, ["<ana@example.org>"]);
        assert!(
            data.contains("From: Voz <no-reply@voz.example.org>"),
            "{data}"
        );
        assert!(data.contains("To: ana@example.org"), "{data}");
        // Non-ASCII words of the subject are encoded (RFC 2047), not sent raw.
        assert!(
            data.contains("Subject: Panas y Parces: sua =?utf-8?"),
            "{data}"
        );
        // The link is on the operator's site.
        assert!(
            data.contains("Ver: https://voz.example.org/pt-BR/o/idpac/calls/panas/apply"),
            "{data}"
        );
        assert!(data.contains("text/plain; charset=utf-8"), "{data}");

        // Sent is sent: the next round has nothing to do.
        assert_eq!(mailer.send_pending(&db).await.expect("round"), 0);
        assert!(
            inbox_store::pending_emails(&db, 10)
                .await
                .expect("read")
                .is_empty()
        );
    }

    #[tokio::test]
    async fn a_refused_email_is_tried_five_times_then_left() {
        let (port, _received) = sink(false).await;
        let (_dir, db) = db_with(&[("nobody@example.org", "s", "b")]).await;
        let mailer = Mailer::new(
            &format!("smtp://127.0.0.1:{port}"),
            "v@example.org",
            "http://x",
        )
        .expect("mailer");
        for _ in 0..5 {
            assert_eq!(mailer.send_pending(&db).await.expect("round"), 0);
        }
        assert!(
            inbox_store::pending_emails(&db, 10)
                .await
                .expect("read")
                .is_empty()
        );
    }

    #[tokio::test]
    async fn a_relay_that_does_not_answer_is_an_attempt_not_a_crash() {
        // A port nobody listens on.
        let port = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind")
            .local_addr()
            .expect("addr")
            .port();
        let (_dir, db) = db_with(&[("ana@example.org", "s", "b")]).await;
        let mailer = Mailer::new(
            &format!("smtp://127.0.0.1:{port}"),
            "v@example.org",
            "http://x",
        )
        .expect("mailer");
        assert_eq!(mailer.send_pending(&db).await.expect("round"), 0);
        assert_eq!(
            inbox_store::pending_emails(&db, 10)
                .await
                .expect("read")
                .len(),
            1
        );
    }

    #[test]
    fn bad_settings_are_named() {
        assert!(Mailer::new("ftp://x", "v@example.org", "http://x").is_err());
        let from = Mailer::new("smtp://127.0.0.1:25", "not an address", "http://x");
        assert!(from.err().is_some_and(|e| e.contains("VOZ_SMTP_FROM")));
    }
}
