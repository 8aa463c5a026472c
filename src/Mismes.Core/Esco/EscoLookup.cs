using Mismes.Taxonomy.Esco;
using Mismes.Taxonomy.Text;

namespace Mismes.Core.Esco;

/// <summary>An ESCO occupation or skill as a picker shows it: its URI (what is stored), its label in the reader's language, and why it was found.</summary>
public sealed record EscoChoice(string Uri, string Label, string Code, string? MatchedLabel, string? MatchedLanguage, double Score);

/// <summary>
/// Searching and naming ESCO concepts in the user's language, for every capability's pickers and coding steps
/// (a vacancy title, a candidate's occupation, an expert's skills). What is stored is always the concept URI; the
/// label is looked up again in whatever language the next reader uses.
/// </summary>
public sealed class EscoLookup(EscoTaxonomy taxonomy, ConceptSearch search)
{
    /// <summary>The most choices a search returns.</summary>
    public const int MaxResults = 25;

    /// <summary>Longest query text accepted; longer text is cut (a title or a skill phrase, not a document).</summary>
    public const int MaxQueryLength = 200;

    public EscoTaxonomy Taxonomy => taxonomy;

    /// <summary>Occupations for a job title written in <paramref name="culture"/>'s language, best first.</summary>
    public IReadOnlyList<EscoChoice> Occupations(string? text, string culture, int k = 10) =>
        Search(ConceptKind.Occupation, text, culture, k);

    /// <summary>Skills and knowledge for a skill phrase, best first.</summary>
    public IReadOnlyList<EscoChoice> Skills(string? text, string culture, int k = 10) =>
        Search(ConceptKind.Skill, text, culture, k);

    /// <summary>Skills mentioned in a sentence or paragraph (a vacancy's requirements, a CV line), best first.</summary>
    public IReadOnlyList<EscoChoice> SkillsIn(string? text, string culture, int k = 10)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var language = LanguageOf(culture);
        return search.ExtractSkills(Cut(text, 4000), language, Math.Clamp(k, 1, MaxResults))
            .Select(m => ToChoice(m, language)).ToList();
    }

    /// <summary>The concept of a stored URI with its label in the reader's language; null when the URI is not in ESCO.</summary>
    public EscoChoice? Find(string? uri, string culture)
    {
        if (string.IsNullOrWhiteSpace(uri) || taxonomy.FindByUri(uri.Trim()) is not { } concept)
        {
            return null;
        }

        return new(concept.Uri, Label(concept, LanguageOf(culture)), concept.Code, null, null, 1);
    }

    /// <summary>True when <paramref name="uri"/> is an ESCO concept of that kind (what services check before storing one).</summary>
    public bool IsOccupation(string? uri) => Is(uri, ConceptKind.Occupation);

    public bool IsSkill(string? uri) => Is(uri, ConceptKind.Skill);

    /// <summary>"fr", "ar-MA", "en-GB" → the ESCO language "fr", "ar", "en"; anything else → French (the default language).</summary>
    public static string LanguageOf(string? culture)
    {
        var language = (culture ?? "fr").Split('-')[0].ToLowerInvariant();
        return language is "fr" or "ar" or "en" or "es" ? language : "fr";
    }

    private bool Is(string? uri, ConceptKind kind) =>
        !string.IsNullOrWhiteSpace(uri) && taxonomy.FindByUri(uri.Trim()) is { } concept && concept.Kind == kind;

    private List<EscoChoice> Search(ConceptKind kind, string? text, string culture, int k)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var language = LanguageOf(culture);
        var query = Cut(text, MaxQueryLength);
        var size = Math.Clamp(k, 1, MaxResults);
        var matches = kind == ConceptKind.Occupation
            ? search.FindOccupations(query, language, size)
            : search.FindSkills(query, language, size);
        return matches.Select(m => ToChoice(m, language)).ToList();
    }

    private static EscoChoice ToChoice(ConceptMatch match, string language) =>
        new(match.Concept.Uri, Label(match.Concept, language), match.Concept.Code, match.MatchedLabel, match.Language, match.Score);

    /// <summary>The preferred label in the language, else in French, else in English (ESCO's Arabic has gaps).</summary>
    private static string Label(EscoConcept concept, string language)
    {
        foreach (var candidate in new[] { language, "fr", "en" })
        {
            if (concept.Labels.TryGetValue(candidate, out var labels) && !string.IsNullOrWhiteSpace(labels.Preferred))
            {
                return labels.Preferred;
            }
        }

        return concept.PreferredLabel(language);
    }

    private static string Cut(string text, int length)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= length ? trimmed : trimmed[..length];
    }
}
