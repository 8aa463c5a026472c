using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.It;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Mismes.Taxonomy.Text;

/// <summary>
/// Turns a label or a query into terms, per language, with Lucene.NET's analysis pieces: standard tokenizer, French
/// and Italian elision, lower case, stop words, Arabic and German normalisation, our gender folding (feminine to
/// masculine), the language's light stemmer (French, Spanish, Arabic, German, Italian; Snowball for Dutch; KStem for
/// English), then ASCII folding. Other languages get tokenising, lower case and folding only. <see cref="Words"/> gives stems for BM25; <see cref="Surface"/> gives unstemmed,
/// folded words for character n-grams (typos). See docs/adr/0011-text-matching.md.
/// </summary>
public static partial class TextAnalyzer
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly ConcurrentDictionary<(string Language, bool Stem), Analyzer> Analyzers = new();

    /// <summary>Stemmed, folded terms (stop words removed) for word-level matching.</summary>
    public static IReadOnlyList<string> Words(string text, string language) => Run(text, language, stem: true);

    /// <summary>Folded, gender-folded words without stemming, for character n-grams.</summary>
    public static IReadOnlyList<string> Surface(string text, string language) => Run(text, language, stem: false);

    /// <summary>The normalised form used for exact comparisons: surface words joined by one space.</summary>
    public static string Normalize(string text, string language) => string.Join(' ', Surface(text, language));

    /// <summary>Base language of a culture-like code: "fr-MA" → "fr".</summary>
    public static string BaseLanguage(string language)
    {
        var dash = language.IndexOfAny(['-', '_']);
        return (dash > 0 ? language[..dash] : language).ToLowerInvariant();
    }

    /// <summary>
    /// Text-level clean-up before tokenising: drops gender markers such as "(e)", "H/F", "·e", splits "X/Y" pairs,
    /// expands common abbreviations of job titles.
    /// </summary>
    internal static string Prepare(string text, string language)
    {
        var s = text.ToLowerInvariant();
        s = Exclusion().Replace(s, " ");
        s = GenderMarker().Replace(s, " ");
        s = InclusiveSuffix().Replace(s, "$1");
        s = s.Replace('/', ' ').Replace('’', '\'');
        if (Abbreviations.TryGetValue(language, out var table))
        {
            s = AbbreviationToken().Replace(s, m => table.TryGetValue(m.Value.TrimEnd('.'), out var full) ? full : m.Value);
        }

        return s;
    }

    private static List<string> Run(string text, string language, bool stem)
    {
        var result = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return result;
        }

        var lang = BaseLanguage(language);
        var analyzer = Analyzers.GetOrAdd((lang, stem), key => new LanguageAnalyzer(key.Language, key.Stem));
        using var stream = analyzer.GetTokenStream("t", Prepare(text, lang));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (term.Length > 0)
            {
                result.Add(term.ToString());
            }
        }

        stream.End();
        return result;
    }

    // "Architects, Except Landscape and Naval", "Cadres, sauf ...": the words after it are what the title is not.
    [GeneratedRegex(@"(?:,|\(|\s)\s*(?:except|excluding|sauf|hors|excepto|salvo)\b[^,;()]*\)?", RegexOptions.CultureInvariant)]
    private static partial Regex Exclusion();

    // "(e)", "(es)", "(s)", "(ne)", "h/f", "f/h", "(h/f)", German "m/w/d", "w/m/d", "m/f/d", "d/m/w", Dutch "m/v", "m/v/x"
    [GeneratedRegex(@"\((?:e|es|s|ne|le|ve|euse|rice|trice|ère|ière)\)|\(?\b(?:h\s*/\s*f|f\s*/\s*h|m\s*/\s*f(?:\s*/\s*d)?|[mwd]\s*/\s*[mwd]\s*/\s*[mwd]|m\s*/\s*v(?:\s*/\s*x)?|v\s*/\s*m)\b\)?", RegexOptions.CultureInvariant)]
    private static partial Regex GenderMarker();

    // "salarié·e", "salarié.e", "salarié-e" → "salarié"
    [GeneratedRegex(@"(\p{L}{3,})[·.\-](?:e|es|s)\b", RegexOptions.CultureInvariant)]
    private static partial Regex InclusiveSuffix();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])[\p{L}]{1,6}\.?(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex AbbreviationToken();

    private static readonly Dictionary<string, Dictionary<string, string>> Abbreviations = new(StringComparer.Ordinal)
    {
        ["fr"] = new(StringComparer.Ordinal)
        {
            ["resp"] = "responsable", ["dir"] = "directeur", ["tech"] = "technicien", ["techn"] = "technicien",
            ["assist"] = "assistant", ["asst"] = "assistant", ["adj"] = "adjoint", ["admin"] = "administratif",
            ["ing"] = "ingénieur", ["ingé"] = "ingénieur", ["dév"] = "développeur", ["dev"] = "développeur",
            ["comm"] = "commercial", ["agt"] = "agent", ["drh"] = "directeur des ressources humaines",
            ["rh"] = "ressources humaines", ["btp"] = "bâtiment travaux publics", ["pdg"] = "président directeur général",
            ["dg"] = "directeur général", ["daf"] = "directeur administratif et financier", ["vrd"] = "voirie réseaux divers",
            ["cao"] = "conception assistée par ordinateur", ["pub"] = "publicité", ["qse"] = "qualité sécurité environnement",
            ["hse"] = "hygiène sécurité environnement", ["aide-soignant"] = "aide soignant", ["chauff"] = "chauffeur",
            ["ouvr"] = "ouvrier", ["opér"] = "opérateur", ["sce"] = "service", ["serv"] = "service",
        },
        ["en"] = new(StringComparer.Ordinal)
        {
            ["mgr"] = "manager", ["asst"] = "assistant", ["sr"] = "senior", ["jr"] = "junior", ["eng"] = "engineer",
            ["engr"] = "engineer", ["tech"] = "technician", ["admin"] = "administrator", ["hr"] = "human resources",
            ["dev"] = "developer", ["qa"] = "quality assurance", ["ceo"] = "chief executive officer",
            ["cfo"] = "chief financial officer", ["cto"] = "chief technology officer", ["coo"] = "chief operating officer",
            ["vp"] = "vice president", ["rn"] = "registered nurse", ["lpn"] = "licensed practical nurse",
            ["hvac"] = "heating ventilation air conditioning", ["ict"] = "information communication technology",
            ["ui"] = "user interface", ["ux"] = "user experience", ["db"] = "database", ["dept"] = "department",
            ["supv"] = "supervisor", ["supvr"] = "supervisor", ["coord"] = "coordinator", ["rep"] = "representative",
            ["ops"] = "operations", ["svc"] = "service", ["maint"] = "maintenance", ["mech"] = "mechanic",
        },
        ["es"] = new(StringComparer.Ordinal)
        {
            ["dir"] = "director", ["tec"] = "técnico", ["téc"] = "técnico", ["aux"] = "auxiliar", ["adm"] = "administrativo",
            ["ing"] = "ingeniero", ["rrhh"] = "recursos humanos", ["resp"] = "responsable", ["dpto"] = "departamento",
        },
    };

    private static readonly CharArraySet EnglishStopWords = new(Version, StopAnalyzer.ENGLISH_STOP_WORDS_SET.Concat(["etc", "eg", "ie", "vs", "via"]).ToList(), false);

    private static CharArraySet StopWords(string language) => language switch
    {
        "fr" => FrenchAnalyzer.DefaultStopSet,
        "es" => SpanishAnalyzer.DefaultStopSet,
        "ar" => ArabicAnalyzer.DefaultStopSet,
        "en" => EnglishStopWords,
        "de" => GermanAnalyzer.DefaultStopSet,
        "nl" => DutchAnalyzer.DefaultStopSet,
        "it" => ItalianAnalyzer.DefaultStopSet,
        _ => CharArraySet.Empty,
    };

    // Lucene's ItalianAnalyzer articles ("l'ingegnere", "dell'azienda"), which it does not expose.
    private static readonly CharArraySet ItalianArticles = new(Version,
        new[] { "c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl", "degl", "negl", "sugl", "un", "m", "t", "s", "v", "d" },
        true);


    private sealed class LanguageAnalyzer(string language, bool stem) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = source;
            if (language == "fr")
            {
                stream = new ElisionFilter(stream, FrenchAnalyzer.DEFAULT_ARTICLES);
            }
            else if (language == "it")
            {
                stream = new ElisionFilter(stream, ItalianArticles);
            }

            stream = new LowerCaseFilter(Version, stream);
            if (language == "ar")
            {
                // Our normaliser, not Lucene's: the one every Mismes search shares (see ArabicNormalizer).
                stream = new ArabicNormalizerFilter(stream);
            }

            stream = new StopFilter(Version, stream, StopWords(language));
            stream = new GenderFoldFilter(stream, language);
            if (language == "de")
            {
                // ä → a, ß → ss, "ae" → "a" ...: "Maurer" meets "Mäurer", "Strasse" meets "Straße".
                stream = new GermanNormalizationFilter(stream);
            }

            if (stem)
            {
                stream = language switch
                {
                    "fr" => new FrenchLightStemFilter(stream),
                    "es" => new SpanishLightStemFilter(stream),
                    "ar" => new ArabicStemFilter(stream),
                    "en" => new KStemFilter(new EnglishPossessiveFilter(Version, stream)),
                    "de" => new GermanLightStemFilter(stream),
                    "it" => new ItalianLightStemFilter(stream),
                    "nl" => new SnowballFilter(stream, new Lucene.Net.Tartarus.Snowball.Ext.DutchStemmer()),
                    _ => stream,
                };
            }

            stream = new ASCIIFoldingFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
    }

    /// <summary>Applies <see cref="ArabicNormalizer"/> to each term.</summary>
    private sealed class ArabicNormalizerFilter : TokenFilter
    {
        private readonly ICharTermAttribute term;

        public ArabicNormalizerFilter(TokenStream input)
            : base(input)
        {
            term = AddAttribute<ICharTermAttribute>();
        }

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }

            term.Length = ArabicNormalizer.Normalize(term.Buffer, term.Length);
            return true;
        }
    }

    /// <summary>Replaces a feminine job-title form by its masculine form (see <see cref="GenderFold"/>).</summary>
    private sealed class GenderFoldFilter : TokenFilter
    {
        private readonly ICharTermAttribute term;
        private readonly string language;

        public GenderFoldFilter(TokenStream input, string language)
            : base(input)
        {
            this.language = language;
            term = AddAttribute<ICharTermAttribute>();
        }

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }

            var word = term.ToString();
            var folded = GenderFold.Masculine(word, language);
            if (!ReferenceEquals(folded, word))
            {
                term.SetEmpty().Append(folded);
            }

            return true;
        }
    }
}

/// <summary>
/// Feminine → masculine forms of job-title words, so "directrice", "accrocheuse", "technicienne", "directora" meet
/// "directeur", "accrocheur", "technicien", "director". Applied identically to labels and queries, so an
/// over-eager rule (e.g. "personne" → "person") costs nothing: both sides change the same way.
/// </summary>
public static class GenderFold
{
    private static readonly (string Feminine, string Masculine)[] French =
    [
        ("eresse", "eur"), ("trice", "teur"), ("euse", "eur"), ("ière", "ier"), ("ère", "er"), ("enne", "en"),
        ("onne", "on"), ("ive", "if"), ("ale", "al"), ("ée", "é"), ("ienne", "ien"), ("ante", "ant"), ("ente", "ent"),
        ("ue", "u"), ("ette", "et"), ("ote", "ot"), ("aine", "ain"), ("ine", "in"), ("arde", "ard"), ("ande", "and"),
        ("oise", "ois"), ("aise", "ais"), ("ouse", "oux"), ("esse", "e"), ("inte", "int"), ("erte", "ert"), ("ate", "at"),
    ];

    private static readonly (string Feminine, string Masculine)[] Spanish =
    [
        ("ora", "or"), ("esa", "és"), ("ana", "án"), ("triz", "tor"), ("ica", "ico"), ("ada", "ado"), ("ida", "ido"),
        ("era", "ero"), ("aria", "ario"), ("ina", "ino"), ("a", "o"),
    ];

    private static readonly HashSet<string> FrenchKeep = new(StringComparer.Ordinal)
    {
        "chaîne", "machine", "cuisine", "usine", "marine", "médecine", "discipline", "cantine", "routine", "vitrine",
        "piscine", "origine", "mine", "ligne", "vente", "rente", "pente", "tente", "plante", "fonte", "pâte", "date",
        "carte", "porte", "poste", "reste", "liste", "vitesse", "presse", "caisse", "adresse", "jeunesse", "messe",
        "compte", "équipe", "entreprise", "ordonnance", "assurance", "finance", "maintenance", "danse", "base",
        "chaise", "langue", "rue", "vue", "revue", "statue", "tenue", "étude", "mode", "garde", "commande", "viande",
        "bande", "demande", "lande", "salade", "santé", "société", "entrée", "armée", "année", "journée", "idée",
        "donnée", "données", "durée", "musée", "lycée", "pensée", "mosquée", "fusée", "vallée", "chaussée", "plongée",
        "moyenne", "antenne", "personne", "colonne", "couronne", "carrière", "matière", "lumière", "frontière",
        "rivière", "manière", "bière", "prière", "filière", "chaudière", "verrière", "serre", "terre", "pierre",
        "guerre", "verre", "barrière", "cuisinière", "gouttière", "croisière", "litière", "poussière", "pépinière",
        "mère", "père", "frère", "sphère", "ère", "atmosphère", "misère", "galère", "arrière", "première", "dernière",
    };

    // German words in -in that are not feminine forms (the rule needs at least 7 letters, so "Termin" is safe).
    private static readonly HashSet<string> GermanKeep = new(StringComparer.Ordinal)
    {
        "medizin", "disziplin", "magazin", "vitamin", "protein", "insulin", "benzin", "kaffein", "koffein", "paraffin",
        "gelatin", "kerosin", "nikotin", "histamin", "adrenalin", "heroin", "kokain", "penicillin", "lanolin",
    };

    /// <summary>The masculine form of <paramref name="word"/> (lower case), or the same instance when none applies.</summary>
    public static string Masculine(string word, string language)
    {
        if (word.Length < 4)
        {
            return word;
        }

        switch (language)
        {
            case "fr":
                if (FrenchKeep.Contains(word))
                {
                    return word;
                }

                foreach (var (f, m) in French)
                {
                    if (word.Length - f.Length >= 3 && word.EndsWith(f, StringComparison.Ordinal))
                    {
                        return string.Concat(word.AsSpan(0, word.Length - f.Length), m);
                    }
                }

                break;
            case "de":
                // "Krankenpflegerin", "Lehrerinnen" → "Krankenpfleger", "Lehrer"; "Kauffrau" → "Kaufmann".
                if (word.EndsWith("innen", StringComparison.Ordinal) && word.Length >= 9)
                {
                    return word[..^5];
                }

                if (word.EndsWith("in", StringComparison.Ordinal) && word.Length >= 7 && !GermanKeep.Contains(word))
                {
                    return word[..^2];
                }

                if (word.EndsWith("frau", StringComparison.Ordinal) && word.Length >= 8)
                {
                    return string.Concat(word.AsSpan(0, word.Length - 4), "mann");
                }

                break;
            case "es":
                foreach (var (f, m) in Spanish)
                {
                    if (word.Length - f.Length >= 3 && word.EndsWith(f, StringComparison.Ordinal))
                    {
                        return string.Concat(word.AsSpan(0, word.Length - f.Length), m);
                    }
                }

                break;
        }

        return word;
    }
}
