using Mismes.Matching;
using Mismes.Taxonomy.Esco;

namespace Mismes.Core.Placement.Matching;

/// <summary>
/// The matching vocabulary made from the shipped ESCO taxonomy: every occupation with its ISCO group and its essential
/// and optional skills, every skill with its broader skills (skill-to-skill only: skill groups are too coarse to earn
/// credit). Built once per taxonomy instance and shared, like the taxonomy itself.
/// </summary>
public static class PlacementVocabulary
{
    private static readonly Lock Gate = new();
    private static (EscoTaxonomy Taxonomy, MatchingVocabulary Vocabulary)? _built;

    public static MatchingVocabulary For(EscoTaxonomy taxonomy)
    {
        lock (Gate)
        {
            if (_built is { } built && ReferenceEquals(built.Taxonomy, taxonomy))
            {
                return built.Vocabulary;
            }

            var vocabulary = Build(taxonomy);
            _built = (taxonomy, vocabulary);
            return vocabulary;
        }
    }

    private static MatchingVocabulary Build(EscoTaxonomy taxonomy)
    {
        var skills = taxonomy.Skills;
        var position = new Dictionary<int, int>(skills.Count);
        for (var i = 0; i < skills.Count; i++)
        {
            position[skills[i].Id] = i;
        }

        List<int> Positions(IEnumerable<EscoConcept> concepts) =>
            [.. concepts.Where(c => position.ContainsKey(c.Id)).Select(c => position[c.Id]).Distinct()];

        var skillEntries = skills.Select(s => new SkillEntry(s.Uri, Positions(taxonomy.Broader(s)))).ToList();
        var occupationEntries = taxonomy.Occupations
            .Select(o => new OccupationEntry(
                o.Uri,
                o.IscoGroupCode.Length == 4 ? o.IscoGroupCode : null,
                Positions(taxonomy.EssentialSkills(o)),
                Positions(taxonomy.OptionalSkills(o))))
            .ToList();
        return new MatchingVocabulary(skillEntries, occupationEntries);
    }
}
