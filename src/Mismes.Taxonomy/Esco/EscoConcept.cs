namespace Mismes.Taxonomy.Esco;

public enum ConceptKind : byte
{
    Occupation = 0,
    Skill = 1,
    IscoGroup = 2,
    SkillGroup = 3,
}

/// <summary>ESCO's skillType column: "skill/competence" or "knowledge" (empty for a few concepts).</summary>
public enum SkillType : byte
{
    None = 0,
    SkillCompetence = 1,
    Knowledge = 2,
}

/// <summary>ESCO's reuseLevel column.</summary>
public enum ReuseLevel : byte
{
    None = 0,
    Transversal = 1,
    CrossSector = 2,
    SectorSpecific = 3,
    OccupationSpecific = 4,
}

/// <summary>The labels of one concept in one language.</summary>
public sealed record ConceptLabels(
    string Preferred,
    IReadOnlyList<string> Alternative,
    IReadOnlyList<string> Hidden,
    string? Description)
{
    /// <summary>Preferred, then alternative, then hidden labels, without duplicates.</summary>
    public IEnumerable<string> All()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var label in Alternative.Prepend(Preferred).Concat(Hidden))
        {
            if (label.Length > 0 && seen.Add(label))
            {
                yield return label;
            }
        }
    }
}

/// <summary>
/// One ESCO concept (occupation, skill, ISCO group or skill group). Immutable; <see cref="Id"/> is its index in
/// <see cref="EscoTaxonomy.Concepts"/>, so callers can keep ints instead of URIs in hot paths.
/// </summary>
public sealed class EscoConcept
{
    internal EscoConcept(
        int id,
        ConceptKind kind,
        string uri,
        string code,
        string iscoGroupCode,
        SkillType skillType,
        ReuseLevel reuseLevel,
        IReadOnlyDictionary<string, ConceptLabels> labels)
    {
        Id = id;
        Kind = kind;
        Uri = uri;
        Code = code;
        IscoGroupCode = iscoGroupCode;
        SkillType = skillType;
        ReuseLevel = reuseLevel;
        Labels = labels;
    }

    public int Id { get; }

    public ConceptKind Kind { get; }

    public string Uri { get; }

    /// <summary>ISCO-08 code of an ISCO group ("2654"), ESCO code of an occupation ("2654.1.7"), code of a skill group.</summary>
    public string Code { get; }

    /// <summary>For an occupation: the ISCO-08 unit group code (4 digits); otherwise empty.</summary>
    public string IscoGroupCode { get; }

    public SkillType SkillType { get; }

    public ReuseLevel ReuseLevel { get; }

    /// <summary>Labels by language code ("en", "fr", ...), only for languages that have this concept.</summary>
    public IReadOnlyDictionary<string, ConceptLabels> Labels { get; }

    /// <summary>The labels in <paramref name="language"/>, else English, else any language present.</summary>
    public ConceptLabels LabelsIn(string language)
    {
        if (Labels.TryGetValue(language, out var labels) || Labels.TryGetValue("en", out labels))
        {
            return labels;
        }

        return Labels.Values.FirstOrDefault() ?? new ConceptLabels(Uri, [], [], null);
    }

    /// <summary>The preferred label in <paramref name="language"/> with fallback (see <see cref="LabelsIn"/>).</summary>
    public string PreferredLabel(string language) => LabelsIn(language).Preferred;

    public override string ToString() => $"{Kind} {PreferredLabel("en")} <{Uri}>";
}
