using System.Net;
using System.Text.RegularExpressions;

namespace Mismes.Taxonomy.Text;

/// <summary>A whole vacancy coded to ESCO: its likely occupations and the skills its text mentions, best first.</summary>
public sealed record VacancyCoding(IReadOnlyList<ConceptMatch> Occupations, IReadOnlyList<ConceptMatch> Skills);

/// <summary>
/// Codes a whole vacancy (title and free-text description, plain or HTML) to ESCO. Skills: each sentence of the
/// description goes through <see cref="ConceptSearch.ExtractSkills"/> and a skill keeps its best sentence's score.
/// Occupation: the title's candidates (<see cref="ConceptSearch.FindOccupations"/>, top 50) re-ranked by how many of
/// the skills found in the description ESCO lists for them (essential at full weight, optional at half), so a
/// vague title ("Vi søker dyktige folk", "Mitarbeiter (m/w/d)") is decided by what the text asks for; with no title
/// the first sentence of the description stands for it. Thread-safe; see docs/adr/0030.
/// </summary>
public sealed partial class VacancyCoder(ConceptSearch search)
{
    private const int Candidates = 50;

    /// <summary>Skills kept per sentence before merging.</summary>
    private const int SkillsPerSentence = 5;

    /// <summary>A skill below this extraction score is noise (a common word of a long label); chosen by hand.</summary>
    internal float MinSkillScore { get; init; } = 0.25f;

    /// <summary>Weight of the description's skill evidence against the title score (ADR 0030).</summary>
    internal float SkillEvidence { get; init; } = 0.1f;

    /// <summary>Longest description read; the rest of a very long advert adds time, not evidence.</summary>
    private const int MaxDescription = 8000;

    public ConceptSearch Search => search;

    public VacancyCoding Code(string? title, string? description, string language, int occupations = 5, int skills = 20)
    {
        var sentences = Sentences(description);
        var found = new Dictionary<int, ConceptMatch>();
        foreach (var sentence in sentences)
        {
            foreach (var match in search.ExtractSkills(sentence, language, SkillsPerSentence))
            {
                if (match.Score >= MinSkillScore && (!found.TryGetValue(match.Concept.Id, out var seen) || seen.Score < match.Score))
                {
                    found[match.Concept.Id] = match;
                }
            }
        }

        var skillList = found.Values.OrderByDescending(m => m.Score).ThenBy(m => m.Concept.Id).ToList();
        var heading = string.IsNullOrWhiteSpace(title) ? sentences.FirstOrDefault() ?? "" : title;
        var candidates = search.FindOccupations(heading, language, Candidates);
        var taxonomy = search.Taxonomy;
        var ranked = candidates
            .Select(c => (Match: c, Score: c.Score + (SkillEvidence * Evidence(c))))
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Match.Concept.Id)
            .Take(Math.Max(0, occupations))
            .Select(c => c.Match with { Score = Math.Round(c.Score, 4) })
            .ToList();
        return new VacancyCoding(ranked, skillList.Take(Math.Max(0, skills)).ToList());

        double Evidence(ConceptMatch candidate)
        {
            if (found.Count == 0)
            {
                return 0;
            }

            double sum = 0;
            foreach (var skill in taxonomy.EssentialSkills(candidate.Concept))
            {
                sum += found.TryGetValue(skill.Id, out var m) ? m.Score : 0;
            }

            foreach (var skill in taxonomy.OptionalSkills(candidate.Concept))
            {
                sum += found.TryGetValue(skill.Id, out var m) ? m.Score / 2 : 0;
            }

            return sum;
        }
    }

    /// <summary>The description as sentences: HTML tags and entities removed, split at sentence ends, line breaks and bullets.</summary>
    internal static List<string> Sentences(string? description)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            return [];
        }

        var text = description.Length > MaxDescription ? description[..MaxDescription] : description;
        text = WebUtility.HtmlDecode(Tags().Replace(text, "\n"));
        return SentenceBreak().Split(text)
            .Select(s => s.Trim())
            .Where(s => s.Any(char.IsLetter))
            .ToList();
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"(?<=[.!?;])\s+|[\r\n]+|\s[•·▪–-]\s|^[•·▪–-]\s", RegexOptions.Multiline)]
    private static partial Regex SentenceBreak();
}
