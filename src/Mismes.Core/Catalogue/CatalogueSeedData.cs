namespace Mismes.Core.Catalogue;

/// <summary>The texts of one seeded measure in one language.</summary>
internal sealed record SeedText(
    string Title,
    string Implementers,
    string Funders,
    string Period,
    string Budget,
    string Beneficiaries,
    string Activities);

/// <summary>One measure of the report as seeded: language-neutral facts and its texts in fr, en, ar and es.</summary>
internal sealed class SeedMeasure
{
    public required string Slug { get; init; }

    public int? Number { get; init; }

    public string? ParentSlug { get; init; }

    public int? Position { get; init; }

    public MeasureOrigin Origin { get; init; } = MeasureOrigin.Table21;

    public required MigrationPhase Phase { get; init; }

    public required MeasureModel[] Models { get; init; }

    public required string[] Implementers { get; init; }

    public required string[] Funders { get; init; }

    public int? StartYear { get; init; }

    public int? StartMonth { get; init; }

    public int? EndYear { get; init; }

    public int? EndMonth { get; init; }

    public bool Ongoing { get; init; }

    public decimal? BudgetAmount { get; init; }

    public string? BudgetCurrency { get; init; }

    public int? BeneficiariesMin { get; init; }

    public int? BeneficiariesMax { get; init; }

    public required string Source { get; init; }

    public required SeedText Fr { get; init; }

    public required SeedText En { get; init; }

    public required SeedText Ar { get; init; }

    public required SeedText Es { get; init; }

    public IEnumerable<(string Culture, SeedText Text)> Texts => [("fr", Fr), ("en", En), ("ar", Ar), ("es", Es)];
}

/// <summary>
/// The measures of the ETF report "Migrant support measures from an employment and skills perspective (MISMES):
/// Morocco" (2015), Table 2.1 and sections 2.1–2.9: 9 measures grouping 13 initiatives (3 before, 5 during and 5 after
/// migration). Measure 1 groups the integrated seasonal migration programme Morocco–Spain (its leaf initiative);
/// measure 9 groups the five assisted voluntary return programmes. Figures are the report's, as given. The models
/// of the typology are our classification: the report names the 11 models but does not assign them to measures.
/// </summary>
internal static partial class CatalogueSeedData
{
    private const string Src = "ETF (2015), MISMES Maroc, tableau 2.1";

    public static IReadOnlyList<SeedMeasure> Measures { get; } =
    [
        new SeedMeasure
        {
            Slug = "anapec-international", Number = 1, Phase = MigrationPhase.PreMigration,
            Models = [MeasureModel.InternationalJobMatching, MeasureModel.PreDepartureInformation],
            Implementers = ["ANAPEC"], Funders = ["ANAPEC", "EU"],
            StartYear = 2001, Ongoing = true, BeneficiariesMin = 2000, BeneficiariesMax = 13000,
            Source = Src + ", section 2.1",
            Fr = new(
                "ANAPEC International, y compris le Programme de gestion intégrée de la migration saisonnière Maroc-Espagne",
                "ANAPEC – Agence nationale de promotion de l'emploi et des compétences",
                "ANAPEC\nDifférents projets de coopération (Union européenne)",
                "En cours (depuis 2001)",
                "Administratif (ANAPEC) et programmes de soutien (mesures d'accompagnement + renforcement institutionnel)",
                "Entre 2 000 et 13 000 par an",
                "Traitement des offres d'emploi internationales\nPré-sélection des travailleurs migrants demandés\nConcertation avec les autorités espagnoles sur les modalités du contrat, les conditions de travail et l'accompagnement des migrants"),
            En = new(
                "ANAPEC International, including the integrated seasonal migration programme Morocco–Spain",
                "ANAPEC – National Agency for the Promotion of Employment and Skills",
                "ANAPEC\nVarious cooperation projects (European Union)",
                "Ongoing (since 2001)",
                "Administrative (ANAPEC) and support programmes (accompanying measures + institutional strengthening)",
                "Between 2,000 and 13,000 a year",
                "Processing international job offers\nPre-selecting the migrant workers requested\nAgreeing with the Spanish authorities on contract terms, working conditions and support for migrants"),
            Ar = new(
                "أنابيك الدولية، بما في ذلك برنامج التدبير المندمج للهجرة الموسمية بين المغرب وإسبانيا",
                "أنابيك – الوكالة الوطنية لإنعاش التشغيل والكفاءات",
                "أنابيك\nمشاريع تعاون مختلفة (الاتحاد الأوروبي)",
                "جارٍ (منذ 2001)",
                "ميزانية إدارية (أنابيك) وبرامج دعم (تدابير المواكبة + التعزيز المؤسساتي)",
                "ما بين 2000 و13000 في السنة",
                "معالجة عروض الشغل الدولية\nالانتقاء الأولي للعمال المهاجرين المطلوبين\nالتشاور مع السلطات الإسبانية حول شروط العقد وظروف العمل ومواكبة المهاجرين"),
            Es = new(
                "ANAPEC Internacional, incluido el Programa de gestión integral de la migración temporal Marruecos-España",
                "ANAPEC – Agencia Nacional de Promoción del Empleo y las Competencias",
                "ANAPEC\nDiversos proyectos de cooperación (Unión Europea)",
                "En curso (desde 2001)",
                "Administrativo (ANAPEC) y programas de apoyo (medidas de acompañamiento + fortalecimiento institucional)",
                "Entre 2.000 y 13.000 al año",
                "Tramitación de ofertas de empleo internacionales\nPreselección de los trabajadores migrantes solicitados\nConcertación con las autoridades españolas sobre las condiciones del contrato, las condiciones de trabajo y el acompañamiento de los migrantes"),
        },
        new SeedMeasure
        {
            Slug = "migration-saisonniere-maroc-espagne", ParentSlug = "anapec-international", Position = 1,
            Phase = MigrationPhase.PreMigration,
            Models = [MeasureModel.InternationalJobMatching, MeasureModel.LabourMarketInformationAndProtection],
            Implementers = ["ANAPEC", "CARTAYA"], Funders = ["EU"],
            StartYear = 2006, Ongoing = true, BudgetAmount = 1_500_000m, BudgetCurrency = "EUR",
            BeneficiariesMin = 2180, BeneficiariesMax = 13600,
            Source = Src + ", section 2.1 et étude de cas 3.1",
            Fr = new(
                "Programme de gestion intégrée de la migration saisonnière Maroc-Espagne",
                "ANAPEC\nVille de Cartaya (Espagne)",
                "Union européenne – programme AENEAS (projet Cartaya)",
                "Depuis 2006 (accord bilatéral de 2001)",
                "1,5 million d'euros (AENEAS, 2006-2008)",
                "Travailleuses saisonnières sélectionnées : 13 600 en 2008, 6 800 en 2011, 2 180 en 2014",
                "Pré-sélection de travailleuses saisonnières pour la cueillette des fraises à Huelva\nContrats signés au Maroc : 35 € par jour pour 7 heures, jusqu'à 60 € avec les heures supplémentaires\nDeux réunions par an entre les autorités des deux pays (avant et après la campagne)\nPréparation du départ et du retour, information des travailleuses sur leurs droits"),
            En = new(
                "Integrated seasonal migration programme Morocco–Spain",
                "ANAPEC\nCity of Cartaya (Spain)",
                "European Union – AENEAS programme (Cartaya project)",
                "Since 2006 (bilateral agreement of 2001)",
                "EUR 1.5 million (AENEAS, 2006–2008)",
                "Seasonal women workers selected: 13,600 in 2008, 6,800 in 2011, 2,180 in 2014",
                "Pre-selecting seasonal women workers for the strawberry harvest in Huelva\nContracts signed in Morocco: EUR 35 a day for 7 hours, up to EUR 60 with overtime\nTwo meetings a year between the authorities of both countries (before and after the campaign)\nPreparing departure and return, informing the workers of their rights"),
            Ar = new(
                "برنامج التدبير المندمج للهجرة الموسمية بين المغرب وإسبانيا",
                "أنابيك\nبلدية كارتايا (إسبانيا)",
                "الاتحاد الأوروبي – برنامج AENEAS (مشروع كارتايا)",
                "منذ 2006 (اتفاق ثنائي سنة 2001)",
                "1,5 مليون يورو (AENEAS، 2006-2008)",
                "العاملات الموسميات المنتقيات: 13600 سنة 2008، و6800 سنة 2011، و2180 سنة 2014",
                "الانتقاء الأولي لعاملات موسميات لجني الفراولة في ولبة (هويلفا)\nعقود موقعة في المغرب: 35 يورو في اليوم مقابل 7 ساعات، وحتى 60 يورو مع الساعات الإضافية\nاجتماعان في السنة بين سلطات البلدين (قبل الموسم وبعده)\nالتحضير للسفر والعودة وإخبار العاملات بحقوقهن"),
            Es = new(
                "Programa de gestión integral de la migración temporal Marruecos-España",
                "ANAPEC\nAyuntamiento de Cartaya (España)",
                "Unión Europea – programa AENEAS (proyecto Cartaya)",
                "Desde 2006 (acuerdo bilateral de 2001)",
                "1,5 millones de euros (AENEAS, 2006-2008)",
                "Trabajadoras temporeras seleccionadas: 13.600 en 2008, 6.800 en 2011, 2.180 en 2014",
                "Preselección de trabajadoras temporeras para la campaña de la fresa en Huelva\nContratos firmados en Marruecos: 35 € al día por 7 horas, hasta 60 € con horas extraordinarias\nDos reuniones al año entre las autoridades de ambos países (antes y después de la campaña)\nPreparación de la salida y del regreso, información a las trabajadoras sobre sus derechos"),
        },
        new SeedMeasure
        {
            Slug = "e-bosla", Number = 2, Phase = MigrationPhase.PreMigration,
            Models = [MeasureModel.PreDepartureInformation],
            Implementers = ["IOM"], Funders = ["IT-INTERIOR"],
            StartYear = 2012, StartMonth = 11, EndYear = 2014, EndMonth = 12,
            BudgetAmount = 400_000m, BeneficiariesMin = 45, BeneficiariesMax = 45,
            Source = Src + ", section 2.2",
            Fr = new(
                "E-Bosla",
                "Organisation internationale pour les migrations (OIM)",
                "Ministère de l'Intérieur, Italie",
                "Nov. 2012 – déc. 2014",
                "400 000 (devise non précisée)",
                "45",
                "Formation pré-départ à destination des bénéficiaires d'un regroupement familial en Italie (40 h de cours de langue + 20 h d'éducation civique)"),
            En = new(
                "E-Bosla",
                "International Organization for Migration (IOM)",
                "Ministry of the Interior, Italy",
                "Nov. 2012 – Dec. 2014",
                "400,000 (currency not stated)",
                "45",
                "Pre-departure training for people joining their family in Italy (40 h of language classes + 20 h of civic education)"),
            Ar = new(
                "إي-بوصلة (E-Bosla)",
                "المنظمة الدولية للهجرة",
                "وزارة الداخلية، إيطاليا",
                "نونبر 2012 – دجنبر 2014",
                "400000 (العملة غير محددة)",
                "45",
                "تكوين ما قبل السفر لفائدة المستفيدين من التجمع العائلي في إيطاليا (40 ساعة من دروس اللغة + 20 ساعة من التربية المدنية)"),
            Es = new(
                "E-Bosla",
                "Organización Internacional para las Migraciones (OIM)",
                "Ministerio del Interior, Italia",
                "Nov. 2012 – dic. 2014",
                "400.000 (moneda no indicada)",
                "45",
                "Formación previa a la salida para beneficiarios de reagrupación familiar en Italia (40 h de clases de idioma + 20 h de educación cívica)"),
        },
        new SeedMeasure
        {
            Slug = "acces-emploi-international-jeunes", Number = 3, Phase = MigrationPhase.PreMigration,
            Models = [MeasureModel.InternationalJobMatching, MeasureModel.PreDepartureInformation, MeasureModel.ProfessionalSkillsUpgrading],
            Implementers = ["ANAPEC", "GIZ", "WORLDBANK"], Funders = ["MENATF"],
            StartYear = 2015, EndYear = 2018, BudgetAmount = 1_975_000m, BudgetCurrency = "USD",
            BeneficiariesMin = 100, BeneficiariesMax = 150,
            Source = Src + ", section 2.3",
            Fr = new(
                "Améliorer l'accès aux opportunités d'emploi à l'international pour la jeunesse marocaine",
                "ANAPEC\nGIZ\nBanque mondiale",
                "MENA Transition Fund",
                "2015-2018",
                "1 975 000 USD",
                "100-150",
                "Renforcement des capacités institutionnelles en matière de pré-sélection et de préparation des candidats dans le cadre d'un emploi à l'international\nDéveloppement de partenariats durables en matière de placement entre les acteurs publics et privés concernés au Maroc et en Allemagne, au-delà du projet pilote\nDéveloppement et partage des connaissances"),
            En = new(
                "Improving access to international job opportunities for Moroccan youth",
                "ANAPEC\nGIZ\nWorld Bank",
                "MENA Transition Fund",
                "2015–2018",
                "USD 1,975,000",
                "100–150",
                "Building institutional capacity to pre-select and prepare candidates for jobs abroad\nDeveloping lasting placement partnerships between the public and private actors concerned in Morocco and Germany, beyond the pilot project\nDeveloping and sharing knowledge"),
            Ar = new(
                "تحسين ولوج الشباب المغربي إلى فرص الشغل على الصعيد الدولي",
                "أنابيك\nالوكالة الألمانية للتعاون الدولي (GIZ)\nالبنك الدولي",
                "صندوق التحول لمنطقة الشرق الأوسط وشمال إفريقيا",
                "2015-2018",
                "1975000 دولار أمريكي",
                "100-150",
                "تعزيز القدرات المؤسساتية في مجال الانتقاء الأولي للمرشحين وإعدادهم للشغل على الصعيد الدولي\nتطوير شراكات دائمة في مجال التشغيل بين الفاعلين العموميين والخواص المعنيين في المغرب وألمانيا، أبعد من المشروع النموذجي\nتطوير المعارف وتقاسمها"),
            Es = new(
                "Mejorar el acceso de la juventud marroquí a las oportunidades de empleo internacionales",
                "ANAPEC\nGIZ\nBanco Mundial",
                "MENA Transition Fund",
                "2015-2018",
                "1.975.000 USD",
                "100-150",
                "Fortalecimiento de las capacidades institucionales de preselección y preparación de candidatos para un empleo en el extranjero\nDesarrollo de alianzas duraderas de colocación entre los actores públicos y privados de Marruecos y Alemania, más allá del proyecto piloto\nDesarrollo e intercambio de conocimientos"),
        },
        new SeedMeasure
        {
            Slug = "tokten", Number = 4, Phase = MigrationPhase.DuringMigration,
            Models = [MeasureModel.SkillsCapitalisation],
            Implementers = ["UNDP"], Funders = ["UNDP"],
            StartYear = 1990, EndYear = 1996, BeneficiariesMin = 250, BeneficiariesMax = 250,
            Source = Src + ", section 2.4",
            Fr = new(
                "TOKTEN (Transfert des connaissances par l'intermédiaire des expatriés)",
                "PNUD",
                "PNUD",
                "1990-1996",
                "Non disponible",
                "250 MRE participant aux rencontres",
                "Organisation de trois rencontres de chercheurs, experts et industriels\nMissions d'expertise de courte durée au Maroc (deux semaines à trois mois)"),
            En = new(
                "TOKTEN (Transfer of Knowledge Through Expatriate Nationals)",
                "UNDP",
                "UNDP",
                "1990–1996",
                "Not available",
                "250 Moroccans abroad taking part in the meetings",
                "Three meetings of researchers, experts and industrialists\nShort expert missions in Morocco (two weeks to three months)"),
            Ar = new(
                "توكتن (نقل المعارف عبر المغتربين)",
                "برنامج الأمم المتحدة الإنمائي",
                "برنامج الأمم المتحدة الإنمائي",
                "1990-1996",
                "غير متوفرة",
                "250 من مغاربة العالم شاركوا في اللقاءات",
                "تنظيم ثلاثة لقاءات للباحثين والخبراء والصناعيين\nمهام خبرة قصيرة المدة في المغرب (من أسبوعين إلى ثلاثة أشهر)"),
            Es = new(
                "TOKTEN (Transferencia de conocimientos a través de nacionales expatriados)",
                "PNUD",
                "PNUD",
                "1990-1996",
                "No disponible",
                "250 marroquíes residentes en el extranjero participantes en los encuentros",
                "Organización de tres encuentros de investigadores, expertos e industriales\nMisiones de expertos de corta duración en Marruecos (de dos semanas a tres meses)"),
        },
        new SeedMeasure
        {
            Slug = "fincome", Number = 5, Phase = MigrationPhase.DuringMigration,
            Models = [MeasureModel.SkillsCapitalisation],
            Implementers = ["CNRST"], Funders = ["CNRST"],
            StartYear = 2006, Ongoing = true, BudgetAmount = 1_400_000m, BudgetCurrency = "MAD",
            Source = Src + ", section 2.5 et étude de cas 3.2",
            Fr = new(
                "Forum international des compétences marocaines résidant à l'étranger (FINCOME)",
                "Centre national pour la recherche scientifique et technique (CNRST)",
                "CNRST",
                "2006 – en cours",
                "1,4 million MAD (pour le CNRST) + personnel affecté dans les institutions impliquées",
                "Non précisé (283 missions d'expertise de MRE financées)",
                "Financement et organisation de missions d'expertise des MRE (283)\nOrganisation de rencontres stratégiques (17)\nSoutien à l'établissement de partenariats/projets (1)"),
            En = new(
                "International Forum of Moroccan Competences Abroad (FINCOME)",
                "National Centre for Scientific and Technical Research (CNRST)",
                "CNRST",
                "2006 – ongoing",
                "MAD 1.4 million (for CNRST) + staff assigned in the institutions involved",
                "Not stated (283 expertise missions of Moroccans abroad funded)",
                "Funding and organising expertise missions of Moroccans abroad (283)\nOrganising strategic meetings (17)\nSupporting partnerships/projects (1)"),
            Ar = new(
                "المنتدى الدولي للكفاءات المغربية المقيمة بالخارج (فينكوم)",
                "المركز الوطني للبحث العلمي والتقني",
                "المركز الوطني للبحث العلمي والتقني",
                "2006 – جارٍ",
                "1,4 مليون درهم (للمركز الوطني للبحث العلمي والتقني) + موظفون معبؤون في المؤسسات المعنية",
                "غير محدد (تمويل 283 مهمة خبرة لمغاربة العالم)",
                "تمويل وتنظيم مهام خبرة لمغاربة العالم (283)\nتنظيم لقاءات استراتيجية (17)\nدعم إقامة شراكات/مشاريع (1)"),
            Es = new(
                "Foro Internacional de Competencias Marroquíes Residentes en el Extranjero (FINCOME)",
                "Centro Nacional de Investigación Científica y Técnica (CNRST)",
                "CNRST",
                "2006 – en curso",
                "1,4 millones MAD (para el CNRST) + personal asignado en las instituciones implicadas",
                "No indicado (283 misiones de expertos marroquíes en el extranjero financiadas)",
                "Financiación y organización de misiones de expertos marroquíes residentes en el extranjero (283)\nOrganización de encuentros estratégicos (17)\nApoyo a la creación de alianzas/proyectos (1)"),
        },
        new SeedMeasure
        {
            Slug = "maghribcom", Number = 6, Phase = MigrationPhase.DuringMigration,
            Models = [MeasureModel.SkillsCapitalisation],
            Implementers = ["MCMREAM"], Funders = ["MCMREAM"],
            StartYear = 2013, Ongoing = true, BeneficiariesMin = 41000, BeneficiariesMax = 41000,
            Source = Src + ", section 2.6",
            Fr = new(
                "Maghribcom, la plateforme des compétences marocaines à l'étranger",
                "MCMREAM",
                "MCMREAM",
                "2013 – en cours",
                "Intégré dans l'activité du MCMREAM",
                "41 000 utilisateurs uniques",
                "Portail d'adéquation des compétences marocaines à l'étranger\nPortail d'information\nCréation de réseaux de compétences (5 géographiques et 1 thématique)"),
            En = new(
                "Maghribcom, the platform of Moroccan competences abroad",
                "MCMREAM (ministry for Moroccans abroad and migration affairs)",
                "MCMREAM",
                "2013 – ongoing",
                "Within the ministry's (MCMREAM) activity",
                "41,000 unique users",
                "Portal matching the competences of Moroccans abroad with demands\nInformation portal\nCompetence networks (5 geographic and 1 thematic)"),
            Ar = new(
                "مغرب كوم، منصة الكفاءات المغربية بالخارج",
                "الوزارة المكلفة بالمغاربة المقيمين بالخارج وشؤون الهجرة",
                "الوزارة المكلفة بالمغاربة المقيمين بالخارج وشؤون الهجرة",
                "2013 – جارٍ",
                "مدمجة في نشاط الوزارة",
                "41000 مستخدم فريد",
                "بوابة لملاءمة كفاءات المغاربة المقيمين بالخارج مع الطلبات\nبوابة إعلامية\nإحداث شبكات للكفاءات (5 جغرافية و1 موضوعاتية)"),
            Es = new(
                "Maghribcom, la plataforma de las competencias marroquíes en el extranjero",
                "MCMREAM (ministerio de los marroquíes residentes en el extranjero y asuntos de migración)",
                "MCMREAM",
                "2013 – en curso",
                "Integrado en la actividad del MCMREAM",
                "41.000 usuarios únicos",
                "Portal de adecuación de las competencias marroquíes en el extranjero\nPortal de información\nCreación de redes de competencias (5 geográficas y 1 temática)"),
        },
        new SeedMeasure
        {
            Slug = "trqn-iii", Number = 7, Phase = MigrationPhase.DuringMigration,
            Models = [MeasureModel.SkillsCapitalisation],
            Implementers = ["IOM"], Funders = ["NL"],
            StartYear = 2013, StartMonth = 1, EndYear = 2015, EndMonth = 11,
            BudgetAmount = 4_877_481m, BudgetCurrency = "EUR",
            Source = Src + ", section 2.7",
            Fr = new(
                "Retour temporaire de nationaux qualifiés (TRQN III)",
                "OIM",
                "Pays-Bas",
                "Janv. 2013 – nov. 2015 (phases antérieures depuis 2006)",
                "4 877 481 € (pour tous les pays d'origine)",
                "Non disponible",
                "Séjour de trois mois de migrants marocains qualifiés dans des institutions publiques ou privées marocaines"),
            En = new(
                "Temporary Return of Qualified Nationals (TRQN III)",
                "IOM",
                "Netherlands",
                "Jan. 2013 – Nov. 2015 (earlier phases since 2006)",
                "EUR 4,877,481 (for all countries of origin)",
                "Not available",
                "Three-month stays of qualified Moroccan migrants in Moroccan public or private institutions"),
            Ar = new(
                "العودة المؤقتة للمواطنين المؤهلين (TRQN III)",
                "المنظمة الدولية للهجرة",
                "هولندا",
                "يناير 2013 – نونبر 2015 (مراحل سابقة منذ 2006)",
                "4877481 يورو (لجميع بلدان الأصل)",
                "غير متوفر",
                "إقامة لمدة ثلاثة أشهر لمهاجرين مغاربة مؤهلين في مؤسسات مغربية عمومية أو خاصة"),
            Es = new(
                "Retorno temporal de nacionales cualificados (TRQN III)",
                "OIM",
                "Países Bajos",
                "Ene. 2013 – nov. 2015 (fases anteriores desde 2006)",
                "4.877.481 € (para todos los países de origen)",
                "No disponible",
                "Estancias de tres meses de migrantes marroquíes cualificados en instituciones públicas o privadas marroquíes"),
        },
        new SeedMeasure
        {
            Slug = "formation-jeunes-mre", Number = 8, Phase = MigrationPhase.DuringMigration,
            Models = [MeasureModel.ProfessionalSkillsUpgrading],
            Implementers = ["MCMREAM", "OFPPT"], Funders = ["MCMREAM", "OFPPT"],
            StartYear = 2009, Ongoing = true, BeneficiariesMin = 30, BeneficiariesMax = 40,
            Source = Src + ", section 2.8",
            Fr = new(
                "Programme de formation qualifiante pour les jeunes MRE au chômage",
                "MCMREAM\nOFPPT",
                "MCMREAM\nOFPPT",
                "Depuis 2009",
                "Administratif (MCMREAM)",
                "30-40 par an",
                "Bourse d'une année pour suivre un programme de formation professionnelle au Maroc"),
            En = new(
                "Vocational training programme for unemployed young Moroccans abroad",
                "MCMREAM\nOFPPT",
                "MCMREAM\nOFPPT",
                "Since 2009",
                "Administrative (MCMREAM)",
                "30–40 a year",
                "One-year grant to follow a vocational training programme in Morocco"),
            Ar = new(
                "برنامج التكوين التأهيلي لفائدة الشباب المغاربة المقيمين بالخارج العاطلين عن العمل",
                "الوزارة المكلفة بالمغاربة المقيمين بالخارج وشؤون الهجرة\nمكتب التكوين المهني وإنعاش الشغل",
                "الوزارة المكلفة بالمغاربة المقيمين بالخارج وشؤون الهجرة\nمكتب التكوين المهني وإنعاش الشغل",
                "منذ 2009",
                "ميزانية إدارية (الوزارة)",
                "30-40 في السنة",
                "منحة لمدة سنة لمتابعة برنامج للتكوين المهني في المغرب"),
            Es = new(
                "Programa de formación cualificante para jóvenes marroquíes residentes en el extranjero desempleados",
                "MCMREAM\nOFPPT",
                "MCMREAM\nOFPPT",
                "Desde 2009",
                "Administrativo (MCMREAM)",
                "30-40 al año",
                "Beca de un año para seguir un programa de formación profesional en Marruecos"),
        },
        new SeedMeasure
        {
            Slug = "avrr", Number = 9, Phase = MigrationPhase.PostMigration,
            Models = [MeasureModel.AssistedVoluntaryReturn, MeasureModel.ReturneeEntrepreneurship],
            Implementers = ["IOM", "OFII", "CLUB-FRANCE-MAROC", "CEFA", "CARITAS-BE"], Funders = ["DESTINATION"],
            Source = Src + ", section 2.9",
            Fr = new(
                "Programmes d'assistance au retour volontaire et à la réintégration (AVRR) : OIM, OFII, Club France-Maroc, CEFA Italie, Caritas Belgique",
                "OIM\nOFII\nClub France-Maroc\nCEFA-Italie\nCaritas Belgique",
                "Pays de destination",
                "Non indiqué",
                "Non indiqué",
                "Non indiqué",
                "Soutien au retour volontaire des migrants marocains\nSoutien à la réintégration (formation et financement pour la création d'entreprises)"),
            En = new(
                "Assisted voluntary return and reintegration programmes (AVRR): IOM, OFII, Club France-Maroc, CEFA Italy, Caritas Belgium",
                "IOM\nOFII\nClub France-Maroc\nCEFA Italy\nCaritas Belgium",
                "Destination countries",
                "Not stated",
                "Not stated",
                "Not stated",
                "Support for the voluntary return of Moroccan migrants\nReintegration support (training and funding to start a business)"),
            Ar = new(
                "برامج المساعدة على العودة الطوعية وإعادة الإدماج: المنظمة الدولية للهجرة، المكتب الفرنسي للهجرة والإدماج، نادي فرنسا-المغرب، CEFA إيطاليا، كاريتاس بلجيكا",
                "المنظمة الدولية للهجرة\nالمكتب الفرنسي للهجرة والإدماج\nنادي فرنسا-المغرب\nCEFA إيطاليا\nكاريتاس بلجيكا",
                "بلدان الاستقبال",
                "غير مذكورة",
                "غير مذكورة",
                "غير مذكور",
                "دعم العودة الطوعية للمهاجرين المغاربة\nدعم إعادة الإدماج (التكوين وتمويل إحداث المقاولات)"),
            Es = new(
                "Programas de asistencia al retorno voluntario y la reintegración (AVRR): OIM, OFII, Club France-Maroc, CEFA Italia, Caritas Bélgica",
                "OIM\nOFII\nClub France-Maroc\nCEFA Italia\nCaritas Bélgica",
                "Países de destino",
                "No indicado",
                "No indicado",
                "No indicado",
                "Apoyo al retorno voluntario de los migrantes marroquíes\nApoyo a la reintegración (formación y financiación para la creación de empresas)"),
        },
        Avrr(1, "avrr-oim", ["IOM"], ["DESTINATION"], [MeasureModel.AssistedVoluntaryReturn, MeasureModel.ReturneeEntrepreneurship],
            fr: new("Assistance au retour volontaire et à la réintégration de l'OIM", "OIM", "Pays de destination", "Non indiqué", "Non indiqué", "Non indiqué",
                "Incitation et accompagnement au retour volontaire, tout au long du voyage\nFormation et élaboration d'un plan d'affaires\nAide à la réalisation d'un petit projet économique"),
            en: new("IOM assisted voluntary return and reintegration", "IOM", "Destination countries", "Not stated", "Not stated", "Not stated",
                "Incentives and support for voluntary return, throughout the journey\nTraining and business plan preparation\nHelp to carry out a small economic project"),
            ar: new("المساعدة على العودة الطوعية وإعادة الإدماج للمنظمة الدولية للهجرة", "المنظمة الدولية للهجرة", "بلدان الاستقبال", "غير مذكورة", "غير مذكورة", "غير مذكور",
                "التحفيز على العودة الطوعية ومواكبتها طيلة الرحلة\nالتكوين وإعداد مخطط للأعمال\nالمساعدة على إنجاز مشروع اقتصادي صغير"),
            es: new("Asistencia al retorno voluntario y la reintegración de la OIM", "OIM", "Países de destino", "No indicado", "No indicado", "No indicado",
                "Incentivo y acompañamiento al retorno voluntario, durante todo el viaje\nFormación y elaboración de un plan de negocio\nAyuda para realizar un pequeño proyecto económico")),
        Avrr(2, "avrr-ofii", ["OFII"], ["FR"], [MeasureModel.AssistedVoluntaryReturn, MeasureModel.ReturneeEntrepreneurship],
            fr: new("Aide au retour volontaire de l'OFII", "Office français de l'immigration et de l'intégration (OFII)", "France (pays de destination)", "Non indiqué", "Non indiqué", "Non indiqué",
                "Incitation et accompagnement au retour volontaire selon le modèle standard\nAide à la réinsertion (formation, financement de petits projets)"),
            en: new("OFII voluntary return aid", "French Office for Immigration and Integration (OFII)", "France (destination country)", "Not stated", "Not stated", "Not stated",
                "Incentives and support for voluntary return on the standard model\nReintegration aid (training, funding of small projects)"),
            ar: new("المساعدة على العودة الطوعية للمكتب الفرنسي للهجرة والإدماج", "المكتب الفرنسي للهجرة والإدماج", "فرنسا (بلد الاستقبال)", "غير مذكورة", "غير مذكورة", "غير مذكور",
                "التحفيز على العودة الطوعية ومواكبتها وفق النموذج المعتاد\nالمساعدة على إعادة الإدماج (التكوين وتمويل مشاريع صغيرة)"),
            es: new("Ayuda al retorno voluntario de la OFII", "Oficina Francesa de Inmigración e Integración (OFII)", "Francia (país de destino)", "No indicado", "No indicado", "No indicado",
                "Incentivo y acompañamiento al retorno voluntario según el modelo estándar\nAyuda a la reinserción (formación, financiación de pequeños proyectos)")),
        Avrr(3, "club-france-maroc", ["CLUB-FRANCE-MAROC"], ["DESTINATION"], [MeasureModel.ReturnInformationPlatforms, MeasureModel.SkillsCapitalisation],
            fr: new("Club France-Maroc : information et accompagnement au retour des MRE diplômés", "Club France-Maroc (initiative de la communauté des Marocains résidant à l'étranger)", "Pays de destination", "Non indiqué", "Non indiqué", "Non indiqué",
                "Information et accompagnement au retour des MRE diplômés, notamment des ingénieurs, dans une logique de mobilité circulaire\nEntretiens annuels, études et diffusion d'informations sur les possibilités de retour au Maroc"),
            en: new("Club France-Maroc: information and support for graduates returning to Morocco", "Club France-Maroc (an initiative of the Moroccan community abroad)", "Destination countries", "Not stated", "Not stated", "Not stated",
                "Information and support for graduate Moroccans abroad, engineers in particular, returning in a circular-mobility approach\nAnnual meetings, studies and information on opportunities to return to Morocco"),
            ar: new("نادي فرنسا-المغرب: الإخبار والمواكبة لعودة حاملي الشهادات من مغاربة العالم", "نادي فرنسا-المغرب (مبادرة من الجالية المغربية المقيمة بالخارج)", "بلدان الاستقبال", "غير مذكورة", "غير مذكورة", "غير مذكور",
                "إخبار ومواكبة عودة حاملي الشهادات من مغاربة العالم، ولا سيما المهندسين، في إطار التنقل الدائري\nلقاءات سنوية ودراسات ونشر المعلومات حول إمكانيات العودة إلى المغرب"),
            es: new("Club France-Maroc: información y acompañamiento al retorno de titulados marroquíes", "Club France-Maroc (iniciativa de la comunidad marroquí residente en el extranjero)", "Países de destino", "No indicado", "No indicado", "No indicado",
                "Información y acompañamiento al retorno de titulados marroquíes residentes en el extranjero, en particular ingenieros, con una lógica de movilidad circular\nEncuentros anuales, estudios y difusión de información sobre las posibilidades de retorno a Marruecos")),
        Avrr(4, "cefa-italie", ["CEFA"], ["IT"], [MeasureModel.AssistedVoluntaryReturn, MeasureModel.ReturneeEntrepreneurship],
            fr: new("CEFA Italie : retour et réinsertion", "CEFA (ONG, Italie)", "Italie (pays de destination)", "Non indiqué", "Non indiqué", "Non indiqué",
                "Accompagnement intégral des projets individuels de retour et de réinsertion dans une logique « migration et développement »\nFormation et financement pour la création d'entreprises"),
            en: new("CEFA Italy: return and reintegration", "CEFA (NGO, Italy)", "Italy (destination country)", "Not stated", "Not stated", "Not stated",
                "Full support for individual return and reintegration projects in a \"migration and development\" approach\nTraining and funding to start a business"),
            ar: new("CEFA إيطاليا: العودة وإعادة الإدماج", "CEFA (منظمة غير حكومية، إيطاليا)", "إيطاليا (بلد الاستقبال)", "غير مذكورة", "غير مذكورة", "غير مذكور",
                "مواكبة شاملة للمشاريع الفردية للعودة وإعادة الإدماج في إطار مقاربة «الهجرة والتنمية»\nالتكوين وتمويل إحداث المقاولات"),
            es: new("CEFA Italia: retorno y reinserción", "CEFA (ONG, Italia)", "Italia (país de destino)", "No indicado", "No indicado", "No indicado",
                "Acompañamiento integral de los proyectos individuales de retorno y reinserción con un enfoque de «migración y desarrollo»\nFormación y financiación para la creación de empresas")),
        Avrr(5, "caritas-belgique", ["CARITAS-BE"], ["BE"], [MeasureModel.AssistedVoluntaryReturn, MeasureModel.ReturneeEntrepreneurship],
            fr: new("Caritas Belgique : retour et réinsertion", "Caritas Belgique (ONG)", "Belgique (pays de destination)", "Non indiqué", "Non indiqué", "Non indiqué",
                "Accompagnement au retour volontaire depuis la Belgique\nSoutien à la réinsertion (formation et financement de petits projets)"),
            en: new("Caritas Belgium: return and reintegration", "Caritas Belgium (NGO)", "Belgium (destination country)", "Not stated", "Not stated", "Not stated",
                "Support for voluntary return from Belgium\nReintegration support (training and funding of small projects)"),
            ar: new("كاريتاس بلجيكا: العودة وإعادة الإدماج", "كاريتاس بلجيكا (منظمة غير حكومية)", "بلجيكا (بلد الاستقبال)", "غير مذكورة", "غير مذكورة", "غير مذكور",
                "مواكبة العودة الطوعية من بلجيكا\nدعم إعادة الإدماج (التكوين وتمويل مشاريع صغيرة)"),
            es: new("Caritas Bélgica: retorno y reinserción", "Caritas Bélgica (ONG)", "Bélgica (país de destino)", "No indicado", "No indicado", "No indicado",
                "Acompañamiento al retorno voluntario desde Bélgica\nApoyo a la reinserción (formación y financiación de pequeños proyectos)")),
        new SeedMeasure
        {
            Slug = "ofppt-validation-construction", Origin = MeasureOrigin.ReportText, Phase = MigrationPhase.PostMigration,
            Models = [MeasureModel.SkillsRecognition],
            Implementers = ["OFPPT"], Funders = [], BeneficiariesMin = 40, BeneficiariesMax = 40,
            Source = "ETF (2015), MISMES Maroc, chapitre 2 (texte précédant le tableau 2.1)",
            Fr = new(
                "Projet pilote de validation des compétences des migrants de retour dans le secteur de la construction",
                "OFPPT", "Non indiqué", "Phase expérimentale (2015)", "Non indiqué",
                "40 certifications jusqu'à présent",
                "Validation des compétences acquises à l'étranger par les migrants de retour dans le secteur de la construction"),
            En = new(
                "Pilot project validating the skills of returning migrants in construction",
                "OFPPT", "Not stated", "Experimental phase (2015)", "Not stated",
                "40 certifications so far",
                "Validating the skills returning migrants acquired abroad in the construction sector"),
            Ar = new(
                "مشروع نموذجي للمصادقة على كفاءات المهاجرين العائدين في قطاع البناء",
                "مكتب التكوين المهني وإنعاش الشغل", "غير مذكور", "مرحلة تجريبية (2015)", "غير مذكورة",
                "40 شهادة إلى حدود الآن",
                "المصادقة على الكفاءات التي اكتسبها المهاجرون العائدون بالخارج في قطاع البناء"),
            Es = new(
                "Proyecto piloto de validación de competencias de los migrantes retornados en el sector de la construcción",
                "OFPPT", "No indicado", "Fase experimental (2015)", "No indicado",
                "40 certificaciones hasta la fecha",
                "Validación de las competencias adquiridas en el extranjero por los migrantes retornados en el sector de la construcción"),
        },
        new SeedMeasure
        {
            Slug = "atelier-vivre-travailler-etranger", Origin = MeasureOrigin.ReportText, Phase = MigrationPhase.PreMigration,
            Models = [MeasureModel.PreDepartureInformation],
            Implementers = ["ANAPEC"], Funders = ["ANAPEC"],
            Source = "ETF (2015), MISMES Maroc, section 2.1",
            Fr = new(
                "Atelier de préparation au départ « Vivre et travailler à l'étranger »",
                "ANAPEC International", "ANAPEC", "Non indiqué", "Peu coûteux (non chiffré)", "Non indiqué",
                "Présentations standardisées en séances de 90 minutes (module de formation pré-départ)\nCours d'anglais sur demande"),
            En = new(
                "\"Living and working abroad\" pre-departure workshop",
                "ANAPEC International", "ANAPEC", "Not stated", "Low cost (no figure)", "Not stated",
                "Standardised 90-minute presentations (pre-departure training module)\nEnglish classes on demand"),
            Ar = new(
                "ورشة التحضير للسفر «العيش والعمل بالخارج»",
                "أنابيك الدولية", "أنابيك", "غير مذكورة", "منخفضة التكلفة (غير مرقمة)", "غير مذكور",
                "عروض موحدة في حصص مدتها 90 دقيقة (وحدة تكوين ما قبل السفر)\nدروس في اللغة الإنجليزية عند الطلب"),
            Es = new(
                "Taller de preparación a la salida «Vivir y trabajar en el extranjero»",
                "ANAPEC Internacional", "ANAPEC", "No indicado", "De bajo coste (sin cifra)", "No indicado",
                "Presentaciones estandarizadas en sesiones de 90 minutos (módulo de formación previa a la salida)\nClases de inglés a demanda"),
        },
    ];

    private static SeedMeasure Avrr(
        int position, string slug, string[] implementers, string[] funders, MeasureModel[] models,
        SeedText fr, SeedText en, SeedText ar, SeedText es) => new()
        {
            Slug = slug,
            ParentSlug = "avrr",
            Position = position,
            Phase = MigrationPhase.PostMigration,
            Models = models,
            Implementers = implementers,
            Funders = funders,
            Source = Src + ", section 2.9",
            Fr = fr,
            En = en,
            Ar = ar,
            Es = es,
        };
}
