//! The email outbox's sender: when the operator configured an SMTP server
//! (`VOZ_SMTP_URL`, e.g. `smtp://relay.internal:25`), a background task sends what the
//! inbox queued (each decision, in the applicant's language) and records each attempt;
//! an email that fails is tried again, up to five times. Without the setting nothing is
//! sent and the inbox alone tells people.

use lettre::message::Body;
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use voz_app::db::{Db, now_millis};
use voz_app::platform::inbox::store as inbox_store;

pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: lettre::message::Mailbox,
}

impl Mailer {
    /// A sender through `url` (`smtp://host:port`, plain SMTP to a relay the operator runs),
    /// writing from `from`.
    pub fn new(url: &str, from: &str) -> Result<Self, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("VOZ_SMTP_URL {url:?}: {e}"))?
            .build();
        let from = from.parse().map_err(|e| format!("VOZ_SMTP_FROM {from:?}: {e}"))?;
        Ok(Self { transport, from })
    }

    /// Sends every pending email once; returns how many went out.
    pub async fn send_pending(&self, db: &Db) -> Result<usize, Box<dyn std::error::Error>> {
        let mut sent = 0;
        for email in inbox_store::pending_emails(db, 50).await? {
            let outcome = match self.message(&email) {
                Ok(message) => self.transport.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
                Err(error) => Err(error),
            };
            if outcome.is_ok() {
                sent += 1;
            } else if let Err(error) = &outcome {
                tracing::warn!(%error, email = email.id, "an email was not sent");
            }
            let mut tx = db.begin_write().await?;
            inbox_store::record_attempt(&mut tx, email.id, outcome, now_millis()).await?;
            tx.commit().await?;
        }
        Ok(sent)
    }

    fn message(&self, email: &inbox_store::OutgoingEmail) -> Result<Message, String> {
        Message::builder()
            .from(self.from.clone())
            .to(email.to_address.parse().map_err(|e| format!("{e}"))?)
            .subject(email.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            // Quoted-printable: a reader's words stay legible in the raw message too.
            .body(
                Body::new_with_encoding(email.body.clone(), ContentTransferEncoding::QuotedPrintable)
                    .map_err(|_| "the body cannot be encoded".to_owned())?,
            )
            .map_err(|e| e.to_string())
    }

    /// Sends pending emails every `every` until the server stops.
    pub fn spawn(self, db: Db, every: std::time::Duration) {
        tokio::spawn(async move {
            loop {
                if let Err(error) = self.send_pending(&db).await {
                    tracing::warn!(%error, "the email outbox could not be read");
                }
                tokio::time::sleep(every).await;
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

    /// A local SMTP sink: answers one session as a relay would and hands back the message.
    async fn sink() -> (String, tokio::task::JoinHandle<String>) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let url = format!("smtp://{}", listener.local_addr().expect("addr"));
        let task = tokio::spawn(async move {
            let (socket, _) = listener.accept().await.expect("accept");
            let (read, mut write) = socket.into_split();
            let mut lines = BufReader::new(read).lines();
            write.write_all(b"220 sink ESMTP\r\n").await.expect("greet");
            let mut data = String::new();
            let mut in_data = false;
            while let Ok(Some(line)) = lines.next_line().await {
                if in_data {
                    if line == "." {
                        in_data = false;
                        write.write_all(b"250 queued\r\n").await.expect("queued");
                    } else {
                        data.push_str(&line);
                        data.push('\n');
                    }
                    continue;
                }
                let verb = line.split(' ').next().unwrap_or_default().to_ascii_uppercase();
                let answer: &[u8] = match verb.as_str() {
                    "EHLO" | "HELO" => b"250 sink\r\n",
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
                write.write_all(answer).await.expect("answer");
            }
            data
        });
        (url, task)
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn queued_emails_reach_the_smtp_server_once() {
        let dir = tempfile::tempdir().expect("tmp");
        let db = Db::connect(&format!("sqlite://{}/voz.db", dir.path().display())).await.expect("db");
        db.migrate().await.expect("migrate");
        voz_app::execute_on_db!(
            &db,
            "INSERT INTO email_outbox (to_address, subject, body, created_at) VALUES ($1, $2, $3, $4)",
            "colectivo@example.org",
            "Novedades sobre «Sancocho de los domingos»",
            "Recibimos tu postulación «Sancocho de los domingos». Tu número de radicado es PANAS-00042.",
            1_i64,
        )
        .expect("queue");
        let (url, received) = sink().await;
        let mailer = Mailer::new(&url, "Voz <voz@example.org>").expect("mailer");
        assert_eq!(mailer.send_pending(&db).await.expect("send"), 1);
        let data = received.await.expect("sink");
        assert!(data.contains("To: colectivo@example.org"), "{data}");
        assert!(data.contains("PANAS-00042"), "the body, in the applicant's words: {data}");
        assert!(inbox_store::pending_emails(&db, 10).await.expect("outbox").is_empty(), "sent once");
        db.close().await;
    }
}
