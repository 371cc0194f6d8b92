//! The demo conference edition: modelled on São Paulo's 2019 Municipal Conference of
//! Immigrant Policies — 8 themes, 4 regional pre-conferences, 19 free conferences, 482
//! proposals consolidated into 211 (202 proposals and 9 motions), and a 4-year plan of 80
//! actions with 131 indicators. Pure, deterministic data (a fixed-seed xorshift picks
//! which idea each event's groups wrote, in which language, and how it was merged).
//!
//! Proposals are written from per-theme base ideas (in pt-BR; the common ones also in es,
//! fr, ht, ar and en), each optionally narrowed to a target group or place; the
//! systematization team merges the proposals of one idea and one target group into one
//! consolidated item, and letters to other governments into motions.

// The plan (`Demo::plan`, `Action`, `Indicator`) and `Event::slug` are read by the plan and
// plenary loaders, which are not written yet.
#![allow(dead_code)]

pub struct Demo {
    pub themes: Vec<Theme>,
    pub events: Vec<Event>,
    pub proposals: Vec<Proposal>,
    pub consolidated: Vec<Consolidated>,
    pub plan: Vec<Action>,
}

/// (language, name) for "pt-BR" (first: the original), "es", "en", "fr", "ht", "ar".
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub names: Vec<(&'static str, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    PreConference,
    FreeConference,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub kind: EventKind,
    pub slug: String,
    pub name: String,
    pub organizer: String,
    pub place: Option<String>,
    pub online_link: Option<String>,
    pub date: (u16, u8, u8),
    pub expected_audience: u32,
    pub languages: Vec<&'static str>,
    pub participants: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Fate {
    Into(Vec<usize>),
    OutOfScope,
    Withdrawn,
    Hidden,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub event: usize,
    pub theme: usize,
    pub level: &'static str,
    pub language: &'static str,
    pub title: String,
    pub body: String,
    pub supports: u32,
    pub fate: Fate,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Consolidated {
    pub theme: usize,
    pub motion: bool,
    pub title: String,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    pub title: String,
    pub responsible: String,
    pub from: Vec<usize>,
    pub indicators: Vec<Indicator>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    pub name: String,
    pub baseline: f64,
    pub unit: String,
    pub targets: Vec<(u16, f64)>,
    pub status: &'static str,
}

impl PartialEq for Demo {
    fn eq(&self, other: &Self) -> bool {
        self.themes == other.themes
            && self.events == other.events
            && self.proposals == other.proposals
            && self.consolidated == other.consolidated
            && self.plan == other.plan
    }
}

impl std::fmt::Debug for Demo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Demo")
            .field("events", &self.events.len())
            .field("proposals", &self.proposals.len())
            .field("consolidated", &self.consolidated.len())
            .field("plan", &self.plan.len())
            .finish()
    }
}

// ---------------------------------------------------------------------------------------
// Languages, themes, qualifiers
// ---------------------------------------------------------------------------------------

const PT: &str = "pt-BR";
/// The six languages, in the order of `THEMES`, `QUALIFIERS` and the body templates.
const LANGS: [&str; 6] = ["pt-BR", "es", "en", "fr", "ht", "ar"];
/// The order of `Idea::tr`.
const TR_LANGS: [&str; 5] = ["es", "fr", "ht", "ar", "en"];

const NON_MOTION_ITEMS: usize = 202;
const MOTIONS_COUNT: usize = 9;
const ACTIONS_PER_THEME: usize = 10;
const INTO_TWO_MAX: usize = 25;

fn lang_index(lang: &str) -> usize {
    LANGS
        .iter()
        .position(|l| *l == lang)
        .expect("known language")
}

fn tr_index(lang: &str) -> usize {
    TR_LANGS
        .iter()
        .position(|l| *l == lang)
        .expect("translated language")
}

const THEMES: [[&str; 6]; 8] = [
    [
        "Participação social e protagonismo imigrante",
        "Participación social y protagonismo migrante",
        "Social participation and migrant leadership",
        "Participation sociale et protagonisme des personnes immigrées",
        "Patisipasyon sosyal ak lidèchip imigran yo",
        "المشاركة الاجتماعية وريادة المهاجرين",
    ],
    [
        "Assistência social e habitação",
        "Asistencia social y vivienda",
        "Social assistance and housing",
        "Aide sociale et logement",
        "Asistans sosyal ak lojman",
        "المساعدة الاجتماعية والسكن",
    ],
    [
        "Diversidade cultural",
        "Diversidad cultural",
        "Cultural diversity",
        "Diversité culturelle",
        "Divèsite kiltirèl",
        "التنوع الثقافي",
    ],
    [
        "Direitos humanos e combate à xenofobia, ao racismo e à intolerância religiosa",
        "Derechos humanos y lucha contra la xenofobia, el racismo y la intolerancia religiosa",
        "Human rights and fighting xenophobia, racism and religious intolerance",
        "Droits humains et lutte contre la xénophobie, le racisme et l'intolérance religieuse",
        "Dwa moun ak batay kont ksenofobi, rasis ak entolerans relijye",
        "حقوق الإنسان ومكافحة كراهية الأجانب والعنصرية والتعصب الديني",
    ],
    [
        "Mulheres e população LGBTI+",
        "Mujeres y población LGBTI+",
        "Women and LGBTI+ people",
        "Femmes et personnes LGBTI+",
        "Fanm ak moun LGBTI+",
        "النساء وأفراد مجتمع الميم (LGBTI+)",
    ],
    [
        "Trabalho decente, geração de renda e capacitação profissional",
        "Trabajo decente, generación de ingresos y capacitación profesional",
        "Decent work, income and training",
        "Travail décent, revenus et formation professionnelle",
        "Travay desan, revni ak fòmasyon pwofesyonèl",
        "العمل اللائق وتوليد الدخل والتدريب المهني",
    ],
    [
        "Educação, ensino de português e interculturalidade",
        "Educación, enseñanza de portugués e interculturalidad",
        "Education, Portuguese teaching and interculturality",
        "Éducation, enseignement du portugais et interculturalité",
        "Edikasyon, ansèyman pòtigè ak entèkiltiralite",
        "التعليم وتدريس اللغة البرتغالية والتعددية الثقافية",
    ],
    [
        "Saúde, lazer e esporte",
        "Salud, ocio y deporte",
        "Health, leisure and sport",
        "Santé, loisirs et sport",
        "Sante, lwazi ak espò",
        "الصحة والترفيه والرياضة",
    ],
];

/// Target groups or places a proposal may be narrowed to (variant 1..=6; 0 is none).
const QUALIFIERS: [[&str; 6]; 6] = [
    [
        "com foco nas mulheres imigrantes",
        "con enfoque en las mujeres inmigrantes",
        "focusing on immigrant women",
        "en priorité pour les femmes immigrées",
        "sitou pou fanm imigran yo",
        "مع التركيز على النساء المهاجرات",
    ],
    [
        "com atenção a crianças e adolescentes",
        "con atención a niñas, niños y adolescentes",
        "with attention to children and teenagers",
        "avec une attention aux enfants et aux adolescents",
        "ak atansyon espesyal pou timoun ak adolesan",
        "مع الاهتمام بالأطفال والمراهقين",
    ],
    [
        "priorizando as periferias da cidade",
        "priorizando las periferias de la ciudad",
        "prioritising the city's outskirts",
        "en priorité dans les quartiers périphériques",
        "an priyorite nan katye periferik yo",
        "مع إعطاء الأولوية لأطراف المدينة",
    ],
    [
        "com atendimento em vários idiomas",
        "con atención en varios idiomas",
        "with services in several languages",
        "avec un accueil en plusieurs langues",
        "ak sèvis nan plizyè lang",
        "مع تقديم الخدمة بعدة لغات",
    ],
    [
        "com participação das comunidades imigrantes",
        "con participación de las comunidades migrantes",
        "with the participation of immigrant communities",
        "avec la participation des communautés immigrées",
        "ak patisipasyon kominote imigran yo",
        "بمشاركة مجتمعات المهاجرين",
    ],
    [
        "incluindo pessoas refugiadas e apátridas",
        "incluyendo a personas refugiadas y apátridas",
        "including refugees and stateless people",
        "y compris les personnes réfugiées et apatrides",
        "enkli moun ki refijye ak moun ki san nasyonalite",
        "بما يشمل اللاجئين وعديمي الجنسية",
    ],
];

/// What the consolidated item says about the people a variant is aimed at.
const PUBLICS: [&str; 7] = [
    "toda a população imigrante da cidade",
    "mulheres imigrantes",
    "crianças e adolescentes imigrantes e suas famílias",
    "imigrantes que vivem nas periferias (zonas Norte, Sul e Leste)",
    "imigrantes que ainda não dominam o português",
    "comunidades e organizações de imigrantes",
    "pessoas refugiadas, solicitantes de refúgio e apátridas",
];

/// (municipal, state, federal) in each language.
const LEVEL_NAMES: [[&str; 3]; 6] = [
    ["municipal", "estadual", "federal"],
    ["municipal", "estatal", "federal"],
    ["municipal", "state", "federal"],
    ["municipal", "de l'État", "fédéral"],
    ["minisipal", "eta", "federal"],
    ["بلدي", "على مستوى الولاية", "اتحادي"],
];

/// (proposal, theme, level) labels of a proposal body, in each language.
const LABELS: [[&str; 3]; 6] = [
    ["Proposta", "Eixo", "Esfera"],
    ["Propuesta", "Eje", "Nivel"],
    ["Proposal", "Theme", "Level"],
    ["Proposition", "Axe", "Niveau"],
    ["Pwopozisyon", "Tèm", "Nivo"],
    ["المقترح", "المحور", "المستوى"],
];

/// What the groups said, for proposals written in each language.
const CONTEXTS: [[&str; 3]; 6] = [
    [
        "Na nossa comunidade, muitas pessoas não conhecem esse direito ou não conseguem acessá-lo por falta de informação no seu idioma.",
        "O grupo relatou situações concretas de discriminação e de atendimento inadequado nos serviços da região.",
        "É uma reivindicação antiga das famílias imigrantes da região, discutida em várias reuniões antes da conferência.",
    ],
    [
        "En nuestra comunidad muchas personas no conocen este derecho o no consiguen acceder a él por falta de información en su idioma.",
        "Las personas participantes relataron situaciones concretas de discriminación y de atención inadecuada.",
        "Es una demanda antigua de las familias inmigrantes de la región, discutida en varias reuniones antes de la conferencia.",
    ],
    [
        "Many people in our community do not know about this right or cannot access it because there is no information in their language.",
        "Participants described concrete situations of discrimination and inadequate service.",
        "This is a long-standing demand of immigrant families in the area, discussed at several meetings before the conference.",
    ],
    [
        "Dans notre communauté, beaucoup de personnes ne connaissent pas ce droit ou n'y ont pas accès faute d'information dans leur langue.",
        "Les participantes et participants ont raconté des situations concrètes de discrimination et d'accueil inadapté.",
        "C'est une demande ancienne des familles immigrées du quartier, discutée lors de plusieurs réunions avant la conférence.",
    ],
    [
        "Nan kominote nou an, anpil moun pa konnen dwa sa a oswa yo pa rive jwenn li paske pa gen enfòmasyon nan lang yo.",
        "Moun ki te patisipe yo rakonte ka diskriminasyon ak move resepsyon yo te viv nan sèvis piblik yo.",
        "Se yon demann fanmi imigran nan zòn nan genyen depi lontan, nou te diskite l nan plizyè reyinyon anvan konferans lan.",
    ],
    [
        "كثير من أفراد مجتمعنا لا يعرفون هذا الحق أو لا يستطيعون الوصول إليه بسبب غياب المعلومات بلغتهم.",
        "روى المشاركون مواقف ملموسة من التمييز وسوء الاستقبال في الخدمات العامة.",
        "هذا مطلب قديم لعائلات المهاجرين في المنطقة، وقد نوقش في عدة اجتماعات قبل المؤتمر.",
    ],
];

// ---------------------------------------------------------------------------------------
// Base ideas
// ---------------------------------------------------------------------------------------

/// (name, unit, baseline, target for 2023).
type Ind = (&'static str, &'static str, f64, f64);

#[derive(Clone, Copy)]
struct Idea {
    /// The proposal title in pt-BR.
    pt: &'static str,
    /// Why: the problem, in pt-BR (proposal and consolidated bodies).
    why: &'static str,
    /// The title in es, fr, ht, ar, en (`TR_LANGS`); "" where not translated.
    tr: [&'static str; 5],
    level: &'static str,
    /// A motion idea: its proposals are merged into this motion (0..9).
    motion: Option<usize>,
    /// The motion some of this idea's proposals also feed.
    link: Option<usize>,
    resp: &'static str,
    action: &'static str,
    ind: Ind,
    /// The only variants that make sense, where the keyword rules in `variants_for` do not do.
    only: Option<&'static [usize]>,
}

const fn idea(
    pt: &'static str,
    why: &'static str,
    resp: &'static str,
    action: &'static str,
    ind: Ind,
) -> Idea {
    Idea {
        pt,
        why,
        tr: [""; 5],
        level: "municipal",
        motion: None,
        link: None,
        resp,
        action,
        ind,
        only: None,
    }
}

const fn motion(n: usize, level: &'static str, pt: &'static str, why: &'static str) -> Idea {
    Idea {
        pt,
        why,
        tr: [""; 5],
        level,
        motion: Some(n),
        link: None,
        resp: "",
        action: "",
        ind: ("", "", 0.0, 0.0),
        only: None,
    }
}

impl Idea {
    const fn only(self, variants: &'static [usize]) -> Self {
        Idea {
            only: Some(variants),
            ..self
        }
    }

    const fn tr(self, tr: [&'static str; 5]) -> Self {
        Idea { tr, ..self }
    }

    const fn link(self, m: usize) -> Self {
        Idea {
            link: Some(m),
            ..self
        }
    }
}

const DH: &str = "SMDHC – Secretaria Municipal de Direitos Humanos e Cidadania";
const DH_MIG: &str =
    "SMDHC – Coordenação de Políticas para Migrantes e Promoção do Trabalho Decente";
const DH_MUL: &str = "SMDHC – Coordenação de Políticas para as Mulheres";
const DH_LGBT: &str = "SMDHC – Coordenação de Políticas para LGBTI";
const SME: &str = "SME – Secretaria Municipal de Educação";
const SMS: &str = "SMS – Secretaria Municipal da Saúde";
const SMADS: &str = "SMADS – Secretaria Municipal de Assistência e Desenvolvimento Social";
const SMDET: &str = "SMDET – Secretaria Municipal de Desenvolvimento Econômico e Trabalho";
const SMC: &str = "SMC – Secretaria Municipal de Cultura";
const SEHAB: &str = "SEHAB – Secretaria Municipal de Habitação";
const SMSU: &str = "SMSU – Secretaria Municipal de Segurança Urbana";
const SMSUB: &str = "SMSUB – Secretaria Municipal das Subprefeituras";
const SEME: &str = "SEME – Secretaria Municipal de Esportes e Lazer";
const SMIT: &str = "SMIT – Secretaria Municipal de Inovação e Tecnologia";
const SECOM: &str = "SECOM – Secretaria Especial de Comunicação";
const SGM: &str = "SGM – Secretaria de Governo Municipal";
const SMPED: &str = "SMPED – Secretaria Municipal da Pessoa com Deficiência";

const T0: &[Idea] = &[
    idea(
        "Fortalecer o Conselho Municipal de Imigrantes com orçamento próprio e estrutura de apoio",
        "O conselho existe desde 2018, mas conselheiras e conselheiros não contam com recursos para transporte, tradução e divulgação das reuniões.",
        DH_MIG,
        "Estruturar o Conselho Municipal de Imigrantes com secretaria executiva, orçamento e apoio de tradução",
        ("Reuniões ordinárias do conselho realizadas com quórum", "reuniões por ano", 6.0, 12.0),
    )
    .tr([
        "Fortalecer el Consejo Municipal de Inmigrantes con presupuesto propio y estructura de apoyo",
        "Renforcer le Conseil municipal des immigrés avec un budget propre et une structure d'appui",
        "Ranfòse Konsèy Minisipal Imigran yo ak yon bidjè pa l ak yon estrikti sipò",
        "تعزيز المجلس البلدي للمهاجرين بميزانية خاصة وهيكل دعم",
        "Strengthen the Municipal Immigrants' Council with its own budget and support staff",
    ]),
    idea(
        "Garantir intérpretes nas audiências públicas e nas reuniões dos conselhos municipais",
        "Sem interpretação, quem não domina o português fica de fora das audiências e dos conselhos, mesmo quando o tema é a própria comunidade.",
        DH_MIG,
        "Oferecer interpretação nas audiências públicas e nos conselhos municipais",
        ("Audiências públicas municipais com interpretação disponível", "%", 5.0, 60.0),
    )
    .tr([
        "Garantizar intérpretes en las audiencias públicas y en las reuniones de los consejos municipales",
        "Garantir des interprètes dans les audiences publiques et les réunions des conseils municipaux",
        "Garanti gen entèprèt nan odyans piblik yo ak nan reyinyon konsèy minisipal yo",
        "ضمان وجود مترجمين فوريين في جلسات الاستماع العامة واجتماعات المجالس البلدية",
        "Provide interpreters at public hearings and municipal council meetings",
    ]),
    idea(
        "Criar um programa de formação política e cidadã para lideranças imigrantes",
        "As comunidades têm lideranças ativas, mas poucas conhecem o funcionamento da administração pública, do orçamento e dos espaços de participação.",
        DH_MIG,
        "Realizar o curso de formação política e cidadã para lideranças imigrantes",
        ("Lideranças imigrantes formadas", "pessoas", 0.0, 400.0),
    )
    .tr([
        "Crear un programa de formación política y ciudadana para líderes inmigrantes",
        "Créer un programme de formation politique et citoyenne pour les leaders immigrés",
        "Kreye yon pwogram fòmasyon politik ak sitwayen pou lidè imigran yo",
        "إنشاء برنامج للتكوين السياسي والمدني لقيادات المهاجرين",
        "Create a civic and political training programme for immigrant leaders",
    ]),
    idea(
        "Apoiar a formalização de associações e coletivos de imigrantes",
        "Muitos coletivos não conseguem receber recursos nem firmar parcerias porque não têm CNPJ, estatuto ou contabilidade.",
        DH_MIG,
        "Criar um serviço de apoio à formalização de associações de imigrantes",
        ("Associações de imigrantes formalizadas com apoio da Prefeitura", "associações", 0.0, 40.0),
    )
    .tr([
        "Apoyar la formalización de asociaciones y colectivos de inmigrantes",
        "Soutenir la formalisation des associations et collectifs d'immigrés",
        "Ede asosyasyon ak kolektif imigran yo vin fòmèl",
        "دعم التسجيل الرسمي لجمعيات المهاجرين ومجموعاتهم",
        "Help immigrant associations and collectives to register formally",
    ]),
    idea(
        "Abrir editais de fomento para projetos de organizações de imigrantes",
        "As organizações de imigrantes raramente conseguem competir nos editais gerais, que exigem experiência prévia e documentação extensa.",
        DH_MIG,
        "Lançar edital anual de fomento a projetos de organizações de imigrantes",
        ("Projetos de organizações de imigrantes apoiados", "projetos", 0.0, 60.0),
    )
    .tr([
        "Abrir convocatorias de financiamiento para proyectos de organizaciones de inmigrantes",
        "Lancer des appels à projets pour financer les organisations d'immigrés",
        "Louvri apèl pou finanse pwojè òganizasyon imigran yo",
        "فتح دعوات تمويل لمشاريع منظمات المهاجرين",
        "Open funding calls for projects by immigrant organisations",
    ]),
    idea(
        "Divulgar as eleições do Conselho Municipal de Imigrantes em vários idiomas",
        "Na última eleição do conselho, muitas pessoas não souberam que podiam votar nem onde ficavam as urnas.",
        DH_MIG,
        "Fazer campanha multilíngue para as eleições do Conselho Municipal de Imigrantes",
        ("Votantes na eleição do conselho", "pessoas", 1200.0, 4000.0),
    )
    .tr([
        "Difundir las elecciones del Consejo Municipal de Inmigrantes en varios idiomas",
        "Faire connaître les élections du Conseil municipal des immigrés en plusieurs langues",
        "Fè piblisite eleksyon Konsèy Minisipal Imigran yo nan plizyè lang",
        "التعريف بانتخابات المجلس البلدي للمهاجرين بعدة لغات",
        "Publicise the Municipal Immigrants' Council elections in several languages",
    ])
    .link(0),
    idea(
        "Criar uma ajuda de custo para transporte e alimentação de conselheiros imigrantes",
        "Conselheiras e conselheiros imigrantes gastam do próprio bolso para participar, o que afasta quem trabalha por diária.",
        DH_MIG,
        "Instituir ajuda de custo para conselheiros imigrantes",
        ("Conselheiros imigrantes que recebem ajuda de custo", "%", 0.0, 100.0),
    )
    .only(&[0, 1, 3]),
    idea(
        "Ampliar as vagas de conselheiros imigrantes nos conselhos participativos das subprefeituras",
        "Os conselhos participativos têm vaga para imigrantes em poucas subprefeituras, e as eleições são pouco divulgadas nas comunidades.",
        SMSUB,
        "Ampliar e divulgar as vagas de conselheiros imigrantes nos conselhos participativos",
        ("Subprefeituras com conselheiro imigrante eleito", "subprefeituras", 12.0, 32.0),
    )
    .link(0),
    idea(
        "Realizar pré-conferências em todas as regiões da cidade a cada edição da conferência",
        "As comunidades das periferias têm dificuldade de chegar ao centro para participar das etapas da conferência.",
        DH_MIG,
        "Realizar pré-conferências regionais em todas as macrorregiões",
        ("Pré-conferências regionais realizadas por edição", "encontros", 4.0, 8.0),
    )
    .only(&[0, 1, 4, 6]),
    idea(
        "Publicar relatórios anuais de monitoramento da política municipal para imigrantes",
        "Sem relatórios públicos, as comunidades não sabem o que foi feito com as propostas aprovadas nas conferências anteriores.",
        DH_MIG,
        "Publicar relatório anual de monitoramento do Plano Municipal de Políticas para Imigrantes",
        ("Relatórios anuais de monitoramento publicados", "relatórios", 0.0, 4.0),
    )
    .only(&[0, 4, 5]),
    idea(
        "Incluir o campo de nacionalidade nos cadastros municipais para produzir dados sobre imigrantes",
        "A Prefeitura não sabe quantos imigrantes atende em cada serviço, o que dificulta planejar vagas e intérpretes.",
        SMIT,
        "Incluir nacionalidade e idioma nos cadastros dos serviços municipais",
        ("Sistemas municipais com campo de nacionalidade", "sistemas", 2.0, 12.0),
    )
    .only(&[0, 6]),
    idea(
        "Criar comitês regionais de imigrantes nas subprefeituras com maior presença imigrante",
        "Os problemas do dia a dia são locais e precisam de um espaço de diálogo perto de onde as pessoas moram.",
        SMSUB,
        "Instalar comitês regionais de imigrantes nas subprefeituras prioritárias",
        ("Comitês regionais de imigrantes em funcionamento", "comitês", 0.0, 8.0),
    ),
    idea(
        "Traduzir o portal da Prefeitura e a central SP156 para os idiomas das comunidades",
        "As informações sobre serviços estão quase todas só em português, e o atendimento telefônico não tem outros idiomas.",
        SMIT,
        "Traduzir os serviços mais procurados do portal e do SP156",
        ("Serviços do portal com versão nos seis idiomas", "%", 3.0, 50.0),
    ),
    idea(
        "Garantir a participação de imigrantes nas audiências do orçamento e do Programa de Metas",
        "As audiências do orçamento decidem recursos para os serviços que as comunidades usam, mas quase nenhum imigrante participa.",
        SGM,
        "Mobilizar comunidades imigrantes para as audiências do orçamento e do Programa de Metas",
        ("Imigrantes presentes nas audiências do orçamento", "pessoas", 50.0, 600.0),
    ),
    idea(
        "Contratar agentes comunitários imigrantes de cidadania nas regiões",
        "Pessoas das próprias comunidades conseguem levar informação e orientar vizinhos com mais confiança do que folhetos.",
        DH_MIG,
        "Contratar agentes comunitários de cidadania imigrantes",
        ("Agentes de cidadania imigrantes em atuação", "agentes", 0.0, 32.0),
    ),
    idea(
        "Oferecer espaço infantil nas atividades de participação social",
        "Muitas mães imigrantes deixam de participar das reuniões porque não têm com quem deixar os filhos.",
        DH_MIG,
        "Garantir espaço de recreação infantil nas atividades participativas",
        ("Atividades participativas com espaço infantil", "%", 10.0, 90.0),
    )
    .only(&[0, 1, 3]),
    idea(
        "Reconhecer lideranças imigrantes com um prêmio municipal de direitos humanos",
        "O trabalho voluntário das lideranças imigrantes sustenta boa parte do acolhimento na cidade e raramente é reconhecido.",
        DH,
        "Incluir a categoria imigrante no Prêmio Municipal de Direitos Humanos",
        ("Lideranças imigrantes premiadas", "pessoas", 0.0, 16.0),
    )
    .only(&[0, 1, 3, 6]),
    motion(
        0,
        "federal",
        "Defender o direito de voto das pessoas imigrantes nas eleições municipais",
        "Imigrantes pagam impostos e usam os serviços da cidade, mas não podem escolher quem governa.",
    )
    .tr([
        "Defender el derecho al voto de las personas inmigrantes en las elecciones municipales",
        "Défendre le droit de vote des personnes immigrées aux élections municipales",
        "Defann dwa vòt imigran yo nan eleksyon minisipal yo",
        "الدفاع عن حق المهاجرين في التصويت في الانتخابات البلدية",
        "Defend immigrants' right to vote in municipal elections",
    ]),
    motion(
        1,
        "federal",
        "Revisar o decreto que regulamenta a Lei de Migração para garantir os direitos previstos na lei",
        "O decreto de regulamentação criou exigências que não estão na Lei de Migração e dificultam o acesso a direitos.",
    )
    .tr([
        "Revisar el decreto que reglamenta la Ley de Migración para garantizar los derechos previstos en la ley",
        "Réviser le décret d'application de la loi sur les migrations pour garantir les droits qu'elle prévoit",
        "Revize dekrè ki aplike Lwa sou Migrasyon an pou garanti dwa lwa a bay yo",
        "مراجعة المرسوم التنفيذي لقانون الهجرة لضمان الحقوق التي ينص عليها القانون",
        "Revise the decree regulating the Migration Law so that the rights in the law are guaranteed",
    ]),
    motion(
        8,
        "state",
        "Criar uma política estadual para migrantes com conselho estadual participativo",
        "Saúde hospitalar, segurança e ensino médio dependem do governo do estado, que não tem uma política para migrantes construída com as comunidades.",
    )
    .tr([
        "Crear una política estatal para migrantes con un consejo estatal participativo",
        "Créer une politique de l'État de São Paulo pour les migrants avec un conseil participatif",
        "Kreye yon politik Eta São Paulo pou migran yo ak yon konsèy patisipatif",
        "وضع سياسة على مستوى الولاية للمهاجرين مع مجلس تشاركي",
        "Create a state policy for migrants with a participatory state council",
    ]),
];

const T1: &[Idea] = &[
    idea(
        "Ampliar as vagas em centros de acolhida especializados para imigrantes",
        "Os centros de acolhida especializados estão sempre lotados, e quem chega fica dias em centros gerais sem intérprete.",
        SMADS,
        "Ampliar as vagas dos centros de acolhida especializados para imigrantes",
        ("Vagas em centros de acolhida especializados para imigrantes", "vagas", 1100.0, 1600.0),
    )
    .tr([
        "Ampliar las plazas en centros de acogida especializados para inmigrantes",
        "Augmenter les places dans les centres d'accueil spécialisés pour immigrés",
        "Ogmante plas nan sant akèy espesyalize pou imigran yo",
        "زيادة الأماكن في مراكز الإيواء المتخصصة للمهاجرين",
        "Increase places in specialised shelters for immigrants",
    ]),
    idea(
        "Criar centros de acolhida para famílias imigrantes sem separar pais e filhos",
        "Famílias que chegam juntas são separadas entre centros masculinos e femininos, o que causa sofrimento e insegurança.",
        SMADS,
        "Abrir centros de acolhida para famílias imigrantes",
        ("Vagas para famílias imigrantes em centros de acolhida", "vagas", 120.0, 400.0),
    )
    .tr([
        "Crear centros de acogida para familias inmigrantes sin separar a padres e hijos",
        "Créer des centres d'accueil pour familles immigrées sans séparer parents et enfants",
        "Kreye sant akèy pou fanmi imigran san yo pa separe paran ak pitit",
        "إنشاء مراكز إيواء للعائلات المهاجرة دون فصل الآباء عن الأبناء",
        "Create family shelters for immigrants without separating parents and children",
    ]),
    idea(
        "Garantir o acesso de imigrantes ao Cadastro Único e ao Bolsa Família sem exigências indevidas de documentos",
        "Alguns CRAS pedem documentos que a lei não exige, e famílias com direito ficam fora dos programas sociais.",
        SMADS,
        "Orientar a rede socioassistencial sobre os documentos aceitos no Cadastro Único",
        ("Famílias imigrantes inscritas no Cadastro Único", "famílias", 18000.0, 30000.0),
    )
    .tr([
        "Garantizar el acceso de inmigrantes al Cadastro Único y a Bolsa Família sin exigencias indebidas de documentos",
        "Garantir l'accès des immigrés au Cadastro Único et à Bolsa Família sans exigences abusives de documents",
        "Garanti imigran yo ka antre nan Cadastro Único ak Bolsa Família san yo pa mande yo papye ki pa nesesè",
        "ضمان وصول المهاجرين إلى السجل الموحد وبرنامج بولسا فاميليا دون طلب وثائق غير ضرورية",
        "Guarantee immigrants' access to the Cadastro Único and Bolsa Família without undue document demands",
    ]),
    idea(
        "Incluir imigrantes nos programas habitacionais municipais",
        "Imigrantes pagam aluguéis altos em moradias precárias e quase nunca conseguem se inscrever nos programas habitacionais.",
        SEHAB,
        "Incluir famílias imigrantes nos programas habitacionais municipais",
        ("Famílias imigrantes atendidas por programas habitacionais", "famílias", 40.0, 600.0),
    )
    .tr([
        "Incluir a los inmigrantes en los programas municipales de vivienda",
        "Inclure les immigrés dans les programmes municipaux de logement",
        "Mete imigran yo nan pwogram lojman minisipal yo",
        "إدراج المهاجرين في برامج السكن البلدية",
        "Include immigrants in municipal housing programmes",
    ]),
    idea(
        "Criar um auxílio aluguel para famílias imigrantes em situação de vulnerabilidade",
        "Sair do centro de acolhida é difícil porque não há como pagar o depósito e os primeiros meses de aluguel.",
        SEHAB,
        "Conceder auxílio aluguel a famílias imigrantes em vulnerabilidade",
        ("Famílias imigrantes com auxílio aluguel", "famílias", 60.0, 500.0),
    )
    .tr([
        "Crear un auxilio de alquiler para familias inmigrantes en situación de vulnerabilidad",
        "Créer une aide au loyer pour les familles immigrées en situation de vulnérabilité",
        "Kreye yon èd pou peye lwaye pou fanmi imigran ki nan sitiyasyon vilnerab",
        "إنشاء إعانة إيجار للعائلات المهاجرة في وضع هش",
        "Create rent assistance for immigrant families in vulnerable situations",
    ]),
    idea(
        "Capacitar as equipes dos CRAS e CREAS para atender imigrantes",
        "As equipes dos CRAS e CREAS relatam não saber orientar sobre documentos, refúgio e direitos de imigrantes.",
        SMADS,
        "Capacitar as equipes do SUAS para o atendimento a imigrantes",
        ("Trabalhadores do SUAS capacitados", "pessoas", 200.0, 2000.0),
    )
    .tr([
        "Capacitar a los equipos de los CRAS y CREAS para atender a inmigrantes",
        "Former les équipes des CRAS et CREAS à l'accueil des immigrés",
        "Fòme ekip CRAS ak CREAS yo pou yo resevwa imigran yo byen",
        "تدريب فرق مراكز CRAS وCREAS على خدمة المهاجرين",
        "Train CRAS and CREAS social assistance teams to serve immigrants",
    ]),
    idea(
        "Fiscalizar cortiços e pensões onde vivem imigrantes e combater abusos no aluguel",
        "Muitas famílias vivem em quartos superlotados, sem ventilação, pagando valores abusivos a intermediários.",
        SEHAB,
        "Vistoriar cortiços e pensões com moradores imigrantes",
        ("Imóveis encortiçados vistoriados", "imóveis", 100.0, 800.0),
    ),
    idea(
        "Oferecer orientação jurídica sobre contratos de aluguel para imigrantes",
        "Imigrantes assinam contratos que não entendem e perdem o depósito ou são despejados sem aviso.",
        DH_MIG,
        "Oferecer orientação sobre locação no CRAI e nos CRAS",
        ("Atendimentos de orientação sobre locação", "atendimentos", 0.0, 1500.0),
    ),
    idea(
        "Orientar imigrantes idosos e com deficiência sobre o acesso ao BPC nos CRAS",
        "Imigrantes idosos e com deficiência têm direito ao Benefício de Prestação Continuada, mas poucos sabem como pedir.",
        SMADS,
        "Orientar imigrantes idosos e com deficiência sobre o BPC",
        ("Pedidos de BPC de imigrantes acompanhados", "pedidos", 30.0, 400.0),
    )
    .only(&[0, 3, 4, 6]),
    idea(
        "Criar repúblicas para jovens imigrantes que deixam os serviços de acolhimento",
        "Ao completar 18 anos, jovens imigrantes saem dos abrigos sem família na cidade e sem lugar para morar.",
        SMADS,
        "Abrir vagas em repúblicas para jovens imigrantes",
        ("Vagas em repúblicas para jovens imigrantes", "vagas", 0.0, 60.0),
    ),
    idea(
        "Contratar mediadores culturais para os centros de acolhida",
        "Conflitos nos centros de acolhida muitas vezes nascem de mal-entendidos de idioma e de costumes.",
        SMADS,
        "Contratar mediadores culturais para os centros de acolhida",
        ("Centros de acolhida com mediador cultural", "centros", 1.0, 12.0),
    ),
    idea(
        "Apoiar movimentos de moradia com famílias imigrantes na regularização fundiária",
        "Muitas famílias imigrantes vivem em ocupações e loteamentos irregulares e temem perder a moradia.",
        SEHAB,
        "Incluir famílias imigrantes nas ações de regularização fundiária",
        ("Famílias imigrantes em áreas regularizadas", "famílias", 0.0, 800.0),
    ),
    idea(
        "Respeitar a alimentação religiosa e cultural nos centros de acolhida",
        "Pessoas muçulmanas e de outras tradições deixam de comer nos centros porque o cardápio não respeita suas restrições.",
        SMADS,
        "Adaptar os cardápios dos centros de acolhida a restrições religiosas e culturais",
        ("Centros de acolhida com cardápio adaptado", "%", 10.0, 100.0),
    ),
    idea(
        "Criar um posto de atendimento social para imigrantes recém-chegados no Terminal Rodoviário Tietê",
        "Quem chega de ônibus do Norte do país ou da fronteira não sabe onde dormir nem a quem procurar.",
        SMADS,
        "Instalar posto de atendimento a imigrantes no Terminal Rodoviário Tietê",
        ("Atendimentos no posto do Terminal Tietê", "atendimentos por ano", 0.0, 3000.0),
    ),
    idea(
        "Publicar um guia de direitos socioassistenciais em vários idiomas",
        "As famílias não sabem a que benefícios têm direito nem onde fica o CRAS mais próximo.",
        SMADS,
        "Publicar guia de direitos socioassistenciais em seis idiomas",
        ("Idiomas em que o guia está publicado", "idiomas", 1.0, 6.0),
    ),
    idea(
        "Garantir vagas de acolhida adaptadas para imigrantes idosos e com deficiência",
        "Os centros de acolhida para imigrantes não têm acessibilidade nem cuidados para pessoas idosas.",
        SMADS,
        "Adaptar vagas de acolhida para imigrantes idosos e com deficiência",
        ("Vagas acessíveis em centros para imigrantes", "vagas", 10.0, 80.0),
    )
    .only(&[0, 1, 3, 6]),
    idea(
        "Prevenir despejos de famílias imigrantes com mediação de conflitos",
        "Despejos de famílias imigrantes acontecem sem mediação e levam crianças para a rua.",
        SEHAB,
        "Incluir famílias imigrantes no serviço de mediação de conflitos fundiários",
        ("Conflitos de moradia mediados", "casos", 0.0, 150.0),
    ),
];

const T2: &[Idea] = &[
    idea(
        "Criar editais de fomento para artistas e coletivos culturais imigrantes",
        "Artistas imigrantes produzem muito, mas quase nunca são selecionados nos editais gerais de cultura.",
        SMC,
        "Criar linha de fomento para artistas e coletivos imigrantes",
        ("Projetos de artistas imigrantes contemplados", "projetos", 4.0, 80.0),
    )
    .tr([
        "Crear convocatorias de fomento para artistas y colectivos culturales inmigrantes",
        "Créer des appels à projets pour les artistes et collectifs culturels immigrés",
        "Kreye apèl pou finanse atis ak kolektif kiltirèl imigran yo",
        "إطلاق دعوات تمويل للفنانين والمجموعات الثقافية المهاجرة",
        "Create funding calls for immigrant artists and cultural collectives",
    ]),
    idea(
        "Incluir as festas das comunidades imigrantes no calendário oficial da cidade",
        "Festas como a Alasita, o Inti Raymi e o Dia da Bandeira do Haiti reúnem milhares de pessoas sem apoio oficial.",
        SMC,
        "Incluir festas das comunidades imigrantes no calendário oficial de eventos",
        ("Festas comunitárias no calendário oficial", "eventos", 3.0, 15.0),
    )
    .tr([
        "Incluir las fiestas de las comunidades inmigrantes en el calendario oficial de la ciudad",
        "Inscrire les fêtes des communautés immigrées au calendrier officiel de la ville",
        "Mete fèt kominote imigran yo nan kalandriye ofisyèl vil la",
        "إدراج احتفالات مجتمعات المهاجرين في التقويم الرسمي للمدينة",
        "Put immigrant communities' festivals on the city's official calendar",
    ]),
    idea(
        "Apoiar as feiras culturais imigrantes com infraestrutura e segurança",
        "As feiras imigrantes funcionam com barracas improvisadas, sem banheiros e com conflitos frequentes com a fiscalização.",
        SMSUB,
        "Regularizar e equipar as feiras culturais imigrantes",
        ("Feiras culturais imigrantes com permissão e estrutura", "feiras", 2.0, 10.0),
    )
    .tr([
        "Apoyar las ferias culturales inmigrantes con infraestructura y seguridad",
        "Soutenir les foires culturelles immigrées avec des infrastructures et de la sécurité",
        "Sipòte fwa kiltirèl imigran yo ak enfrastrikti ak sekirite",
        "دعم الأسواق الثقافية للمهاجرين بالبنية التحتية والأمن",
        "Support immigrant cultural fairs with infrastructure and security",
    ]),
    idea(
        "Criar um centro cultural das migrações na região central",
        "Não existe um lugar de referência onde as comunidades possam mostrar sua cultura e contar sua história.",
        SMC,
        "Implantar um centro cultural das migrações",
        ("Atividades realizadas no centro cultural das migrações", "atividades por ano", 0.0, 240.0),
    )
    .tr([
        "Crear un centro cultural de las migraciones en la región central",
        "Créer un centre culturel des migrations dans le centre-ville",
        "Kreye yon sant kiltirèl migrasyon nan sant vil la",
        "إنشاء مركز ثقافي للهجرات في وسط المدينة",
        "Create a cultural centre of migration in the city centre",
    ]),
    idea(
        "Ampliar o acervo das bibliotecas públicas nos idiomas das comunidades imigrantes",
        "Famílias imigrantes querem que os filhos leiam na língua materna, mas as bibliotecas têm poucos livros em espanhol, francês, crioulo ou árabe.",
        SMC,
        "Ampliar o acervo multilíngue das bibliotecas municipais",
        ("Títulos nos idiomas das comunidades nas bibliotecas", "títulos", 800.0, 5000.0),
    )
    .tr([
        "Ampliar el acervo de las bibliotecas públicas en los idiomas de las comunidades inmigrantes",
        "Enrichir les bibliothèques publiques d'ouvrages dans les langues des communautés immigrées",
        "Mete plis liv nan lang kominote imigran yo nan bibliyotèk piblik yo",
        "توسيع مجموعات المكتبات العامة بلغات مجتمعات المهاجرين",
        "Expand public library collections in immigrant communities' languages",
    ]),
    idea(
        "Ceder espaços dos CEUs e Casas de Cultura para ensaios de grupos imigrantes",
        "Grupos de dança e música imigrantes ensaiam em garagens e calçadas por falta de espaço.",
        SMC,
        "Ceder espaços de CEUs e Casas de Cultura para grupos imigrantes",
        ("Grupos imigrantes com espaço cedido", "grupos", 5.0, 60.0),
    )
    .tr([
        "Ceder espacios de los CEU y Casas de Cultura para los ensayos de grupos inmigrantes",
        "Prêter des salles des CEU et des Maisons de la culture aux groupes immigrés pour leurs répétitions",
        "Prete espas CEU yo ak Kay Kilti yo pou gwoup imigran yo fè repetisyon",
        "إتاحة قاعات مراكز CEU وبيوت الثقافة لتدريبات فرق المهاجرين",
        "Lend CEU and Casa de Cultura spaces for immigrant groups' rehearsals",
    ]),
    idea(
        "Levar a Mostra de Cinema das Migrações aos CEUs e centros culturais",
        "Os filmes sobre migração ficam restritos às salas do centro e não chegam às periferias.",
        SMC,
        "Circular a Mostra de Cinema das Migrações pela rede municipal",
        ("Sessões da mostra na rede municipal", "sessões", 0.0, 120.0),
    ),
    idea(
        "Registrar a história das comunidades imigrantes nos museus e arquivos municipais",
        "A história das migrações recentes não está nos museus da cidade e corre o risco de se perder.",
        SMC,
        "Criar acervo de memória das migrações recentes no Arquivo Histórico Municipal",
        ("Depoimentos e documentos incorporados ao acervo", "itens", 0.0, 500.0),
    )
    .only(&[0, 1, 3, 6]),
    idea(
        "Garantir artistas imigrantes na programação da Virada Cultural",
        "Os grandes eventos da cidade quase não incluem artistas imigrantes na programação.",
        SMC,
        "Reservar espaço para artistas imigrantes na Virada Cultural",
        ("Atrações de artistas imigrantes na Virada Cultural", "atrações", 6.0, 40.0),
    )
    .only(&[0, 1, 3, 5, 6]),
    idea(
        "Criar um programa de rádio e podcast municipal em vários idiomas",
        "Muitas pessoas se informam pelo rádio e pelo celular, e não há programas públicos nos idiomas das comunidades.",
        SECOM,
        "Produzir programa de rádio e podcast municipal multilíngue",
        ("Episódios publicados", "episódios", 0.0, 200.0),
    ),
    idea(
        "Reconhecer a culinária imigrante como patrimônio imaterial da cidade",
        "A culinária das comunidades faz parte da identidade de bairros inteiros, mas não é reconhecida oficialmente.",
        SMC,
        "Inventariar a culinária imigrante como patrimônio imaterial",
        ("Bens culinários inventariados", "bens", 0.0, 12.0),
    )
    .only(&[0, 1, 5]),
    idea(
        "Simplificar a autorização de eventos culturais imigrantes em praças e ruas",
        "A autorização de um evento na praça exige documentos e prazos que os coletivos não conseguem cumprir.",
        SMSUB,
        "Simplificar a autorização de eventos culturais comunitários em espaços públicos",
        ("Prazo médio para autorizar um evento", "dias", 45.0, 15.0),
    ),
    idea(
        "Oferecer oficinas de línguas maternas para filhos de imigrantes",
        "Crianças nascidas aqui perdem a língua dos pais e a comunicação com avós e parentes.",
        SMC,
        "Oferecer oficinas de línguas maternas em bibliotecas e Casas de Cultura",
        ("Turmas de oficinas de línguas maternas", "turmas", 0.0, 40.0),
    ),
    idea(
        "Incluir mestres da cultura imigrante nos programas Vocacional e PIÁ",
        "Mestres de dança, música e artesanato das comunidades poderiam ensinar nos programas culturais da cidade.",
        SMC,
        "Contratar artistas-orientadores imigrantes nos programas Vocacional e PIÁ",
        ("Artistas-orientadores imigrantes contratados", "pessoas", 2.0, 40.0),
    ),
    idea(
        "Criar um roteiro turístico das migrações no Bom Retiro, Brás, Pari e Liberdade",
        "Os bairros de imigração atraem visitantes, mas a renda do turismo não chega às comunidades.",
        SMDET,
        "Lançar roteiro turístico das migrações com guias imigrantes",
        ("Guias imigrantes formados para o roteiro", "pessoas", 0.0, 60.0),
    )
    .only(&[0, 1, 5]),
    idea(
        "Apoiar festivais de música e gastronomia das comunidades imigrantes",
        "Os festivais comunitários dependem de vaquinhas e não têm apoio de som, palco ou divulgação.",
        SMC,
        "Apoiar festivais comunitários de música e gastronomia",
        ("Festivais comunitários apoiados", "festivais por ano", 2.0, 20.0),
    ),
];

const T3: &[Idea] = &[
    idea(
        "Criar um canal municipal de denúncia de xenofobia e racismo",
        "Vítimas de xenofobia não sabem onde denunciar, e as denúncias feitas não têm retorno.",
        DH,
        "Criar canal municipal de denúncia de xenofobia e racismo com acompanhamento dos casos",
        ("Denúncias acompanhadas até o encerramento", "%", 0.0, 90.0),
    )
    .tr([
        "Crear un canal municipal de denuncia de xenofobia y racismo",
        "Créer un canal municipal de signalement de la xénophobie et du racisme",
        "Kreye yon liy minisipal pou denonse ksenofobi ak rasis",
        "إنشاء قناة بلدية للإبلاغ عن كراهية الأجانب والعنصرية",
        "Create a municipal channel to report xenophobia and racism",
    ])
    .link(5),
    idea(
        "Fazer campanhas permanentes contra a xenofobia e o racismo no transporte público",
        "Xingamentos e agressões contra imigrantes acontecem com frequência em ônibus, trens e terminais.",
        DH,
        "Veicular campanhas contra a xenofobia no transporte público",
        ("Campanhas veiculadas", "campanhas", 1.0, 8.0),
    )
    .tr([
        "Hacer campañas permanentes contra la xenofobia y el racismo en el transporte público",
        "Mener des campagnes permanentes contre la xénophobie et le racisme dans les transports publics",
        "Fè kanpay toutan kont ksenofobi ak rasis nan transpò piblik",
        "تنظيم حملات دائمة ضد كراهية الأجانب والعنصرية في وسائل النقل العام",
        "Run permanent campaigns against xenophobia and racism on public transport",
    ]),
    idea(
        "Capacitar a Guarda Civil Metropolitana para abordar imigrantes sem discriminação",
        "Imigrantes relatam abordagens agressivas e pedidos de documentos sem motivo por parte de agentes públicos.",
        SMSU,
        "Incluir direitos dos imigrantes na formação da Guarda Civil Metropolitana",
        ("Agentes da GCM capacitados", "agentes", 0.0, 3000.0),
    )
    .tr([
        "Capacitar a la Guardia Civil Metropolitana para abordar a inmigrantes sin discriminación",
        "Former la Garde civile métropolitaine à intervenir auprès des immigrés sans discrimination",
        "Fòme Gad Sivil Metwopoliten an pou l trete imigran yo san diskriminasyon",
        "تدريب الحرس المدني البلدي على التعامل مع المهاجرين دون تمييز",
        "Train the Metropolitan Civil Guard to deal with immigrants without discrimination",
    ]),
    idea(
        "Ampliar o CRAI e abrir unidades regionais de atendimento a imigrantes",
        "O CRAI fica no centro, e quem mora nas periferias gasta horas e dinheiro de passagem para ser atendido.",
        DH_MIG,
        "Abrir unidades regionais do CRAI",
        ("Unidades de atendimento do CRAI", "unidades", 1.0, 4.0),
    )
    .tr([
        "Ampliar el CRAI y abrir unidades regionales de atención a inmigrantes",
        "Agrandir le CRAI et ouvrir des antennes régionales d'accueil des immigrés",
        "Agrandi CRAI a epi louvri biwo rejyonal pou resevwa imigran yo",
        "توسيع مركز CRAI وفتح وحدات إقليمية لاستقبال المهاجرين",
        "Expand the CRAI and open regional service units for immigrants",
    ]),
    idea(
        "Oferecer orientação jurídica gratuita sobre regularização migratória",
        "Muitas pessoas perdem prazos ou pagam intermediários porque não entendem os procedimentos de regularização.",
        DH_MIG,
        "Oferecer orientação jurídica gratuita sobre regularização migratória com a Defensoria Pública",
        ("Atendimentos de orientação sobre regularização", "atendimentos", 3000.0, 9000.0),
    )
    .tr([
        "Ofrecer orientación jurídica gratuita sobre regularización migratoria",
        "Offrir une aide juridique gratuite sur la régularisation migratoire",
        "Bay konsèy jiridik gratis sou regilarizasyon papye imigrasyon",
        "تقديم استشارات قانونية مجانية حول تسوية الوضع القانوني للمهاجرين",
        "Offer free legal advice on migration status",
    ])
    .link(3),
    idea(
        "Aceitar o protocolo de refúgio como documento válido em todos os serviços municipais",
        "Solicitantes de refúgio têm atendimento negado porque o protocolo não é reconhecido como documento por alguns servidores.",
        DH_MIG,
        "Publicar orientação oficial reconhecendo o protocolo de refúgio em todos os serviços",
        ("Serviços municipais que aceitam o protocolo de refúgio", "%", 40.0, 100.0),
    )
    .tr([
        "Aceptar el protocolo de refugio como documento válido en todos los servicios municipales",
        "Accepter le récépissé de demande d'asile comme document valable dans tous les services municipaux",
        "Aksepte resi demann refij la kòm dokiman valab nan tout sèvis minisipal yo",
        "قبول إيصال طلب اللجوء وثيقةً صالحة في جميع الخدمات البلدية",
        "Accept the asylum request receipt as a valid document in all municipal services",
    ])
    .link(4),
    idea(
        "Realizar mutirões de documentação para imigrantes nas regiões",
        "Tirar documentos exige várias viagens e dias de trabalho perdidos; mutirões resolvem muitos casos de uma vez.",
        DH_MIG,
        "Realizar mutirões regionais de documentação com órgãos parceiros",
        ("Mutirões de documentação realizados", "mutirões por ano", 0.0, 6.0),
    )
    .tr([
        "Realizar jornadas de documentación para inmigrantes en las regiones",
        "Organiser des journées de documentation pour les immigrés dans les quartiers",
        "Òganize jounen dokimantasyon pou imigran yo nan katye yo",
        "تنظيم حملات لاستخراج الوثائق للمهاجرين في الأحياء",
        "Hold document drives for immigrants in every region",
    ])
    .link(2),
    idea(
        "Coibir a violência da fiscalização contra vendedores ambulantes imigrantes",
        "Vendedores ambulantes imigrantes têm mercadorias apreendidas com violência e sem recibo.",
        SMSU,
        "Adotar protocolo de fiscalização do comércio ambulante sem violência",
        ("Ações de fiscalização com protocolo aplicado", "%", 0.0, 100.0),
    )
    .only(&[0, 1, 3, 5]),
    idea(
        "Garantir o respeito às religiões de matriz africana e ao islã nos serviços públicos",
        "Mulheres muçulmanas e praticantes de religiões de matriz africana sofrem constrangimentos em escolas, hospitais e repartições.",
        DH,
        "Capacitar servidores sobre liberdade religiosa e combate à intolerância",
        ("Servidores capacitados em liberdade religiosa", "servidores", 0.0, 2000.0),
    ),
    idea(
        "Criar um protocolo municipal de atendimento a vítimas de tráfico de pessoas",
        "Vítimas de tráfico de pessoas e trabalho forçado não são identificadas nem encaminhadas corretamente.",
        DH,
        "Publicar e implantar protocolo municipal de atendimento a vítimas de tráfico de pessoas",
        ("Serviços com o protocolo implantado", "serviços", 0.0, 60.0),
    )
    .only(&[0, 1, 2, 4]),
    idea(
        "Capacitar os servidores municipais em direitos dos imigrantes e atendimento intercultural",
        "Servidores despreparados negam serviços por desconhecimento da lei e das regras de atendimento a imigrantes.",
        DH_MIG,
        "Ofertar curso permanente sobre direitos dos imigrantes para servidores municipais",
        ("Servidores municipais capacitados", "servidores", 1500.0, 10000.0),
    ),
    idea(
        "Criar um observatório municipal da violência xenofóbica",
        "Não existem dados sobre casos de xenofobia na cidade, o que dificulta cobrar políticas públicas.",
        DH,
        "Criar observatório municipal da violência xenofóbica",
        ("Boletins do observatório publicados", "boletins", 0.0, 8.0),
    ),
    idea(
        "Apoiar as famílias de imigrantes presos e egressos do sistema prisional",
        "Famílias de imigrantes presos ficam sem informação, sem visita e sem apoio para os filhos.",
        DH,
        "Atender famílias de imigrantes presos e egressos nos serviços de direitos humanos",
        ("Famílias atendidas", "famílias", 0.0, 300.0),
    ),
    idea(
        "Combater o racismo institucional contra imigrantes negros nos serviços públicos",
        "Imigrantes negros relatam tratamento pior que outros imigrantes nos serviços e na abordagem policial.",
        DH,
        "Incluir o recorte de imigrantes negros nas ações de promoção da igualdade racial",
        ("Ações de igualdade racial com recorte migratório", "ações", 0.0, 20.0),
    )
    .only(&[0, 1, 2, 3, 5]),
    idea(
        "Acolher crianças e adolescentes imigrantes desacompanhados com proteção integral",
        "Crianças e adolescentes que chegam sem os pais ficam em situação de risco enquanto aguardam documentação.",
        SMADS,
        "Definir fluxo de proteção para crianças e adolescentes imigrantes desacompanhados",
        ("Casos acompanhados pelo fluxo de proteção", "casos", 0.0, 200.0),
    )
    .only(&[0, 3, 4, 6]),
    idea(
        "Divulgar a Política Municipal para a População Imigrante (Lei 16.478/2016) nos serviços públicos",
        "A Lei 16.478/2016 garante direitos que muitos servidores e imigrantes ainda desconhecem.",
        DH_MIG,
        "Divulgar a Política Municipal para a População Imigrante nos equipamentos públicos",
        ("Equipamentos com material de divulgação da lei", "equipamentos", 50.0, 1000.0),
    )
    .link(8),
    motion(
        2,
        "federal",
        "Isentar imigrantes em situação de vulnerabilidade das taxas de regularização migratória",
        "As taxas de autorização de residência e da carteira de registro pesam muito para quem acabou de chegar e ainda não tem trabalho.",
    )
    .tr([
        "Eximir a los inmigrantes en situación de vulnerabilidad de las tasas de regularización migratoria",
        "Exonérer les immigrés en situation de vulnérabilité des frais de régularisation",
        "Retire frè regilarizasyon papye pou imigran ki nan sitiyasyon vilnerab",
        "إعفاء المهاجرين في وضع هش من رسوم تسوية الوضع القانوني",
        "Waive migration regularisation fees for vulnerable immigrants",
    ]),
    motion(
        3,
        "federal",
        "Ampliar o atendimento da Polícia Federal a imigrantes e acabar com a espera por agendamento",
        "A espera por um horário na Polícia Federal chega a meses, e sem documento não é possível trabalhar com carteira assinada.",
    )
    .tr([
        "Ampliar la atención de la Policía Federal a inmigrantes y acabar con la espera por turnos",
        "Élargir l'accueil des immigrés à la Police fédérale et en finir avec l'attente des rendez-vous",
        "Ogmante sèvis Polis Federal la bay imigran yo epi fini ak tan l ap pran pou jwenn randevou",
        "توسيع خدمات الشرطة الاتحادية للمهاجرين وإنهاء الانتظار الطويل للمواعيد",
        "Expand Federal Police services for immigrants and end the wait for appointments",
    ]),
    motion(
        4,
        "federal",
        "Agilizar a análise dos pedidos de refúgio pelo CONARE",
        "Solicitantes de refúgio esperam anos por uma decisão, vivendo com um protocolo que muitos serviços não aceitam.",
    )
    .tr([
        "Agilizar el análisis de las solicitudes de refugio por el CONARE",
        "Accélérer l'examen des demandes d'asile par le CONARE",
        "Akselere egzamen demann refij yo nan CONARE",
        "تسريع دراسة طلبات اللجوء من قبل اللجنة الوطنية للاجئين (CONARE)",
        "Speed up CONARE's decisions on asylum requests",
    ]),
    motion(
        5,
        "state",
        "Fortalecer a DECRADI e registrar crimes de xenofobia em todas as delegacias",
        "Crimes de xenofobia são registrados como briga ou injúria comum e não entram nas estatísticas.",
    )
    .tr([
        "Fortalecer la DECRADI y registrar los crímenes de xenofobia en todas las comisarías",
        "Renforcer la DECRADI et enregistrer les crimes xénophobes dans tous les commissariats",
        "Ranfòse DECRADI epi anrejistre krim ksenofobi nan tout komisarya yo",
        "تعزيز قسم جرائم العنصرية والتعصب (DECRADI) وتسجيل جرائم كراهية الأجانب في جميع مراكز الشرطة",
        "Strengthen DECRADI and record xenophobic crimes at every police station",
    ]),
];

const T4: &[Idea] = &[
    idea(
        "Garantir intérpretes para mulheres imigrantes em situação de violência nos Centros de Referência da Mulher",
        "Mulheres imigrantes em situação de violência desistem do atendimento porque não conseguem se comunicar.",
        DH_MUL,
        "Garantir intérpretes nos Centros de Referência da Mulher",
        ("Centros de referência com intérprete disponível", "%", 0.0, 100.0),
    )
    .tr([
        "Garantizar intérpretes para mujeres inmigrantes en situación de violencia en los Centros de Referencia de la Mujer",
        "Garantir des interprètes aux femmes immigrées victimes de violence dans les Centres de référence de la femme",
        "Garanti gen entèprèt pou fanm imigran ki viktim vyolans nan Sant Referans Fanm yo",
        "ضمان مترجمين للنساء المهاجرات ضحايا العنف في المراكز المرجعية للمرأة",
        "Provide interpreters for immigrant women facing violence at the Women's Reference Centres",
    ]),
    idea(
        "Traduzir os materiais sobre a Lei Maria da Penha para os idiomas das comunidades",
        "Muitas mulheres não sabem que a Lei Maria da Penha também as protege, independentemente da situação migratória.",
        DH_MUL,
        "Traduzir e distribuir materiais sobre a Lei Maria da Penha",
        ("Idiomas com material traduzido", "idiomas", 1.0, 6.0),
    )
    .tr([
        "Traducir los materiales sobre la Ley Maria da Penha a los idiomas de las comunidades",
        "Traduire les documents sur la loi Maria da Penha dans les langues des communautés",
        "Tradui materyèl sou Lwa Maria da Penha nan lang kominote yo",
        "ترجمة مواد قانون ماريا دا بينيا إلى لغات المجتمعات",
        "Translate materials on the Maria da Penha Law into community languages",
    ]),
    idea(
        "Criar vagas em casas-abrigo para mulheres imigrantes e seus filhos",
        "Mulheres que deixam o agressor não têm onde ficar com os filhos e acabam voltando para casa.",
        DH_MUL,
        "Reservar vagas para mulheres imigrantes nas casas-abrigo",
        ("Vagas em casas-abrigo para mulheres imigrantes e filhos", "vagas", 10.0, 60.0),
    )
    .tr([
        "Crear plazas en casas refugio para mujeres inmigrantes y sus hijos",
        "Créer des places en foyers d'hébergement pour les femmes immigrées et leurs enfants",
        "Kreye plas nan kay abri pou fanm imigran ak pitit yo",
        "توفير أماكن في دور الإيواء للنساء المهاجرات وأطفالهن",
        "Create places in safe houses for immigrant women and their children",
    ]),
    idea(
        "Garantir vaga em creche para filhos de mulheres imigrantes que trabalham ou estudam",
        "Sem creche, mulheres imigrantes não conseguem trabalhar nem estudar português.",
        SME,
        "Priorizar filhos de mães imigrantes trabalhadoras na fila das creches",
        ("Crianças imigrantes matriculadas em creches", "crianças", 1500.0, 3500.0),
    )
    .tr([
        "Garantizar plaza en guardería para hijos de mujeres inmigrantes que trabajan o estudian",
        "Garantir une place en crèche aux enfants des femmes immigrées qui travaillent ou étudient",
        "Garanti plas nan kreche pou pitit fanm imigran k ap travay oswa k ap etidye",
        "ضمان مكان في الحضانة لأطفال النساء المهاجرات العاملات أو الدارسات",
        "Guarantee nursery places for children of immigrant women who work or study",
    ]),
    idea(
        "Incluir pessoas trans imigrantes no programa Transcidadania",
        "Pessoas trans imigrantes enfrentam dupla exclusão e raramente conseguem vaga no Transcidadania.",
        DH_LGBT,
        "Reservar vagas do Transcidadania para pessoas trans imigrantes",
        ("Pessoas trans imigrantes no Transcidadania", "pessoas", 5.0, 60.0),
    )
    .tr([
        "Incluir a las personas trans inmigrantes en el programa Transcidadania",
        "Inclure les personnes trans immigrées dans le programme Transcidadania",
        "Mete moun trans imigran yo nan pwogram Transcidadania",
        "إدراج الأشخاص العابرين جنسياً من المهاجرين في برنامج Transcidadania",
        "Include trans immigrants in the Transcidadania programme",
    ]),
    idea(
        "Criar um centro de acolhida para pessoas LGBTI+ imigrantes e refugiadas",
        "Pessoas LGBTI+ imigrantes sofrem violência nos centros de acolhida comuns e muitas vezes voltam para a rua.",
        SMADS,
        "Abrir centro de acolhida para pessoas LGBTI+ imigrantes e refugiadas",
        ("Vagas para pessoas LGBTI+ imigrantes", "vagas", 0.0, 60.0),
    )
    .tr([
        "Crear un centro de acogida para personas LGBTI+ inmigrantes y refugiadas",
        "Créer un centre d'accueil pour les personnes LGBTI+ immigrées et réfugiées",
        "Kreye yon sant akèy pou moun LGBTI+ ki imigran ak refijye",
        "إنشاء مركز إيواء للمهاجرين واللاجئين من مجتمع الميم",
        "Create a shelter for LGBTI+ immigrants and refugees",
    ]),
    idea(
        "Preparar os Centros de Cidadania LGBTI para atender imigrantes",
        "Os Centros de Cidadania LGBTI não têm informação sobre refúgio e documentação de imigrantes.",
        DH_LGBT,
        "Capacitar as equipes dos Centros de Cidadania LGBTI em migração e refúgio",
        ("Centros de Cidadania LGBTI com equipe capacitada", "centros", 0.0, 4.0),
    ),
    idea(
        "Respeitar o nome social de pessoas trans imigrantes em todos os serviços municipais",
        "Documentos de imigrantes trans trazem nomes que não correspondem à sua identidade, gerando constrangimento.",
        DH_LGBT,
        "Garantir o nome social de pessoas trans imigrantes nos sistemas municipais",
        ("Sistemas municipais com campo de nome social", "%", 40.0, 100.0),
    ),
    idea(
        "Promover a autonomia econômica de mulheres imigrantes com cursos e microcrédito",
        "Mulheres imigrantes trabalham muito na informalidade e sem acesso a crédito para seus negócios.",
        SMDET,
        "Oferecer cursos e microcrédito para mulheres imigrantes empreendedoras",
        ("Mulheres imigrantes com microcrédito", "mulheres", 0.0, 500.0),
    ),
    idea(
        "Garantir doulas e mediadoras culturais para gestantes imigrantes nas maternidades municipais",
        "Gestantes imigrantes passam pelo parto sem entender o que a equipe diz e sem ter sua cultura respeitada.",
        SMS,
        "Garantir mediadoras culturais nas maternidades municipais",
        ("Maternidades municipais com mediadora cultural", "maternidades", 0.0, 10.0),
    ),
    idea(
        "Realizar rodas de conversa sobre direitos das mulheres nas comunidades imigrantes",
        "Muitas mulheres só ficam sabendo de seus direitos quando a informação chega pela própria comunidade.",
        DH_MUL,
        "Realizar rodas de conversa sobre direitos nas comunidades imigrantes",
        ("Rodas de conversa realizadas", "encontros por ano", 0.0, 48.0),
    ),
    idea(
        "Combater a exploração de trabalhadoras domésticas imigrantes",
        "Trabalhadoras domésticas imigrantes sofrem jornadas abusivas, retenção de documentos e assédio.",
        SMDET,
        "Orientar trabalhadoras domésticas imigrantes sobre direitos e canais de denúncia",
        ("Trabalhadoras domésticas imigrantes orientadas", "pessoas", 0.0, 1000.0),
    ),
    idea(
        "Produzir dados sobre mulheres imigrantes nas pesquisas da Prefeitura",
        "Sem dados, as necessidades específicas das mulheres imigrantes ficam invisíveis no planejamento.",
        DH_MUL,
        "Incluir o recorte de mulheres imigrantes nas pesquisas municipais",
        ("Pesquisas municipais com recorte de mulheres imigrantes", "pesquisas", 0.0, 6.0),
    ),
    idea(
        "Acolher pessoas LGBTI+ que pediram refúgio por perseguição em seus países",
        "Pessoas que fugiram de países onde ser LGBTI+ é crime chegam sem rede de apoio e com medo da própria comunidade.",
        DH_LGBT,
        "Acompanhar solicitantes de refúgio LGBTI+ nos Centros de Cidadania LGBTI",
        ("Solicitantes de refúgio LGBTI+ acompanhados", "pessoas", 0.0, 300.0),
    )
    .only(&[0, 4]),
    idea(
        "Garantir atendimento em saúde sexual e reprodutiva para mulheres imigrantes",
        "Mulheres imigrantes têm pouco acesso a métodos contraceptivos, pré-natal e prevenção em seu idioma.",
        SMS,
        "Oferecer atendimento em saúde sexual e reprodutiva com material multilíngue",
        ("UBS com material de saúde da mulher em seis idiomas", "%", 5.0, 80.0),
    ),
    idea(
        "Apoiar coletivos de mulheres imigrantes com espaço e recursos",
        "Os coletivos de mulheres imigrantes fazem acolhimento e formação sem sede nem recursos.",
        DH_MUL,
        "Apoiar coletivos de mulheres imigrantes com espaço e editais",
        ("Coletivos de mulheres imigrantes apoiados", "coletivos", 0.0, 25.0),
    ),
];

const T5: &[Idea] = &[
    idea(
        "Criar um balcão de emprego para imigrantes nos Centros de Apoio ao Trabalho e Empreendedorismo (CATe)",
        "Os CATe não têm atendimento em outros idiomas e não sabem orientar sobre a carteira de trabalho de imigrantes.",
        SMDET,
        "Implantar atendimento especializado a imigrantes nos CATe",
        ("Imigrantes encaminhados a vagas pelos CATe", "pessoas por ano", 800.0, 4000.0),
    )
    .tr([
        "Crear una ventanilla de empleo para inmigrantes en los Centros de Apoyo al Trabajo y Emprendimiento (CATe)",
        "Créer un guichet emploi pour les immigrés dans les Centres d'appui au travail et à l'entrepreneuriat (CATe)",
        "Kreye yon gichè travay pou imigran yo nan Sant Sipò pou Travay ak Antreprenarya (CATe)",
        "إنشاء مكتب توظيف للمهاجرين في مراكز دعم العمل وريادة الأعمال (CATe)",
        "Create a jobs desk for immigrants at the Work and Entrepreneurship Support Centres (CATe)",
    ]),
    idea(
        "Combater o trabalho análogo à escravidão nas oficinas de costura",
        "Trabalhadores das oficinas de costura cumprem jornadas de até 16 horas, com dívidas e documentos retidos.",
        DH,
        "Ampliar as ações da COMTRAE contra o trabalho escravo nas oficinas de costura",
        ("Oficinas vistoriadas em ações conjuntas", "oficinas por ano", 20.0, 120.0),
    )
    .only(&[0, 1, 3, 6])
    .tr([
        "Combatir el trabajo análogo a la esclavitud en los talleres de costura",
        "Lutter contre le travail analogue à l'esclavage dans les ateliers de couture",
        "Konbat travay ki sanble ak esklavaj nan atelye koud yo",
        "مكافحة العمل الشبيه بالعبودية في ورش الخياطة",
        "Fight slave-like labour in sewing workshops",
    ]),
    idea(
        "Oferecer cursos de qualificação profissional com aulas de português técnico",
        "Os cursos profissionalizantes exigem português avançado e deixam de fora quem ainda está aprendendo a língua.",
        SMDET,
        "Oferecer cursos de qualificação com módulo de português técnico",
        ("Imigrantes concluintes dos cursos", "pessoas", 100.0, 1500.0),
    )
    .tr([
        "Ofrecer cursos de calificación profesional con clases de portugués técnico",
        "Proposer des formations professionnelles avec des cours de portugais technique",
        "Ofri kou fòmasyon pwofesyonèl ak klas pòtigè teknik",
        "تقديم دورات تأهيل مهني مع دروس في البرتغالية المهنية",
        "Offer vocational courses with technical Portuguese classes",
    ]),
    idea(
        "Apoiar o empreendedorismo imigrante com microcrédito e formalização como MEI",
        "Muitos imigrantes já têm um negócio, mas não conseguem crédito nem sabem como se formalizar.",
        SMDET,
        "Oferecer microcrédito e apoio à formalização de empreendedores imigrantes",
        ("Empreendedores imigrantes formalizados como MEI com apoio municipal", "pessoas", 100.0, 1200.0),
    )
    .tr([
        "Apoyar el emprendimiento inmigrante con microcrédito y formalización como MEI",
        "Soutenir l'entrepreneuriat immigré avec du microcrédit et l'inscription comme micro-entrepreneur (MEI)",
        "Sipòte antreprenè imigran yo ak mikwokredi ak enskripsyon kòm MEI",
        "دعم ريادة الأعمال لدى المهاجرين بالقروض الصغيرة والتسجيل كمقاول فردي (MEI)",
        "Support immigrant entrepreneurs with microcredit and registration as micro-entrepreneurs (MEI)",
    ]),
    idea(
        "Emitir termos de permissão de uso para vendedores ambulantes imigrantes",
        "Sem permissão, vendedores ambulantes imigrantes perdem mercadorias e ficam sujeitos a extorsão.",
        SMSUB,
        "Emitir termos de permissão de uso para ambulantes imigrantes",
        ("Termos de permissão de uso concedidos a imigrantes", "termos", 50.0, 600.0),
    )
    .tr([
        "Emitir permisos de uso para vendedores ambulantes inmigrantes",
        "Délivrer des autorisations d'occupation aux vendeurs ambulants immigrés",
        "Bay machann anbilan imigran yo pèmi pou yo travay nan lari",
        "منح تصاريح استخدام الأماكن العامة للباعة الجائلين المهاجرين",
        "Issue street-vending permits to immigrant street vendors",
    ]),
    idea(
        "Oferecer cursinho preparatório para a revalidação de diplomas",
        "Médicos, engenheiros e professores imigrantes trabalham em funções sem qualificação porque não conseguem revalidar o diploma.",
        SMDET,
        "Oferecer preparação e orientação para a revalidação de diplomas",
        ("Imigrantes orientados sobre revalidação de diplomas", "pessoas", 0.0, 800.0),
    )
    .tr([
        "Ofrecer un curso preparatorio para la revalidación de diplomas",
        "Proposer une préparation à la reconnaissance des diplômes",
        "Ofri kou preparasyon pou fè rekonèt diplòm yo",
        "تقديم دورة تحضيرية لمعادلة الشهادات",
        "Offer preparatory courses for diploma recognition",
    ])
    .link(6),
    idea(
        "Criar um programa de certificação de saberes e experiências profissionais de imigrantes",
        "Muitos imigrantes têm anos de experiência profissional, mas nenhum documento que a comprove no Brasil.",
        SMDET,
        "Certificar saberes profissionais de imigrantes com instituições parceiras",
        ("Certificados de saberes emitidos", "certificados", 0.0, 600.0),
    )
    .link(6),
    idea(
        "Incluir imigrantes no Programa Operação Trabalho (POT)",
        "O POT oferece bolsa e qualificação, mas quase não chega à população imigrante.",
        SMDET,
        "Reservar vagas do Programa Operação Trabalho para imigrantes",
        ("Imigrantes bolsistas do POT", "pessoas", 40.0, 400.0),
    ),
    idea(
        "Apoiar cooperativas de costura e de alimentação formadas por imigrantes",
        "Cooperativas de imigrantes poderiam substituir as oficinas precárias, mas não têm capital nem acesso a compras públicas.",
        SMDET,
        "Apoiar cooperativas de imigrantes com incubação e acesso a compras públicas",
        ("Cooperativas de imigrantes incubadas", "cooperativas", 0.0, 20.0),
    ),
    idea(
        "Orientar trabalhadores imigrantes sobre direitos trabalhistas em vários idiomas",
        "Trabalhadores imigrantes não conhecem seus direitos e aceitam descontos e jornadas ilegais.",
        SMDET,
        "Distribuir cartilha de direitos trabalhistas e realizar plantões de orientação",
        ("Trabalhadores orientados nos plantões", "pessoas", 0.0, 2000.0),
    ),
    idea(
        "Sensibilizar empresas para contratar imigrantes e refugiados",
        "Muitas empresas acham que contratar imigrantes é complicado e recusam candidatos qualificados.",
        SMDET,
        "Realizar encontros com empresas sobre a contratação de imigrantes",
        ("Empresas participantes dos encontros", "empresas", 0.0, 300.0),
    ),
    idea(
        "Criar uma feira permanente de empreendedores imigrantes",
        "Empreendedores imigrantes não têm onde vender seus produtos de forma regular e segura.",
        SMDET,
        "Implantar feira permanente de empreendedores imigrantes",
        ("Expositores imigrantes na feira", "expositores", 0.0, 120.0),
    ),
    idea(
        "Reservar vagas para imigrantes nos cursos da Fundação Paulistana",
        "Os cursos técnicos gratuitos da cidade têm processos seletivos que desfavorecem quem estudou fora do Brasil.",
        SMDET,
        "Reservar vagas para imigrantes nos cursos técnicos da Fundação Paulistana",
        ("Imigrantes matriculados nos cursos da Fundação Paulistana", "pessoas", 20.0, 300.0),
    ),
    idea(
        "Apoiar entregadores e motoristas de aplicativo imigrantes",
        "Muitos imigrantes trabalham como entregadores por aplicativo sem proteção em caso de acidente.",
        SMDET,
        "Abrir pontos de apoio e orientação para entregadores imigrantes",
        ("Pontos de apoio a entregadores em funcionamento", "pontos", 0.0, 6.0),
    ),
    idea(
        "Incluir imigrantes nos programas de economia solidária",
        "A economia solidária é uma saída para grupos de imigrantes, mas eles não conhecem os programas existentes.",
        SMDET,
        "Incluir grupos de imigrantes nos programas de economia solidária",
        ("Grupos de imigrantes em feiras de economia solidária", "grupos", 2.0, 40.0),
    ),
    idea(
        "Negociar com bancos públicos a abertura de contas para imigrantes com protocolo de refúgio",
        "Solicitantes de refúgio não conseguem abrir conta bancária e perdem empregos e pagamentos por isso.",
        SMDET,
        "Firmar acordo com bancos públicos para contas de solicitantes de refúgio",
        ("Agências parceiras que abrem contas com o protocolo", "agências", 0.0, 50.0),
    )
    .only(&[0, 1, 4])
    .link(4),
    motion(
        6,
        "federal",
        "Simplificar e baratear a revalidação de diplomas estrangeiros",
        "A revalidação leva anos e custa caro, e profissionais qualificados ficam impedidos de exercer a profissão.",
    )
    .tr([
        "Simplificar y abaratar la revalidación de diplomas extranjeros",
        "Simplifier et rendre moins chère la reconnaissance des diplômes étrangers",
        "Fè rekonesans diplòm etranje yo vin pi senp epi pi bon mache",
        "تبسيط معادلة الشهادات الأجنبية وخفض تكلفتها",
        "Make recognition of foreign diplomas simpler and cheaper",
    ]),
];

const T6: &[Idea] = &[
    idea(
        "Expandir o programa Portas Abertas de português para imigrantes nos CEUs e escolas municipais",
        "As turmas de português estão lotadas e concentradas no centro; há listas de espera nas periferias.",
        SME,
        "Ampliar as turmas do programa Portas Abertas",
        ("Turmas de português para imigrantes", "turmas", 40.0, 200.0),
    )
    .tr([
        "Ampliar el programa Portas Abertas de portugués para inmigrantes en los CEU y escuelas municipales",
        "Étendre le programme Portas Abertas de portugais pour immigrés aux CEU et aux écoles municipales",
        "Elaji pwogram Portas Abertas pou aprann pòtigè nan CEU yo ak lekòl minisipal yo",
        "توسيع برنامج «الأبواب المفتوحة» لتعليم البرتغالية للمهاجرين في مراكز CEU والمدارس البلدية",
        "Expand the Portas Abertas Portuguese programme for immigrants to CEUs and municipal schools",
    ]),
    idea(
        "Oferecer aulas de português à noite e aos fins de semana",
        "Quem trabalha o dia inteiro não consegue frequentar aulas de português no horário comercial.",
        SME,
        "Abrir turmas de português no período noturno e aos sábados",
        ("Turmas noturnas e de fim de semana", "turmas", 5.0, 80.0),
    )
    .tr([
        "Ofrecer clases de portugués por la noche y los fines de semana",
        "Proposer des cours de portugais le soir et le week-end",
        "Ofri klas pòtigè leswa ak nan wikenn",
        "تقديم دروس البرتغالية مساءً وفي عطلات نهاية الأسبوع",
        "Offer Portuguese classes in the evenings and at weekends",
    ]),
    idea(
        "Matricular crianças imigrantes sem exigir documentos que a família não tem",
        "Algumas escolas ainda recusam matrícula de crianças sem documento, apesar de a lei garantir o direito.",
        SME,
        "Reforçar a orientação às escolas sobre matrícula sem exigência de documentos",
        ("Recusas de matrícula registradas", "casos", 40.0, 0.0),
    )
    .tr([
        "Matricular a niños inmigrantes sin exigir documentos que la familia no tiene",
        "Inscrire les enfants immigrés à l'école sans exiger des documents que la famille n'a pas",
        "Enskri timoun imigran yo lekòl san yo pa mande papye fanmi an pa genyen",
        "تسجيل الأطفال المهاجرين في المدارس دون طلب وثائق لا تملكها العائلة",
        "Enrol immigrant children without demanding documents the family does not have",
    ]),
    idea(
        "Formar professores da rede municipal em educação intercultural e acolhimento",
        "Professores recebem alunos que não falam português sem nenhuma formação para isso.",
        SME,
        "Oferecer formação em educação intercultural aos professores da rede",
        ("Professores formados em educação intercultural", "professores", 300.0, 3000.0),
    )
    .tr([
        "Formar a los docentes de la red municipal en educación intercultural y acogida",
        "Former les enseignants du réseau municipal à l'éducation interculturelle et à l'accueil",
        "Fòme pwofesè lekòl minisipal yo nan edikasyon entèkiltirèl ak akèy",
        "تدريب معلمي المدارس البلدية على التعليم متعدد الثقافات والاستقبال",
        "Train municipal teachers in intercultural education and welcoming practices",
    ]),
    idea(
        "Combater o bullying xenofóbico e racista nas escolas",
        "Crianças imigrantes são chamadas de apelidos ofensivos e algumas abandonam a escola por isso.",
        SME,
        "Implantar ações contra o bullying xenofóbico nas escolas",
        ("Escolas com projeto contra a xenofobia", "escolas", 20.0, 300.0),
    )
    .tr([
        "Combatir el acoso escolar xenófobo y racista en las escuelas",
        "Lutter contre le harcèlement xénophobe et raciste à l'école",
        "Konbat entimidasyon ksenofob ak rasis nan lekòl yo",
        "مكافحة التنمر المعادي للأجانب والعنصري في المدارس",
        "Tackle xenophobic and racist bullying in schools",
    ]),
    idea(
        "Traduzir comunicados escolares e a matrícula para os idiomas das famílias",
        "As famílias não entendem bilhetes, reuniões e regras da escola e acabam se afastando.",
        SME,
        "Traduzir comunicados e formulários de matrícula para seis idiomas",
        ("Documentos escolares padronizados traduzidos", "%", 0.0, 100.0),
    )
    .tr([
        "Traducir los comunicados escolares y la matrícula a los idiomas de las familias",
        "Traduire les communications de l'école et l'inscription dans les langues des familles",
        "Tradui kominike lekòl yo ak fòm enskripsyon yo nan lang fanmi yo",
        "ترجمة إعلانات المدرسة واستمارات التسجيل إلى لغات العائلات",
        "Translate school notices and enrolment forms into families' languages",
    ]),
    idea(
        "Contratar mediadores e professores imigrantes nas escolas com muitos alunos estrangeiros",
        "Escolas com muitos alunos estrangeiros precisam de alguém que fale a língua das famílias.",
        SME,
        "Contratar mediadores interculturais para escolas com muitos alunos imigrantes",
        ("Escolas com mediador intercultural", "escolas", 0.0, 60.0),
    ),
    idea(
        "Incluir a história e as culturas dos países de origem no currículo da cidade",
        "As crianças imigrantes não se veem no que aprendem, e as demais não conhecem as culturas dos colegas.",
        SME,
        "Incluir conteúdos sobre migrações no Currículo da Cidade",
        ("Materiais curriculares sobre migrações publicados", "materiais", 0.0, 10.0),
    ),
    idea(
        "Ampliar as vagas de Educação de Jovens e Adultos (EJA) para imigrantes",
        "Adultos imigrantes querem concluir os estudos, mas a EJA tem poucas vagas perto de onde moram.",
        SME,
        "Ampliar a oferta de EJA com acolhimento para imigrantes",
        ("Imigrantes matriculados na EJA", "pessoas", 600.0, 2000.0),
    ),
    idea(
        "Certificar o nível de português para facilitar a naturalização",
        "A naturalização exige comprovar o português, e muitos não têm como pagar o exame.",
        SME,
        "Emitir certificado de conclusão dos cursos de português da rede municipal",
        ("Certificados de português emitidos", "certificados", 0.0, 2000.0),
    )
    .link(1),
    idea(
        "Criar salas de leitura multilíngues nas escolas",
        "Ler na língua materna ajuda as crianças a aprender o português e a manter a ligação com a família.",
        SME,
        "Equipar salas de leitura com acervo multilíngue",
        ("Salas de leitura com acervo multilíngue", "salas", 5.0, 150.0),
    ),
    idea(
        "Oferecer cursinho pré-vestibular comunitário para jovens imigrantes",
        "Jovens imigrantes terminam o ensino médio sem preparo para o vestibular e desistem da universidade.",
        SME,
        "Abrir turmas de cursinho pré-vestibular para jovens imigrantes",
        ("Jovens imigrantes no cursinho", "pessoas", 0.0, 400.0),
    )
    .link(7),
    idea(
        "Reconhecer o histórico escolar estrangeiro na matrícula sem atraso de série",
        "Alunos são colocados em séries abaixo da idade porque a escola não sabe avaliar o histórico estrangeiro.",
        SME,
        "Padronizar a avaliação de histórico escolar estrangeiro na rede municipal",
        ("Escolas com o procedimento padronizado", "%", 0.0, 100.0),
    ),
    idea(
        "Valorizar as línguas maternas com projetos bilíngues nas escolas",
        "As línguas das famílias são vistas como problema, quando poderiam ser um recurso para toda a escola.",
        SME,
        "Apoiar projetos bilíngues em escolas com muitos alunos imigrantes",
        ("Escolas com projeto bilíngue", "escolas", 0.0, 30.0),
    ),
    idea(
        "Produzir material didático de português como língua de acolhimento",
        "Os professores de português para imigrantes improvisam materiais porque não há material adequado.",
        SME,
        "Publicar material didático de português como língua de acolhimento",
        ("Volumes de material didático publicados", "volumes", 0.0, 4.0),
    ),
    idea(
        "Garantir transporte escolar para alunos imigrantes recém-chegados",
        "Famílias recém-chegadas moram em centros de acolhida longe das escolas e não podem pagar a condução.",
        SME,
        "Incluir alunos imigrantes em acolhimento no Transporte Escolar Gratuito",
        ("Alunos imigrantes atendidos pelo transporte escolar", "alunos", 50.0, 600.0),
    ),
    motion(
        7,
        "state",
        "Criar vagas e bolsas de permanência para imigrantes e refugiados nas universidades estaduais paulistas",
        "Jovens imigrantes e refugiados raramente chegam às universidades públicas estaduais, e quem chega não consegue se manter.",
    )
    .tr([
        "Crear plazas y becas de permanencia para inmigrantes y refugiados en las universidades estatales paulistas",
        "Créer des places et des bourses pour les immigrés et réfugiés dans les universités de l'État de São Paulo",
        "Kreye plas ak bous pou imigran ak refijye nan inivèsite Eta São Paulo yo",
        "توفير مقاعد ومنح للمهاجرين واللاجئين في جامعات ولاية ساو باولو",
        "Create places and maintenance grants for immigrants and refugees at São Paulo state universities",
    ]),
];

const T7: &[Idea] = &[
    idea(
        "Contratar agentes comunitários de saúde imigrantes nas UBS com grande população imigrante",
        "Agentes que falam a língua e conhecem a cultura das famílias conseguem chegar a quem nunca vai à UBS.",
        SMS,
        "Contratar agentes comunitários de saúde imigrantes",
        ("Agentes comunitários de saúde imigrantes", "agentes", 20.0, 120.0),
    )
    .tr([
        "Contratar agentes comunitarios de salud inmigrantes en las UBS con gran población inmigrante",
        "Recruter des agents de santé communautaires immigrés dans les centres de santé (UBS) à forte population immigrée",
        "Anboche ajan sante kominotè imigran nan UBS kote gen anpil imigran",
        "توظيف عاملين صحيين مجتمعيين من المهاجرين في المراكز الصحية ذات الكثافة المهاجرة",
        "Hire immigrant community health workers at health units (UBS) with large immigrant populations",
    ]),
    idea(
        "Garantir o Cartão SUS para imigrantes sem exigir comprovante de residência formal",
        "Algumas unidades negam o Cartão SUS a quem mora em pensões ou centros de acolhida sem comprovante de endereço.",
        SMS,
        "Orientar as unidades sobre o cadastro no SUS sem comprovante formal de residência",
        ("Recusas de cadastro registradas na ouvidoria", "casos", 60.0, 0.0),
    )
    .tr([
        "Garantizar la Tarjeta SUS para inmigrantes sin exigir comprobante formal de domicilio",
        "Garantir la carte SUS aux immigrés sans exiger de justificatif de domicile formel",
        "Garanti imigran yo jwenn Kat SUS san yo pa mande prèv adrès fòmèl",
        "ضمان حصول المهاجرين على بطاقة النظام الصحي الموحد (SUS) دون اشتراط إثبات سكن رسمي",
        "Guarantee the SUS health card for immigrants without requiring formal proof of address",
    ]),
    idea(
        "Oferecer intérpretes nas UBS, AMAs e hospitais municipais",
        "Consultas acontecem sem que paciente e médico se entendam, com risco de erros no diagnóstico e na medicação.",
        SMS,
        "Implantar serviço de interpretação presencial e por telefone na rede municipal de saúde",
        ("Unidades com acesso a interpretação", "%", 2.0, 70.0),
    )
    .tr([
        "Ofrecer intérpretes en las UBS, AMA y hospitales municipales",
        "Mettre des interprètes à disposition dans les UBS, AMA et hôpitaux municipaux",
        "Mete entèprèt nan UBS, AMA ak lopital minisipal yo",
        "توفير مترجمين فوريين في المراكز الصحية ومراكز الرعاية والمستشفيات البلدية",
        "Provide interpreters at UBS, AMA units and municipal hospitals",
    ]),
    idea(
        "Criar atendimento em saúde mental intercultural para imigrantes e refugiados",
        "Pessoas refugiadas chegam com traumas de guerra, violência e perdas, sem atendimento adequado.",
        SMS,
        "Oferecer atendimento intercultural em saúde mental nos CAPS de referência",
        ("CAPS com equipe de referência para imigrantes", "CAPS", 1.0, 12.0),
    )
    .tr([
        "Crear atención en salud mental intercultural para inmigrantes y refugiados",
        "Créer un accompagnement en santé mentale interculturel pour les immigrés et réfugiés",
        "Kreye swen sante mantal entèkiltirèl pou imigran ak refijye",
        "إنشاء خدمات صحة نفسية متعددة الثقافات للمهاجرين واللاجئين",
        "Create intercultural mental health care for immigrants and refugees",
    ]),
    idea(
        "Traduzir as campanhas de vacinação e prevenção para os idiomas das comunidades",
        "As campanhas de vacinação não chegam às comunidades que não leem português.",
        SMS,
        "Traduzir campanhas de vacinação e prevenção para seis idiomas",
        ("Campanhas traduzidas", "campanhas por ano", 0.0, 6.0),
    )
    .tr([
        "Traducir las campañas de vacunación y prevención a los idiomas de las comunidades",
        "Traduire les campagnes de vaccination et de prévention dans les langues des communautés",
        "Tradui kanpay vaksinasyon ak prevansyon yo nan lang kominote yo",
        "ترجمة حملات التطعيم والوقاية إلى لغات المجتمعات",
        "Translate vaccination and prevention campaigns into community languages",
    ]),
    idea(
        "Apoiar a Copa dos Imigrantes e os campeonatos esportivos comunitários",
        "Os campeonatos comunitários reúnem dezenas de times todos os anos sem apoio público para campos e arbitragem.",
        SEME,
        "Apoiar a Copa dos Imigrantes com campos, arbitragem e premiação",
        ("Times imigrantes participantes", "times", 16.0, 40.0),
    )
    .tr([
        "Apoyar la Copa de los Inmigrantes y los campeonatos deportivos comunitarios",
        "Soutenir la Coupe des immigrés et les championnats sportifs communautaires",
        "Sipòte Koup Imigran yo ak chanpyona espò kominote yo",
        "دعم كأس المهاجرين والبطولات الرياضية المجتمعية",
        "Support the Immigrants' Cup and community sports tournaments",
    ]),
    idea(
        "Liberar quadras e clubes-escola municipais para times de imigrantes",
        "Times de imigrantes não conseguem horário nas quadras municipais e pagam caro por campos particulares.",
        SEME,
        "Reservar horários em clubes-escola e centros esportivos para times de imigrantes",
        ("Horários semanais reservados", "horas por semana", 0.0, 60.0),
    ),
    idea(
        "Criar atividades de esporte e lazer para crianças imigrantes nos fins de semana",
        "Crianças que moram em centros de acolhida e cortiços não têm onde brincar nos fins de semana.",
        SEME,
        "Oferecer atividades esportivas e de lazer de fim de semana para crianças imigrantes",
        ("Crianças imigrantes participantes", "crianças", 0.0, 1500.0),
    ),
    idea(
        "Capacitar profissionais de saúde sobre a realidade dos imigrantes",
        "Profissionais de saúde desconhecem os direitos dos imigrantes e as doenças comuns nos países de origem.",
        SMS,
        "Capacitar profissionais da rede municipal de saúde em saúde do migrante",
        ("Profissionais de saúde capacitados", "profissionais", 200.0, 3000.0),
    ),
    idea(
        "Ampliar a busca ativa e o tratamento da tuberculose nas oficinas de costura",
        "A tuberculose é frequente nas oficinas de costura mal ventiladas, e muitos abandonam o tratamento.",
        SMS,
        "Intensificar a busca ativa de tuberculose entre trabalhadores imigrantes da costura",
        ("Cura de tuberculose entre pacientes imigrantes", "%", 70.0, 85.0),
    )
    .only(&[0, 1, 3, 4]),
    idea(
        "Respeitar práticas tradicionais de cuidado e de parto das comunidades imigrantes",
        "Mulheres andinas e africanas têm práticas de parto e pós-parto que não são respeitadas nas maternidades.",
        SMS,
        "Publicar diretriz de respeito às práticas culturais de cuidado na rede municipal",
        ("Maternidades com diretriz implantada", "maternidades", 0.0, 10.0),
    ),
    idea(
        "Garantir saúde bucal e óculos para imigrantes nas UBS",
        "Muitos imigrantes nunca foram ao dentista nem ao oftalmologista no Brasil por não saberem que é gratuito.",
        SMS,
        "Realizar mutirões de saúde bucal e visual nas regiões com muitos imigrantes",
        ("Atendimentos em mutirões de saúde bucal e visual", "atendimentos", 0.0, 5000.0),
    ),
    idea(
        "Incluir famílias imigrantes na Estratégia Saúde da Família com busca ativa",
        "Famílias em cortiços e ocupações não estão cadastradas pelas equipes de Saúde da Família.",
        SMS,
        "Cadastrar famílias imigrantes nas equipes de Saúde da Família",
        ("Famílias imigrantes cadastradas", "famílias", 10000.0, 25000.0),
    ),
    idea(
        "Garantir acesso a medicamentos na rede municipal sem barreiras documentais",
        "Farmácias das unidades deixam de entregar remédios a quem não tem o documento pedido.",
        SMS,
        "Orientar as farmácias da rede sobre documentos aceitos para dispensação",
        ("Unidades orientadas", "%", 0.0, 100.0),
    ),
    idea(
        "Oferecer aulas de dança das culturas imigrantes nos parques municipais",
        "Os parques são o principal espaço de lazer das famílias imigrantes e quase não têm atividades de suas culturas.",
        SEME,
        "Promover aulas de dança das culturas imigrantes nos parques",
        ("Parques com aulas regulares", "parques", 0.0, 15.0),
    )
    .only(&[0, 1, 2, 3, 6]),
    idea(
        "Garantir acessibilidade e atendimento a imigrantes com deficiência",
        "Imigrantes com deficiência enfrentam a barreira da língua somada à falta de acessibilidade.",
        SMPED,
        "Incluir imigrantes com deficiência nos serviços da SMPED com atendimento multilíngue",
        ("Imigrantes com deficiência atendidos", "pessoas", 0.0, 400.0),
    )
    .only(&[0, 1, 2, 3, 4, 6]),
];

const IDEAS: [&[Idea]; 8] = [T0, T1, T2, T3, T4, T5, T6, T7];

/// The motions (theme, title, letter), in the order of `Idea::motion`.
const MOTIONS: [(usize, &str, &str); MOTIONS_COUNT] = [
    (
        0,
        "Moção ao Congresso Nacional pelo direito de voto das pessoas imigrantes",
        "A 2ª Conferência Municipal de Políticas para Imigrantes de São Paulo dirige-se ao Congresso Nacional para pedir a aprovação de uma emenda constitucional que garanta às pessoas imigrantes com residência no Brasil o direito de votar e de ser votadas, ao menos nas eleições municipais.\n\nImigrantes vivem, trabalham, pagam impostos e usam os serviços públicos da cidade, mas não participam da escolha de quem governa. Muitos países já reconhecem esse direito a estrangeiros residentes.\n\n**Destinatários:** Câmara dos Deputados e Senado Federal.",
    ),
    (
        0,
        "Moção ao Governo Federal pela revisão do Decreto nº 9.199/2017, que regulamenta a Lei de Migração",
        "A Lei de Migração (Lei nº 13.445/2017) reconheceu a migração como direito humano e garantiu o acesso igualitário aos serviços públicos. O decreto que a regulamenta, porém, criou exigências e restrições que não estão na lei e dificultam a regularização.\n\nA Conferência pede a revisão do decreto, com consulta pública e participação das organizações de imigrantes e da sociedade civil.\n\n**Destinatários:** Presidência da República e Ministério da Justiça e Segurança Pública.",
    ),
    (
        3,
        "Moção ao Ministério da Justiça e Segurança Pública pela isenção das taxas de regularização migratória",
        "As taxas cobradas pela autorização de residência e pela emissão da Carteira de Registro Nacional Migratório pesam sobre quem acabou de chegar e ainda não tem renda. A Lei de Migração prevê a isenção para quem não pode pagar, mas a comprovação exigida é difícil e o procedimento varia de um posto para outro.\n\nA Conferência pede que a isenção seja concedida mediante simples declaração de hipossuficiência e que os critérios sejam divulgados em vários idiomas.\n\n**Destinatários:** Ministério da Justiça e Segurança Pública e Polícia Federal.",
    ),
    (
        3,
        "Moção à Polícia Federal pela ampliação do atendimento a imigrantes em São Paulo",
        "A espera por um horário para regularizar documentos na Polícia Federal chega a meses. Sem documento, imigrantes perdem vagas de emprego, não conseguem abrir conta bancária e ficam expostos à exploração.\n\nA Conferência pede mais servidores para o atendimento migratório, postos descentralizados nas regiões da cidade, agendamento acessível em vários idiomas e validade dos documentos enquanto o pedido estiver em análise.\n\n**Destinatários:** Superintendência Regional da Polícia Federal em São Paulo e Ministério da Justiça e Segurança Pública.",
    ),
    (
        3,
        "Moção ao Comitê Nacional para os Refugiados (CONARE) pela agilidade na análise dos pedidos de refúgio",
        "Solicitantes de refúgio esperam anos por uma decisão. Durante esse tempo vivem com um protocolo provisório que muitos bancos, empregadores e serviços não reconhecem.\n\nA Conferência pede prazos razoáveis para a decisão, reforço das equipes do CONARE, entrevistas com intérpretes e o reconhecimento amplo do protocolo como documento de identidade.\n\n**Destinatários:** CONARE e Ministério da Justiça e Segurança Pública.",
    ),
    (
        3,
        "Moção ao Governo do Estado de São Paulo pelo fortalecimento da DECRADI e pelo registro de crimes de xenofobia",
        "Crimes motivados por xenofobia muitas vezes são registrados como briga ou injúria comum e não aparecem nas estatísticas. A Delegacia de Crimes Raciais e Delitos de Intolerância (DECRADI) não dá conta da demanda de uma metrópole.\n\nA Conferência pede o fortalecimento da DECRADI, a inclusão da motivação xenofóbica no boletim de ocorrência de todas as delegacias e a formação das polícias estaduais para o atendimento a imigrantes.\n\n**Destinatários:** Secretaria da Segurança Pública do Estado de São Paulo.",
    ),
    (
        5,
        "Moção ao Ministério da Educação pela simplificação da revalidação de diplomas estrangeiros",
        "Médicos, engenheiros, professores e outros profissionais imigrantes trabalham em funções sem qualificação porque a revalidação de diplomas é lenta, cara e diferente em cada universidade.\n\nA Conferência pede regras nacionais únicas, prazos curtos, taxas reduzidas ou isenção para pessoas refugiadas e em vulnerabilidade, e a aceitação de documentos alternativos quando não for possível obtê-los no país de origem.\n\n**Destinatários:** Ministério da Educação e Conselho Nacional de Educação.",
    ),
    (
        6,
        "Moção às universidades estaduais paulistas por vagas e permanência para imigrantes e refugiados",
        "Jovens imigrantes e refugiados raramente chegam às universidades públicas estaduais, e quem chega enfrenta dificuldades de moradia, alimentação e documentação.\n\nA Conferência pede às universidades estaduais paulistas e ao Governo do Estado vagas específicas para pessoas refugiadas e imigrantes em vulnerabilidade, isenção da taxa de inscrição nos vestibulares e bolsas de permanência.\n\n**Destinatários:** Reitorias da USP, da Unesp e da Unicamp e Governo do Estado de São Paulo.",
    ),
    (
        0,
        "Moção ao Governo do Estado de São Paulo por uma política estadual para migrantes com participação social",
        "Saúde hospitalar, segurança pública e ensino médio são responsabilidades do Estado, que ainda não tem uma política para migrantes construída com as comunidades.\n\nA Conferência pede a criação de uma política estadual para migrantes, com plano de ação, orçamento e um conselho estadual com participação de imigrantes eleitos pelas próprias comunidades.\n\n**Destinatários:** Governo do Estado de São Paulo e Assembleia Legislativa do Estado de São Paulo.",
    ),
];

// ---------------------------------------------------------------------------------------
// Proposals outside the ideas: hidden by moderation, or out of the conference's scope
// ---------------------------------------------------------------------------------------

struct Special {
    event: usize,
    theme: usize,
    level: &'static str,
    language: &'static str,
    title: &'static str,
    body: &'static str,
    hidden: bool,
}

const fn special(
    event: usize,
    theme: usize,
    level: &'static str,
    language: &'static str,
    title: &'static str,
    body: &'static str,
    hidden: bool,
) -> Special {
    Special {
        event,
        theme,
        level,
        language,
        title,
        body,
        hidden,
    }
}

const SPECIALS: [Special; 15] = [
    special(
        0,
        1,
        "municipal",
        PT,
        "Dar prioridade a brasileiros nas vagas dos centros de acolhida e mandar os estrangeiros de volta",
        "Primeiro os nossos. Quem vem de fora que volte para o seu país.",
        true,
    ),
    special(
        2,
        3,
        "municipal",
        PT,
        "Proibir templos de religiões africanas e mesquitas perto das escolas",
        "Essas religiões não combinam com a nossa cultura e assustam as crianças.",
        true,
    ),
    special(
        3,
        5,
        "municipal",
        PT,
        "Impedir venezuelanos e haitianos de trabalhar como ambulantes na zona Leste",
        "Eles tiram o trabalho de quem é daqui e sujam as calçadas.",
        true,
    ),
    special(
        1,
        5,
        "federal",
        PT,
        "Reduzir as tarifas cobradas pelas remessas de dinheiro ao exterior",
        "Os bancos e as casas de câmbio cobram taxas altas para enviar dinheiro às famílias nos países de origem.",
        false,
    ),
    special(
        5,
        0,
        "federal",
        "es",
        "Abrir un consulado de Bolivia en la zona este de São Paulo",
        "Muchas familias bolivianas viven en la zona este y pierden un día de trabajo para ir al consulado.",
        false,
    ),
    special(
        6,
        2,
        "federal",
        "ht",
        "Louvri vòl dirèk ant São Paulo ak Pòtoprens",
        "Vwayaj yo twò chè paske pa gen vòl dirèk, fanmi yo pa ka vizite peyi a.",
        false,
    ),
    special(
        7,
        3,
        "federal",
        "es",
        "Pedir al gobierno de Venezuela que emita pasaportes en el consulado de São Paulo",
        "Sin pasaporte vigente muchos venezolanos no pueden viajar ni completar sus trámites.",
        false,
    ),
    special(
        8,
        0,
        "federal",
        "fr",
        "Faire reconnaître par la RDC les actes d'état civil délivrés au Brésil",
        "Les enfants nés au Brésil n'ont pas de documents reconnus par les autorités congolaises.",
        false,
    ),
    special(
        9,
        7,
        "federal",
        "ar",
        "خفض أسعار تذاكر الطيران لزيارة العائلات في سوريا",
        "لا تستطيع العائلات زيارة أقاربها بسبب الأسعار المرتفعة.",
        false,
    ),
    special(
        10,
        5,
        "federal",
        "es",
        "Ampliar los acuerdos de seguridad social para sumar los años trabajados en Perú",
        "Los años trabajados en Perú no siempre cuentan para la jubilación en Brasil.",
        false,
    ),
    special(
        13,
        4,
        "federal",
        PT,
        "Cobrar pensão alimentícia de pais que ficaram no país de origem",
        "Muitas mães criam os filhos sozinhas no Brasil enquanto os pais, no exterior, não pagam pensão.",
        false,
    ),
    special(
        16,
        1,
        "federal",
        PT,
        "Criar um auxílio financeiro para o retorno voluntário ao país de origem",
        "Algumas famílias querem voltar, mas não têm dinheiro para as passagens.",
        false,
    ),
    special(
        17,
        5,
        "federal",
        "en",
        "Lower import duties on goods brought from Nigeria by small shop owners",
        "Small shops selling African products pay very high taxes on every box they bring in.",
        false,
    ),
    special(
        19,
        5,
        "municipal",
        PT,
        "Proibir a venda de roupas importadas nas lojas do Brás",
        "A concorrência das roupas importadas baixa o preço pago às oficinas de costura.",
        false,
    ),
    special(
        21,
        5,
        "federal",
        PT,
        "Criar uma moeda digital própria para o comércio entre imigrantes",
        "Uma moeda comum facilitaria as trocas entre empreendedores de diferentes países.",
        false,
    ),
];

/// Proposal indexes (in the final order) near which an author withdrew a proposal.
const WITHDRAWN_NEAR: [usize; 5] = [41, 128, 236, 317, 402];

// ---------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------

struct EventSpec {
    pre: bool,
    name: &'static str,
    organizer: &'static str,
    place: &'static str,
    link: &'static str,
    date: (u8, u8),
    expected: u32,
    languages: &'static [&'static str],
    participants: u32,
    proposals: usize,
    /// A theme the group works on more than the others.
    focus: Option<usize>,
    /// Percent of proposals written in a language other than pt-BR (when spoken).
    foreign: u32,
}

const ORGANIZERS: &str =
    "SMDHC – Coordenação de Políticas para Migrantes e Promoção do Trabalho Decente";

const EVENTS: [EventSpec; 23] = [
    EventSpec {
        pre: true,
        name: "Pré-Conferência Regional Centro",
        organizer: ORGANIZERS,
        place: "Centro de Referência e Atendimento para Imigrantes (CRAI), Rua Major Diogo, 834 – Bela Vista",
        link: "",
        date: (8, 17),
        expected: 250,
        languages: &["pt-BR", "es", "en", "fr", "ht", "ar"],
        participants: 186,
        proposals: 66,
        focus: None,
        foreign: 5,
    },
    EventSpec {
        pre: true,
        name: "Pré-Conferência Regional Norte",
        organizer: ORGANIZERS,
        place: "CEU Jaçanã – Jaçanã, zona Norte",
        link: "",
        date: (8, 24),
        expected: 150,
        languages: &["pt-BR", "es"],
        participants: 112,
        proposals: 54,
        focus: None,
        foreign: 5,
    },
    EventSpec {
        pre: true,
        name: "Pré-Conferência Regional Sul",
        organizer: ORGANIZERS,
        place: "Subprefeitura de Santo Amaro, Praça Floriano Peixoto, 54 – Santo Amaro",
        link: "",
        date: (8, 31),
        expected: 150,
        languages: &["pt-BR", "es", "fr", "ht"],
        participants: 94,
        proposals: 58,
        focus: None,
        foreign: 5,
    },
    EventSpec {
        pre: true,
        name: "Pré-Conferência Regional Leste",
        organizer: ORGANIZERS,
        place: "CEU Aricanduva, Rua Olga Fadel Abarca, s/n – Jardim Santa Terezinha",
        link: "",
        date: (9, 14),
        expected: 200,
        languages: &["pt-BR", "es", "fr", "ht", "ar"],
        participants: 138,
        proposals: 62,
        focus: None,
        foreign: 5,
    },
    EventSpec {
        pre: false,
        name: "Conferência Livre da Pastoral do Migrante – Glicério",
        organizer: "Pastoral do Migrante – Paróquia Nossa Senhora da Paz",
        place: "Salão paroquial, Rua do Glicério, 225 – Liberdade",
        link: "",
        date: (6, 29),
        expected: 80,
        languages: &["pt-BR", "es", "fr", "ht"],
        participants: 54,
        proposals: 20,
        focus: Some(1),
        foreign: 25,
    },
    EventSpec {
        pre: false,
        name: "Conferência Livre da Comunidade Boliviana",
        organizer: "Associação Cultural Boliviana Illimani",
        place: "Sede da associação, Rua Coimbra, 287 – Brás",
        link: "",
        date: (7, 6),
        expected: 60,
        languages: &["pt-BR", "es"],
        participants: 46,
        proposals: 19,
        focus: Some(5),
        foreign: 28,
    },
    EventSpec {
        pre: false,
        name: "Conferência Livre da Comunidade Haitiana – Konferans Lib Kominote Ayisyen an",
        organizer: "Associação Lakay dos Haitianos em São Paulo",
        place: "Espaço comunitário, Rua Tabatinguera, 140 – Sé",
        link: "",
        date: (7, 13),
        expected: 60,
        languages: &["pt-BR", "ht", "fr"],
        participants: 38,
        proposals: 17,
        focus: Some(3),
        foreign: 32,
    },
    EventSpec {
        pre: false,
        name: "Conferência Livre de Venezuelanas e Venezuelanos em São Paulo",
        organizer: "Colectivo Venezuela Acolhida SP",
        place: "Casa de Cultura do Butantã, Avenida Junta Mizumoto, 13 – Butantã",
        link: "",
        date: (7, 20),
        expected: 50,
        languages: &["pt-BR", "es"],
        participants: 31,
        proposals: 12,
        focus: Some(1),
        foreign: 28,
    },
    EventSpec {
        pre: false,
        name: "Conferência Livre da Comunidade Congolesa",
        organizer: "Comunidade Congolesa Mbote Brasil",
        place: "Espaço comunitário, Rua Conselheiro Ramalho, 412 – Bela Vista",
        link: "",
        date: (7, 27),
        expected: 40,
        languages: &["pt-BR", "fr"],
        participants: 27,
        proposals: 12,
        focus: Some(3),
        foreign: 28,
    },
    EventSpec {
        pre: false,
        name: "Conferência Livre Sírio-Brasileira de Acolhida",
        organizer: "Centro Cultural Sírio-Brasileiro de Acolhida",
        place: "Salão do centro cultural, Rua Cavalheiro Basílio Jafet, 95 – Centro",
        link: "",
        date: (8, 3),
        expected: 40,
        languages: &["pt-BR", "ar", "en"],
        participants: 24,
        proposals: 11,
        focus: Some(6),
        foreign: 45,
    },
    EventSpec {
        pre: false,
        name: "Conferência Livre da Comunidade Peruana",
        organizer: "Asociación Peruana Inti Raymi",
        place: "Salão comunitário, Rua Silva Teles, 715 – Pari",
        link: "",
        date: (8, 10),
        expected: 35,
        languages: &["pt-BR", "es"],
        participants: 22,
        proposals: 10,
        focus: Some(2),
        foreign: 28,
    },
    EventSpec {
        pre: false,
        name: "Conferência Livre Angolana Kandandu",
        organizer: "Associação dos Angolanos em São Paulo – Kandandu",
        place: "CEU Vila Curuçá, Avenida Marechal Tito, 3400 – Vila Curuçá",
        link: "",
        date: (8, 11),
        expected: 30,
        languages: &["pt-BR"],
        participants: 19,
        proposals: 10,
        focus: Some(6),
        foreign: 0,
    },
    EventSpec {
        pre: false,
        name: "Conferência Livre Teranga da Comunidade Senegalesa",
        organizer: "Associação Teranga dos Senegaleses de São Paulo",
        place: "Espaço comunitário, Rua dos Gusmões, 322 – Santa Ifigênia",
        link: "",
        date: (8, 18),
        expected: 30,
        languages: &["pt-BR", "fr"],
        participants: 21,
        proposals: 9,
        focus: Some(5),
        foreign: 28,
    },
    EventSpec {
        pre: false,
        name: "Conferência Livre das Mulheres Imigrantes",
        organizer: "Coletivo Mulheres Imigrantes em Movimento",
        place: "Biblioteca Mário de Andrade, Rua da Consolação, 94 – República",
        link: "",
        date: (8, 25),
        expected: 70,
        languages: &["pt-BR", "es", "fr", "ht"],
        participants: 44,
        proposals: 20,
        focus: Some(4),
        foreign: 20,
    },
    EventSpec {
        pre: false,
        name: "Conferência Livre LGBTI+ Imigrante",
        organizer: "Coletivo Arco-Íris Migrante",
        place: "Centro de Cidadania LGBTI Arouche, Largo do Arouche – República",
        link: "",
        date: (9, 7),
        expected: 40,
        languages: &["pt-BR", "es", "en"],
        participants: 26,
        proposals: 12,
        focus: Some(4),
        foreign: 20,
    },
    EventSpec {
        pre: false,
        name: "Conferência Livre On-line Universidade e Migrações",
        organizer: "Projeto de extensão Migrações e Direitos Humanos da Faculdade de Direito",
        place: "",
        link: "https://meet.jit.si/ConferenciaLivreUniversidadeMigracoes2019",
        date: (9, 11),
        expected: 60,
        languages: &["pt-BR", "es", "en", "fr"],
        participants: 35,
        proposals: 13,
        focus: Some(6),
        foreign: 16,
    },
    EventSpec {
        pre: false,
        name: "Conferência Livre de Colombianas e Colombianos",
        organizer: "Red Colombia en São Paulo",
        place: "Centro Cultural São Paulo, Rua Vergueiro, 1000 – Paraíso",
        link: "",
        date: (9, 15),
        expected: 30,
        languages: &["pt-BR", "es"],
        participants: 18,
        proposals: 9,
        focus: None,
        foreign: 28,
    },
    EventSpec {
        pre: false,
        name: "Conferência Livre da Comunidade Nigeriana",
        organizer: "Nigerian Community Association of São Paulo",
        place: "Espaço comunitário, Rua Santa Rosa, 50 – Brás",
        link: "",
        date: (9, 21),
        expected: 25,
        languages: &["pt-BR", "en"],
        participants: 15,
        proposals: 8,
        focus: Some(5),
        foreign: 28,
    },
    EventSpec {
        pre: false,
        name: "Conferência Livre On-line de Jovens Imigrantes",
        organizer: "Rede de Jovens Imigrantes e Filhos de Imigrantes",
        place: "",
        link: "https://meet.jit.si/JovensImigrantesSP2019",
        date: (9, 28),
        expected: 80,
        languages: &["pt-BR", "es", "en", "fr", "ht", "ar"],
        participants: 40,
        proposals: 14,
        focus: Some(6),
        foreign: 16,
    },
    EventSpec {
        pre: false,
        name: "Conferência Livre das Trabalhadoras e Trabalhadores da Costura",
        organizer: "Cooperativa de Costura Imigrante do Bom Retiro",
        place: "Sede da cooperativa, Rua Ribeiro de Lima, 610 – Bom Retiro",
        link: "",
        date: (10, 5),
        expected: 50,
        languages: &["pt-BR", "es"],
        participants: 33,
        proposals: 15,
        focus: Some(5),
        foreign: 25,
    },
    EventSpec {
        pre: false,
        name: "Conferência Livre contra a Intolerância Religiosa",
        organizer: "Centro Islâmico de Acolhida do Brás",
        place: "Salão do centro, Rua Barão de Ladário, 300 – Brás",
        link: "",
        date: (10, 12),
        expected: 30,
        languages: &["pt-BR", "ar", "fr"],
        participants: 20,
        proposals: 9,
        focus: Some(3),
        foreign: 35,
    },
    EventSpec {
        pre: false,
        name: "Conferência Livre On-line de Empreendedores Imigrantes",
        organizer: "Rede de Empreendedores Imigrantes de São Paulo",
        place: "",
        link: "https://meet.jit.si/EmpreendedoresImigrantesSP2019",
        date: (10, 19),
        expected: 40,
        languages: &["pt-BR", "es", "en"],
        participants: 17,
        proposals: 9,
        focus: Some(5),
        foreign: 16,
    },
    EventSpec {
        pre: false,
        name: "Conferência Livre de Esporte e Saúde Imigrante da Zona Leste",
        organizer: "Liga de Futebol Imigrante da Zona Leste",
        place: "Clube Escola Guaianases, Rua Salvador Gianetti, 1200 – Guaianases",
        link: "",
        date: (10, 26),
        expected: 50,
        languages: &["pt-BR", "es", "fr", "ht"],
        participants: 28,
        proposals: 13,
        focus: Some(7),
        foreign: 20,
    },
];

// ---------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------

/// The address part the event store makes from an event's name (the names here give
/// distinct ones, so the store adds no `-2`): later loaders can find an event by it.
fn slug_from_name(name: &str) -> String {
    voz_app::conferences::event::rules::slug_from_name(name)
}

/// xorshift64: small, fixed and enough to spread the ideas over events.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// lo..=hi
    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + (self.next() % u64::from(hi - lo + 1)) as u32
    }

    fn chance(&mut self, percent: u32) -> bool {
        self.next() % 100 < u64::from(percent)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

const SEED: u64 = 0x2019_05A0_9A01_0C0F;

/// How often a base idea comes up: the first ideas of a theme are the common demands.
fn weight(idea: &Idea, position: usize) -> u64 {
    if idea.motion.is_some() {
        14
    } else {
        40 - 2 * position as u64
    }
}

/// The target groups (variants 1..=6) that make sense for an idea; 0 (none) always does.
fn variants_for(theme: usize, idea: &Idea) -> Vec<usize> {
    if let Some(only) = idea.only {
        return only.to_vec();
    }
    let t = idea.pt.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
    // Letters to other governments are only ever widened to refugees.
    if idea.motion.is_some() {
        return if has(&["refugi", "refúgio"]) {
            vec![0]
        } else {
            vec![0, 6]
        };
    }
    let mut out = vec![0];
    if theme != 4
        && !has(&[
            "mulher",
            "gestante",
            "mães",
            "trabalhadoras",
            "crianças",
            "escola",
            "alunos",
            "currículo",
        ])
    {
        out.push(1);
    }
    // Children and teenagers: for services families use, not for councils, jobs or women's
    // and LGBTI+ services.
    if [1, 2, 3, 6, 7].contains(&theme)
        && !has(&[
            "criança",
            "filhos",
            "jovens",
            "alunos",
            "escola",
            "creche",
            "idosos",
            "servidores",
            "profissionais",
            "presos",
            "ambulantes",
        ])
    {
        out.push(2);
    }
    if !has(&["regi", "periferi", "centro cultural", "terminal"]) {
        out.push(3);
    }
    if !has(&[
        "idioma",
        "intérprete",
        "traduzir",
        "multil",
        "língua",
        "portugu",
    ]) {
        out.push(4);
    }
    if !has(&["particip", "conselh", "comunidade"]) {
        out.push(5);
    }
    if !has(&["refugi", "refúgio"]) {
        out.push(6);
    }
    out
}

fn title_in(idea: &Idea, language: &str, variant: usize) -> String {
    let base = if language == PT {
        idea.pt
    } else {
        idea.tr[tr_index(language)]
    };
    if variant == 0 {
        return base.to_owned();
    }
    let separator = if language == "ar" { "، " } else { ", " };
    format!(
        "{base}{separator}{}",
        QUALIFIERS[variant - 1][lang_index(language)]
    )
}

fn level_name(level: &str, language: &str) -> &'static str {
    let n = match level {
        "municipal" => 0,
        "state" => 1,
        _ => 2,
    };
    LEVEL_NAMES[lang_index(language)][n]
}

fn proposal_body(rng: &mut Rng, idea: &Idea, theme: usize, language: &str, title: &str) -> String {
    let l = lang_index(language);
    let [proposal, axis, level] = LABELS[l];
    let colon = if language == "fr" { " :" } else { ":" };
    let context = CONTEXTS[l][rng.below(3)];
    let problem = if language == PT {
        if rng.chance(50) {
            format!("{} {context}", idea.why)
        } else {
            idea.why.to_owned()
        }
    } else {
        context.to_owned()
    };
    let end = if language == "ar" { "" } else { "." };
    format!(
        "{problem}\n\n**{proposal}{colon}** {title}{end}\n\n**{axis}{colon}** {}\n**{level}{colon}** {}",
        THEMES[theme][l],
        level_name(idea.level, language),
    )
}

enum Kind {
    Idea(usize),
    Special(usize),
}

struct Slot {
    event: usize,
    theme: usize,
    kind: Kind,
    language: &'static str,
    supports: u32,
}

fn pick_weighted(rng: &mut Rng, candidates: &[usize], theme: usize) -> usize {
    let ideas = IDEAS[theme];
    let total: u64 = candidates.iter().map(|&k| weight(&ideas[k], k)).sum();
    let mut roll = rng.next() % total;
    for &k in candidates {
        let w = weight(&ideas[k], k);
        if roll < w {
            return k;
        }
        roll -= w;
    }
    candidates[candidates.len() - 1]
}

/// Each event's proposals: its groups work through the themes (more on its own focus),
/// each writing ideas the event has not written yet.
fn slots(rng: &mut Rng) -> Vec<Slot> {
    let mut all = Vec::new();
    for (e, spec) in EVENTS.iter().enumerate() {
        let specials: Vec<usize> = (0..SPECIALS.len())
            .filter(|&s| SPECIALS[s].event == e)
            .collect();
        let regular = spec.proposals - specials.len();
        let foreign: Vec<&'static str> = spec
            .languages
            .iter()
            .copied()
            .filter(|l| *l != PT)
            .collect();
        let mut used = [[false; 24]; 8];
        let mut cycle = 0;
        let mut mine = Vec::new();
        for i in 0..regular {
            let theme = match spec.focus {
                Some(f) if i % 4 == 1 => f,
                _ => {
                    cycle += 1;
                    (e + cycle) % 8
                }
            };
            let ideas = IDEAS[theme];
            let mut language = PT;
            if !foreign.is_empty() && rng.chance(spec.foreign) {
                language = foreign[rng.below(foreign.len())];
            }
            let free = |language: &str| -> Vec<usize> {
                (0..ideas.len())
                    .filter(|&k| {
                        !used[theme][k]
                            && (language == PT || !ideas[k].tr[tr_index(language)].is_empty())
                    })
                    .collect()
            };
            let mut candidates = free(language);
            if candidates.is_empty() {
                language = PT;
                candidates = free(PT);
            }
            let k = pick_weighted(rng, &candidates, theme);
            used[theme][k] = true;
            let supports = if spec.pre {
                rng.range(3, 58)
            } else {
                rng.range(0, (spec.participants - 1).min(45))
            };
            mine.push(Slot {
                event: e,
                theme,
                kind: Kind::Idea(k),
                language,
                supports,
            });
        }
        for s in specials {
            let special = &SPECIALS[s];
            let supports = rng.range(0, 6);
            mine.push(Slot {
                event: e,
                theme: special.theme,
                kind: Kind::Special(s),
                language: special.language,
                supports,
            });
        }
        // The event's record lists its proposals theme by theme.
        mine.sort_by_key(|slot| slot.theme);
        all.extend(mine);
    }
    all
}

#[derive(Clone, Copy, PartialEq)]
enum Plan {
    /// Merged into the consolidated item of its idea and variant.
    Regular,
    /// Merged into a motion.
    Motion(usize),
    Withdrawn,
    Hidden,
    OutOfScope,
}

pub fn demo() -> Demo {
    let mut rng = Rng(SEED);
    let themes = THEMES
        .iter()
        .map(|names| Theme {
            names: LANGS
                .iter()
                .zip(names)
                .map(|(l, n)| (*l, (*n).to_owned()))
                .collect(),
        })
        .collect();
    let events: Vec<Event> = EVENTS
        .iter()
        .map(|spec| Event {
            kind: if spec.pre {
                EventKind::PreConference
            } else {
                EventKind::FreeConference
            },
            slug: slug_from_name(spec.name),
            name: spec.name.to_owned(),
            organizer: spec.organizer.to_owned(),
            place: (!spec.place.is_empty()).then(|| spec.place.to_owned()),
            online_link: (!spec.link.is_empty()).then(|| spec.link.to_owned()),
            date: (2019, spec.date.0, spec.date.1),
            expected_audience: spec.expected,
            languages: spec.languages.to_vec(),
            participants: spec.participants,
        })
        .collect();

    let slots = slots(&mut rng);

    // What happens to each proposal.
    let mut plans: Vec<Plan> = slots
        .iter()
        .map(|slot| match slot.kind {
            Kind::Special(s) if SPECIALS[s].hidden => Plan::Hidden,
            Kind::Special(_) => Plan::OutOfScope,
            Kind::Idea(k) => match IDEAS[slot.theme][k].motion {
                Some(m) => Plan::Motion(m),
                None => Plan::Regular,
            },
        })
        .collect();
    for near in WITHDRAWN_NEAR {
        let n = (near..slots.len())
            .find(|&n| {
                plans[n] == Plan::Regular
                    && IDEAS[slots[n].theme][idea_of(&slots[n])].link.is_none()
            })
            .expect("a proposal to withdraw");
        plans[n] = Plan::Withdrawn;
    }

    // Group the regular proposals by idea; split the most common ideas by target group
    // until there are exactly NON_MOTION_ITEMS consolidated items.
    let mut by_idea: Vec<Vec<Vec<usize>>> = IDEAS
        .iter()
        .map(|ideas| vec![Vec::new(); ideas.len()])
        .collect();
    for (n, slot) in slots.iter().enumerate() {
        if plans[n] == Plan::Regular {
            by_idea[slot.theme][idea_of(slot)].push(n);
        }
    }
    let allowed: Vec<Vec<Vec<usize>>> = IDEAS
        .iter()
        .enumerate()
        .map(|(t, ideas)| ideas.iter().map(|idea| variants_for(t, idea)).collect())
        .collect();
    let mut splits: Vec<Vec<usize>> = by_idea
        .iter()
        .map(|ideas| {
            ideas
                .iter()
                .map(|sources| usize::from(!sources.is_empty()))
                .collect()
        })
        .collect();
    let mut items_count: usize = splits.iter().flatten().sum();
    assert!(
        items_count <= NON_MOTION_ITEMS,
        "too many ideas for {NON_MOTION_ITEMS} items"
    );
    while items_count < NON_MOTION_ITEMS {
        let mut best: Option<(usize, usize)> = None;
        for t in 0..8 {
            for k in 0..IDEAS[t].len() {
                let (n, s) = (by_idea[t][k].len(), splits[t][k]);
                if s == 0 || s >= n || s >= allowed[t][k].len() {
                    continue;
                }
                let better = match best {
                    None => true,
                    Some((bt, bk)) => n * splits[bt][bk] > by_idea[bt][bk].len() * s,
                };
                if better {
                    best = Some((t, k));
                }
            }
        }
        let (t, k) = best.expect("an idea to split");
        splits[t][k] += 1;
        items_count += 1;
    }

    // Variants per proposal and the consolidated items.
    let mut variant = vec![0usize; slots.len()];
    let mut primary = vec![usize::MAX; slots.len()];
    let mut consolidated = Vec::new();
    let mut item_idea: Vec<(usize, usize, usize)> = Vec::new();
    for t in 0..8 {
        for k in 0..IDEAS[t].len() {
            let s = splits[t][k];
            if s == 0 {
                continue;
            }
            // Most items keep the plain wording; the narrower ones come from splits.
            let mut choices: Vec<usize> =
                allowed[t][k].iter().copied().filter(|&v| v != 0).collect();
            rng.shuffle(&mut choices);
            if rng.chance(70) {
                choices.insert(0, 0);
            } else {
                choices.push(0);
            }
            let mut chosen: Vec<usize> = choices.into_iter().take(s).collect();
            chosen.sort_unstable();
            let mut sources = by_idea[t][k].clone();
            rng.shuffle(&mut sources);
            for (j, &n) in sources.iter().enumerate() {
                variant[n] = chosen[j % s];
            }
            for &v in &chosen {
                let index = consolidated.len();
                for &n in &by_idea[t][k] {
                    if variant[n] == v {
                        primary[n] = index;
                    }
                }
                item_idea.push((t, k, v));
                consolidated.push(Consolidated {
                    theme: t,
                    motion: false,
                    title: title_in(&IDEAS[t][k], PT, v),
                    body: String::new(),
                });
            }
        }
    }
    assert_eq!(consolidated.len(), NON_MOTION_ITEMS);
    for (theme, title, _) in MOTIONS {
        consolidated.push(Consolidated {
            theme,
            motion: true,
            title: title.to_owned(),
            body: String::new(),
        });
    }

    // Other proposals' variants (their titles vary too).
    for (n, slot) in slots.iter().enumerate() {
        if matches!(plans[n], Plan::Motion(_) | Plan::Withdrawn) {
            let choices = &allowed[slot.theme][idea_of(slot)];
            variant[n] = if rng.chance(50) {
                0
            } else {
                choices[rng.below(choices.len())]
            };
        }
    }

    // Fates. Some proposals of ideas related to a motion also feed it: INTO_TWO_MAX of
    // them, spread evenly over the events.
    let linked: Vec<usize> = (0..slots.len())
        .filter(|&n| {
            plans[n] == Plan::Regular && IDEAS[slots[n].theme][idea_of(&slots[n])].link.is_some()
        })
        .collect();
    assert!(
        linked.len() >= INTO_TWO_MAX,
        "only {} linked proposals",
        linked.len()
    );
    let into_two: Vec<usize> = (0..INTO_TWO_MAX)
        .map(|i| linked[i * linked.len() / INTO_TWO_MAX])
        .collect();
    let fates: Vec<Fate> = slots
        .iter()
        .enumerate()
        .map(|(n, slot)| match plans[n] {
            Plan::Regular => match IDEAS[slot.theme][idea_of(slot)].link {
                Some(m) if into_two.contains(&n) => {
                    Fate::Into(vec![primary[n], NON_MOTION_ITEMS + m])
                }
                _ => Fate::Into(vec![primary[n]]),
            },
            Plan::Motion(m) => Fate::Into(vec![NON_MOTION_ITEMS + m]),
            Plan::Withdrawn => Fate::Withdrawn,
            Plan::Hidden => Fate::Hidden,
            Plan::OutOfScope => Fate::OutOfScope,
        })
        .collect();

    // Proposals.
    let mut proposals = Vec::new();
    for (n, slot) in slots.iter().enumerate() {
        let proposal = match slot.kind {
            Kind::Special(s) => {
                let special = &SPECIALS[s];
                Proposal {
                    event: slot.event,
                    theme: slot.theme,
                    level: special.level,
                    language: special.language,
                    title: special.title.to_owned(),
                    body: special.body.to_owned(),
                    supports: slot.supports,
                    fate: fates[n].clone(),
                }
            }
            Kind::Idea(k) => {
                let idea = &IDEAS[slot.theme][k];
                let title = title_in(idea, slot.language, variant[n]);
                let body = proposal_body(&mut rng, idea, slot.theme, slot.language, &title);
                Proposal {
                    event: slot.event,
                    theme: slot.theme,
                    level: idea.level,
                    language: slot.language,
                    title,
                    body,
                    supports: slot.supports,
                    fate: fates[n].clone(),
                }
            }
        };
        proposals.push(proposal);
    }

    // Consolidated bodies, naming where their sources came from.
    for (index, item) in consolidated.iter_mut().enumerate() {
        let sources: Vec<usize> = (0..proposals.len())
            .filter(|&n| matches!(&proposals[n].fate, Fate::Into(into) if into.contains(&index)))
            .collect();
        let mut names: Vec<&str> = Vec::new();
        for &n in &sources {
            let name = events[proposals[n].event].name.as_str();
            if !names.contains(&name) {
                names.push(name);
            }
        }
        let origin = format!(
            "**Origem:** {} {} de {} {}: {}.",
            sources.len(),
            if sources.len() == 1 {
                "proposta"
            } else {
                "propostas"
            },
            names.len(),
            if names.len() == 1 {
                "evento"
            } else {
                "eventos"
            },
            names.join("; "),
        );
        item.body = if item.motion {
            let (_, _, letter) = MOTIONS[index - NON_MOTION_ITEMS];
            format!("{letter}\n\n{origin}")
        } else {
            let (t, k, v) = item_idea[index];
            let idea = &IDEAS[t][k];
            format!(
                "{}\n\n**Proposta consolidada:** {}.\n\n**Público prioritário:** {}.\n**Esfera:** {}.\n**Órgão responsável sugerido:** {}.\n\n{origin}",
                idea.why,
                item.title,
                PUBLICS[v],
                level_name(idea.level, PT),
                idea.resp,
            )
        };
    }

    let plan = plan(&mut rng, &item_idea, &proposals);

    Demo {
        themes,
        events,
        proposals,
        consolidated,
        plan,
    }
}

fn idea_of(slot: &Slot) -> usize {
    match slot.kind {
        Kind::Idea(k) => k,
        Kind::Special(_) => usize::MAX,
    }
}

const STATUSES: [&str; 12] = [
    "in_progress",
    "achieved",
    "in_progress",
    "delayed",
    "in_progress",
    "not_started",
    "achieved",
    "in_progress",
    "delayed",
    "in_progress",
    "achieved",
    "not_started",
];

fn linear(baseline: f64, target: f64) -> Vec<(u16, f64)> {
    (1..=4u16)
        .map(|i| {
            (
                2019 + i,
                (baseline + (target - baseline) * f64::from(i) / 4.0).round(),
            )
        })
        .collect()
}

/// The 4-year plan: for each theme, an action for each of the 10 ideas that gathered the
/// most proposals, from that idea's consolidated items; 131 indicators in all.
fn plan(rng: &mut Rng, item_idea: &[(usize, usize, usize)], proposals: &[Proposal]) -> Vec<Action> {
    // 11 actions with 3 indicators, 29 with 2, 40 with 1: 131.
    let mut counts = [1usize; 80];
    for i in 0..11 {
        counts[i * 7 + 3] = 3;
    }
    let mut doubles = 29;
    for (a, count) in counts.iter_mut().enumerate() {
        if doubles > 0 && *count == 1 && a.is_multiple_of(2) {
            *count = 2;
            doubles -= 1;
        }
    }
    let sources_of = |index: usize| {
        proposals
            .iter()
            .filter(|p| matches!(&p.fate, Fate::Into(into) if into.contains(&index)))
            .count()
    };
    let mut actions = Vec::new();
    let mut status = 0;
    for (t, ideas) in IDEAS.iter().enumerate() {
        let mut ranked: Vec<(usize, usize, Vec<usize>)> = Vec::new();
        for k in 0..ideas.len() {
            let items: Vec<usize> = (0..item_idea.len())
                .filter(|&i| item_idea[i].0 == t && item_idea[i].1 == k)
                .collect();
            if items.is_empty() {
                continue;
            }
            let sources = items.iter().map(|&i| sources_of(i)).sum();
            ranked.push((k, sources, items));
        }
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for (k, _, items) in ranked.into_iter().take(ACTIONS_PER_THEME) {
            let idea = &ideas[k];
            let a = actions.len();
            let (name, unit, baseline, target) = idea.ind;
            let mut indicators = vec![Indicator {
                name: name.to_owned(),
                baseline,
                unit: unit.to_owned(),
                targets: linear(baseline, target),
                status: "",
            }];
            if counts[a] >= 2 {
                let reach = if baseline == 0.0 {
                    0.0
                } else {
                    f64::from(rng.range(2, 24) * 50)
                };
                let goal = if reach == 0.0 {
                    f64::from(rng.range(6, 30) * 50)
                } else {
                    reach * 2.0
                };
                indicators.push(Indicator {
                    name: "Pessoas imigrantes alcançadas pela ação".to_owned(),
                    baseline: reach,
                    unit: "pessoas por ano".to_owned(),
                    targets: linear(reach, goal),
                    status: "",
                });
            }
            if counts[a] == 3 {
                indicators.push(Indicator {
                    name: "Execução do orçamento anual previsto para a ação".to_owned(),
                    baseline: 0.0,
                    unit: "%".to_owned(),
                    targets: vec![(2020, 80.0), (2021, 85.0), (2022, 90.0), (2023, 95.0)],
                    status: "",
                });
            }
            for indicator in &mut indicators {
                indicator.status = STATUSES[status % STATUSES.len()];
                status += 1;
            }
            actions.push(Action {
                title: idea.action.to_owned(),
                responsible: idea.resp.to_owned(),
                from: items.into_iter().take(3).collect(),
                indicators,
            });
        }
    }
    actions
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{HashMap, HashSet};

    /// As `voz_app::platform::text::is_forbidden_char`: `<`, `>`, bidirectional marks and
    /// overrides, control characters.
    fn forbidden(c: char) -> bool {
        matches!(c, '<' | '>' | '\u{200E}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
            || c.is_control()
    }

    fn one_line_ok(text: &str, max: usize) -> bool {
        !text.is_empty()
            && text.chars().count() <= max
            && !text.chars().any(forbidden)
            && text.split_whitespace().collect::<Vec<_>>().join(" ") == text
    }

    fn body_ok(text: &str) -> bool {
        !text.is_empty()
            && text.trim() == text
            && text.chars().count() <= 5000
            && !text.chars().any(|c| forbidden(c) && c != '\n')
    }

    #[test]
    fn slugs_as_the_event_store_makes_them() {
        assert_eq!(
            slug_from_name("Pré-conferência Zona Sul"),
            "pre-conferencia-zona-sul"
        );
        assert_eq!(slug_from_name("  São Paulo — 2019 "), "sao-paulo-2019");
        assert_eq!(slug_from_name("مؤتمر"), "evento");
        let d = demo();
        for e in &d.events {
            assert_eq!(e.slug, slug_from_name(&e.name));
            assert!(e.slug.len() <= 40 && e.slug != "evento");
        }
        assert_eq!(d.events[0].slug, "pre-conferencia-regional-centro");
    }

    #[test]
    fn deterministic() {
        assert_eq!(demo(), demo());
    }

    #[test]
    fn themes_in_six_languages() {
        let d = demo();
        assert_eq!(d.themes.len(), 8);
        for theme in &d.themes {
            let langs: Vec<&str> = theme.names.iter().map(|(l, _)| *l).collect();
            assert_eq!(langs, LANGS);
            assert_eq!(theme.names[0].0, "pt-BR");
            let names: HashSet<&str> = theme.names.iter().map(|(_, n)| n.as_str()).collect();
            assert_eq!(names.len(), 6, "{:?}", theme.names);
            assert!(theme.names.iter().all(|(_, n)| one_line_ok(n, 200)));
        }
        assert_eq!(
            d.themes[0].names[2].1,
            "Social participation and migrant leadership"
        );
        assert_eq!(d.themes[7].names[2].1, "Health, leisure and sport");
    }

    #[test]
    fn events() {
        let d = demo();
        assert_eq!(d.events.len(), 23);
        assert!(
            d.events[..4]
                .iter()
                .all(|e| e.kind == EventKind::PreConference)
        );
        assert!(
            d.events[4..]
                .iter()
                .all(|e| e.kind == EventKind::FreeConference)
        );
        let pre_places: Vec<&str> = d.events[..4]
            .iter()
            .map(|e| e.place.as_deref().unwrap_or(""))
            .collect();
        for kind in ["CEU", "CRAI", "Subprefeitura"] {
            assert!(pre_places.iter().any(|p| p.contains(kind)), "{kind}");
        }
        let online: Vec<&Event> = d.events.iter().filter(|e| e.place.is_none()).collect();
        assert_eq!(online.len(), 3);
        assert!(
            online
                .iter()
                .all(|e| e.kind == EventKind::FreeConference && e.online_link.is_some())
        );
        let slugs: HashSet<&str> = d.events.iter().map(|e| e.slug.as_str()).collect();
        let names: HashSet<&str> = d.events.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(slugs.len(), 23);
        assert_eq!(names.len(), 23);
        for e in &d.events {
            assert!(
                !e.slug.is_empty()
                    && e.slug
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            );
            assert!(
                !e.slug.starts_with('-') && !e.slug.ends_with('-'),
                "{}",
                e.slug
            );
            assert!(one_line_ok(&e.name, 120), "{}", e.name);
            assert!(one_line_ok(&e.organizer, 120), "{}", e.organizer);
            assert!(e.place.is_some() || e.online_link.is_some());
            if let Some(place) = &e.place {
                assert!(one_line_ok(place, 200), "{place}");
            }
            if let Some(link) = &e.online_link {
                assert!(link.len() <= 300 && !link.chars().any(char::is_whitespace));
                let rest = link.strip_prefix("https://").expect("https");
                let host = rest.split('/').next().unwrap_or("");
                assert!(host.contains('.') && rest.len() > host.len() + 1, "{link}");
                assert!(!link.contains('<') && !link.contains('>'));
            }
            let (y, m, day) = e.date;
            assert_eq!(y, 2019);
            assert!(
                (6..=10).contains(&m) && (1..=31).contains(&day),
                "{:?}",
                e.date
            );
            assert!(!(m == 6 || m == 9) || day <= 30);
            assert!((1..=10000).contains(&e.expected_audience));
            assert!((1..=6).contains(&e.languages.len()));
            assert!(e.languages.contains(&"pt-BR"));
            assert!(e.languages.iter().all(|l| LANGS.contains(l)));
            assert_eq!(
                e.languages.iter().collect::<HashSet<_>>().len(),
                e.languages.len()
            );
            match e.kind {
                EventKind::PreConference => assert!((80..=200).contains(&e.participants)),
                EventKind::FreeConference => assert!((12..=60).contains(&e.participants)),
            }
        }
    }

    #[test]
    fn proposals() {
        let d = demo();
        assert_eq!(d.proposals.len(), 482);
        let mut per_event = vec![0; d.events.len()];
        let mut per_theme = [0; 8];
        let mut titles: HashSet<(usize, &str)> = HashSet::new();
        let mut languages: HashMap<&str, usize> = HashMap::new();
        for p in &d.proposals {
            assert!(p.event < d.events.len());
            assert!(p.theme < 8);
            per_event[p.event] += 1;
            per_theme[p.theme] += 1;
            assert!(["municipal", "state", "federal"].contains(&p.level));
            assert!(
                d.events[p.event].languages.contains(&p.language),
                "{} at {}",
                p.language,
                p.event
            );
            assert!(p.supports <= 60);
            // The loader's supporters are the event's other participants.
            assert!(p.supports < d.events[p.event].participants);
            assert!(one_line_ok(&p.title, 200), "{}", p.title);
            assert!(body_ok(&p.body), "{}", p.body);
            assert!(
                titles.insert((p.event, p.title.as_str())),
                "repeated in event {}: {}",
                p.event,
                p.title
            );
            *languages.entry(p.language).or_default() += 1;
        }
        for (e, count) in per_event.iter().enumerate() {
            match d.events[e].kind {
                EventKind::PreConference => {
                    assert!((40..=70).contains(count), "event {e}: {count}")
                }
                EventKind::FreeConference => {
                    assert!((8..=20).contains(count), "event {e}: {count}")
                }
            }
        }
        assert!(per_theme.iter().all(|&n| n >= 30), "{per_theme:?}");
        let pt = languages["pt-BR"] as f64 / 482.0;
        assert!(
            (0.80..=0.90).contains(&pt),
            "pt-BR share {pt} {languages:?}"
        );
        for l in ["es", "fr", "ht", "ar", "en"] {
            assert!(
                languages.get(l).copied().unwrap_or(0) >= 2,
                "{l}: {languages:?}"
            );
        }
    }

    #[test]
    fn fates_and_consolidation() {
        let d = demo();
        assert_eq!(d.consolidated.len(), 211);
        assert_eq!(d.consolidated.iter().filter(|c| c.motion).count(), 9);
        let count = |f: fn(&Fate) -> bool| d.proposals.iter().filter(|p| f(&p.fate)).count();
        assert_eq!(count(|f| matches!(f, Fate::OutOfScope)), 12);
        assert_eq!(count(|f| matches!(f, Fate::Withdrawn)), 5);
        assert_eq!(count(|f| matches!(f, Fate::Hidden)), 3);
        let two = count(|f| matches!(f, Fate::Into(v) if v.len() == 2));
        assert!((20..=30).contains(&two), "{two}");
        let mut sources: Vec<Vec<usize>> = vec![Vec::new(); d.consolidated.len()];
        for (n, p) in d.proposals.iter().enumerate() {
            if let Fate::Into(into) = &p.fate {
                assert!((1..=2).contains(&into.len()));
                assert_eq!(into.iter().collect::<HashSet<_>>().len(), into.len());
                for &i in into {
                    assert!(i < d.consolidated.len());
                    let item = &d.consolidated[i];
                    if !item.motion {
                        assert_eq!(item.theme, p.theme, "{} -> {}", p.title, item.title);
                    }
                    sources[i].push(n);
                }
            }
        }
        let mut multi_event = 0;
        let mut small = 0;
        for (i, item) in d.consolidated.iter().enumerate() {
            assert!(
                !sources[i].is_empty(),
                "item {i} has no source: {}",
                item.title
            );
            assert!(item.theme < 8);
            assert!(one_line_ok(&item.title, 200), "{}", item.title);
            assert!(body_ok(&item.body), "{}", item.body);
            let events: HashSet<usize> = sources[i].iter().map(|&n| d.proposals[n].event).collect();
            if events.len() >= 2 {
                multi_event += 1;
            }
            if sources[i].len() <= 4 {
                small += 1;
            }
        }
        assert!(multi_event >= 60, "{multi_event}");
        assert!(small * 10 >= d.consolidated.len() * 8, "{small}");
        for t in 0..8 {
            assert!(
                d.consolidated.iter().any(|c| c.theme == t && !c.motion),
                "theme {t}"
            );
        }
    }

    #[test]
    fn plan() {
        let d = demo();
        assert_eq!(d.plan.len(), 80);
        assert_eq!(
            d.plan.iter().map(|a| a.indicators.len()).sum::<usize>(),
            131
        );
        let mut themes = HashSet::new();
        for a in &d.plan {
            assert!(one_line_ok(&a.title, 200), "{}", a.title);
            assert!(one_line_ok(&a.responsible, 200));
            assert!(!a.from.is_empty());
            for &i in &a.from {
                assert!(i < d.consolidated.len() && !d.consolidated[i].motion);
                themes.insert(d.consolidated[i].theme);
            }
            assert!((1..=3).contains(&a.indicators.len()));
            for ind in &a.indicators {
                assert!(one_line_ok(&ind.name, 200) && one_line_ok(&ind.unit, 50));
                assert!(ind.baseline.is_finite() && ind.baseline >= 0.0);
                let years: Vec<u16> = ind.targets.iter().map(|(y, _)| *y).collect();
                assert_eq!(years, [2020, 2021, 2022, 2023]);
                assert!(ind.targets.iter().all(|(_, v)| v.is_finite() && *v >= 0.0));
                assert!(
                    ["not_started", "in_progress", "achieved", "delayed"].contains(&ind.status)
                );
            }
        }
        assert_eq!(themes.len(), 8);
        for t in 0..8 {
            let of_theme = d
                .plan
                .iter()
                .filter(|a| d.consolidated[a.from[0]].theme == t)
                .count();
            assert_eq!(of_theme, ACTIONS_PER_THEME, "theme {t}");
        }
        for a in &d.plan {
            let themes: HashSet<usize> = a.from.iter().map(|&i| d.consolidated[i].theme).collect();
            assert_eq!(themes.len(), 1, "{}", a.title);
        }
    }
}
