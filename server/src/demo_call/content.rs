//! What the demo's calls say: their texts, categories, rubric and documents; the names,
//! projects and answers of their 120 applicants; a small valid PDF for each document.

use voz_app::calls::apply::rules::{ApplicationForm, MemberForm};
use voz_app::calls::call::rules::{
    ApplicantType, Call, Criterion, DocumentRequirement, NewCall, NewCategory, Rubric,
};
use voz_app::calls::select::TieBreak;
use voz_app::platform::text::labels::Labels;

fn labels(pairs: &[(&str, &str)]) -> Labels {
    Labels::from_pairs(pairs.iter().copied())
}

pub(super) fn new_call(slug: &str, year: u16) -> NewCall {
    let title = format!("Panas y Parces {year}");
    NewCall {
        slug: slug.into(),
        titles: Labels::from_pairs([
            ("es", format!("{title}: iniciativas migrantes y de acogida")),
            (
                "en",
                format!("{title}: migrant and host-community initiatives"),
            ),
            ("ar", format!("{title}: مبادرات المهاجرين والمجتمع المضيف")),
            (
                "ht",
                format!("{title}: inisyativ migran ak kominote ki resevwa yo"),
            ),
        ]),
        texts: labels(&[
            (
                "es",
                "El Instituto Distrital de la Participación y Acción Comunal abre esta convocatoria para **iniciativas de personas migrantes y de la comunidad de acogida** que construyan convivencia en Bogotá.\n\nPueden postularse personas con un suplente, grupos de al menos tres personas y organizaciones, con o sin personería jurídica. Al menos una persona de cada iniciativa debe ser migrante. No se pide estatus migratorio regular: sirve cualquier documento de identidad.",
            ),
            (
                "en",
                "Bogotá's participation institute opens this call for **initiatives of migrants and of the host community** that build coexistence in the city.\n\nIndividuals with an alternate, groups of at least three and organizations, registered or not, may apply. At least one person in each initiative must be a migrant. No regular migratory status is asked: any identity document will do.",
            ),
        ]),
        currency: "COP".into(),
        rubric: Rubric {
            criteria: vec![
                Criterion {
                    code: "impacto".into(),
                    names: labels(&[
                        ("es", "Impacto en la convivencia"),
                        ("en", "Impact on coexistence"),
                        ("ar", "الأثر على العيش المشترك"),
                    ]),
                    weight: 30,
                },
                Criterion {
                    code: "viabilidad".into(),
                    names: labels(&[
                        ("es", "Viabilidad"),
                        ("en", "Feasibility"),
                        ("ar", "قابلية التنفيذ"),
                    ]),
                    weight: 25,
                },
                Criterion {
                    code: "participacion".into(),
                    names: labels(&[
                        ("es", "Participación migrante"),
                        ("en", "Migrant participation"),
                        ("ar", "مشاركة المهاجرين"),
                    ]),
                    weight: 25,
                },
                Criterion {
                    code: "sostenibilidad".into(),
                    names: labels(&[
                        ("es", "Sostenibilidad"),
                        ("en", "Sustainability"),
                        ("ar", "الاستدامة"),
                    ]),
                    weight: 20,
                },
            ],
            scale_max: 5,
            public_vote_weight: 20,
            minimum_score: 6000,
            tie_break: vec![
                TieBreak::Jury,
                TieBreak::Public,
                TieBreak::Earlier,
                TieBreak::Lot,
            ],
            lot_seed: format!("idpac-{year}"),
            anonymous_jurors: true,
        },
        min_migrant_members: 1,
        categories: vec![
            category(
                "cultura",
                &[
                    ("es", "Cultura y artes"),
                    ("en", "Culture and arts"),
                    ("ar", "الثقافة والفنون"),
                ],
                6_000_000,
            ),
            category(
                "gastronomia",
                &[("es", "Gastronomía"), ("en", "Food"), ("ar", "فنون الطهي")],
                5_000_000,
            ),
            category(
                "emprendimiento",
                &[
                    ("es", "Iniciativas productivas"),
                    ("en", "Productive initiatives"),
                    ("ar", "مبادرات إنتاجية"),
                ],
                8_000_000,
            ),
            category(
                "inclusion",
                &[
                    ("es", "Inclusión social"),
                    ("en", "Social inclusion"),
                    ("ar", "الإدماج الاجتماعي"),
                ],
                6_000_000,
            ),
        ],
        documents: vec![
            DocumentRequirement {
                code: "identidad".into(),
                names: labels(&[
                    (
                        "es",
                        "Documento de identidad de quien postula (pasaporte, PPT, PEP, cédula)",
                    ),
                    (
                        "en",
                        "The applicant's identity document (passport, PPT, PEP, ID card)",
                    ),
                    ("ar", "وثيقة هوية مقدّم الطلب"),
                ]),
                applicant_types: ApplicantType::ALL.to_vec(),
            },
            DocumentRequirement {
                code: "carta-grupo".into(),
                names: labels(&[
                    (
                        "es",
                        "Carta de conformación del grupo, firmada por sus integrantes",
                    ),
                    ("en", "The group's letter, signed by its members"),
                    ("ar", "رسالة تأسيس المجموعة موقّعة من أعضائها"),
                ]),
                applicant_types: vec![ApplicantType::Group, ApplicantType::Organization],
            },
            DocumentRequirement {
                code: "existencia".into(),
                names: labels(&[
                    ("es", "Certificado de existencia y representación legal"),
                    ("en", "Certificate of legal existence and representation"),
                    ("ar", "شهادة الوجود والتمثيل القانوني"),
                ]),
                applicant_types: vec![ApplicantType::RegisteredOrganization],
            },
        ],
    }
}

fn category(code: &str, names: &[(&str, &str)], incentive: i64) -> NewCategory {
    NewCategory {
        code: code.into(),
        names: labels(names),
        awards: 3,
        reserve: 2,
        incentive,
    }
}

/// A small, valid one-page PDF saying `text` (ASCII): what the demo's applicants upload.
pub fn demo_pdf(text: &str) -> Vec<u8> {
    let text: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == ' ' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let content = format!("BT /F1 14 Tf 60 760 Td ({text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (n, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", n + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

const FIRST: [&str; 24] = [
    "Yusmary",
    "Carlos",
    "Daniela",
    "José",
    "Andreína",
    "Luis",
    "Marisol",
    "Jhonatan",
    "Génesis",
    "Wilmer",
    "Rosa",
    "Kelvin",
    "María",
    "Yorman",
    "Luisa",
    "Pedro",
    "Oriana",
    "Edgar",
    "Yeimy",
    "Ramón",
    "Nathaly",
    "Frank",
    "Dayana",
    "Óscar",
];
pub(super) const LAST: [&str; 20] = [
    "Pérez",
    "Rodríguez",
    "González",
    "Hernández",
    "Rojas",
    "Medina",
    "Castillo",
    "Guerrero",
    "Romero",
    "Suárez",
    "Mendoza",
    "Torres",
    "Díaz",
    "Moreno",
    "Silva",
    "Castro",
    "Ortiz",
    "Ramírez",
    "Vargas",
    "Parra",
];
const PROJECTS: [[&str; 5]; 4] = [
    [
        "Joropo en el parque",
        "Murales del encuentro",
        "Teatro de dos orillas",
        "Coro Panas",
        "Cine foro migrante",
    ],
    [
        "Arepas y tamales",
        "Sancocho de los domingos",
        "Cocina de abuelas",
        "Mercado de sabores",
        "Panadería compartida",
    ],
    [
        "Taller de costura",
        "Barbería escuela",
        "Huerta urbana",
        "Reparación de celulares",
        "Tienda solidaria",
    ],
    [
        "Tareas en red",
        "Fútbol sin fronteras",
        "Acompañamiento a madres",
        "Ruta de derechos",
        "Biblioteca viajera",
    ],
];
pub(super) const LOCALITIES: [&str; 6] = [
    "Kennedy",
    "Suba",
    "Bosa",
    "Engativá",
    "Ciudad Bolívar",
    "Los Mártires",
];

pub(super) fn name(n: usize) -> String {
    format!(
        "{} {}",
        FIRST[n % FIRST.len()],
        LAST[(n * 7 + 3) % LAST.len()]
    )
}

/// Applicant `n`'s form: its type, category, people (a migrant among them, some hosts).
pub(super) fn form(n: usize, call: &Call) -> ApplicationForm {
    let kind = match n % 8 {
        0..=2 => ApplicantType::Individual,
        3..=5 => ApplicantType::Group,
        6 => ApplicantType::Organization,
        _ => ApplicantType::RegisteredOrganization,
    };
    let category = n % call.categories.len();
    let people = match kind {
        ApplicantType::Individual => 2,
        ApplicantType::Group => 3 + n % 4,
        _ => 2 + n % 3,
    };
    let place = LOCALITIES[n % LOCALITIES.len()];
    let project = PROJECTS[category][(n / 4) % 5];
    ApplicationForm {
        category: call.categories[category].code.clone(),
        applicant_type: kind.code().into(),
        title: format!("{project} — {place}"),
        summary: format!(
            "{project} reúne a familias venezolanas, colombianas retornadas y vecinas de {place}. \
             Durante seis meses haremos encuentros abiertos cada semana y una muestra final en el salón comunal."
        ),
        organization_name: if matches!(
            kind,
            ApplicantType::Organization | ApplicantType::RegisteredOrganization
        ) {
            format!("Colectivo {project}")
        } else {
            String::new()
        },
        legal_id: if kind == ApplicantType::RegisteredOrganization {
            format!("901.{:03}.{:03}-{}", n * 13 % 1000, n * 29 % 1000, n % 10)
        } else {
            String::new()
        },
        email: if n.is_multiple_of(3) {
            format!("postulante{n}@example.org")
        } else {
            String::new()
        },
        members: (0..people)
            .map(|p| MemberForm {
                name: name(n * 5 + p),
                document: format!(
                    "{} {}",
                    ["PPT", "Pasaporte", "PEP", "CC"][(n + p) % 4],
                    4_000_000 + n * 97 + p
                ),
                migrant: (p == 0 || (n + p).is_multiple_of(3)).then(|| "on".into()),
            })
            .collect(),
    }
}

/// What happens to applicant `n` at the document check.
pub(super) enum Check {
    Accept,
    /// Asked to fix; `true` if they do.
    Fix(bool),
    Refuse,
}

pub(super) fn check_of(n: usize) -> Check {
    match n % 20 {
        5 => Check::Fix(true),
        13 => Check::Fix(n % 40 == 13),
        17 if n < 80 => Check::Refuse,
        _ => Check::Accept,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_pdf_is_one_voz_accepts() {
        let pdf = demo_pdf("identidad Arepas y tamales — Kennedy");
        assert_eq!(voz_app::platform::files::pdf::check_pdf(&pdf), Ok(()));
    }
}
