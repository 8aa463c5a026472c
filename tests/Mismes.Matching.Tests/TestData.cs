using Mismes.Matching;

namespace Mismes.Matching.Tests;

/// <summary>A small hand-made vocabulary and builders for readable tests.</summary>
internal static class TestData
{
    // Skills: 0 "welding" with narrower 1 "arc welding" and 2 "gas welding"; 3..9 unrelated.
    // Occupations (ISCO): 0 welder 7212, 1 flame cutter 7212 (same unit), 2 sheet-metal worker 7213 (same minor 721),
    // 3 blacksmith 7221 (same sub-major 72), 4 software developer 2512 (unrelated),
    // 5 boilermaker 8121 (other ISCO group, shares essential skills 0 and 3 with the welder).
    public static MatchingVocabulary Vocabulary { get; } = new(
        [
            new SkillEntry("s0", []),
            new SkillEntry("s1", [0]),
            new SkillEntry("s2", [0]),
            new SkillEntry("s3", []),
            new SkillEntry("s4", []),
            new SkillEntry("s5", []),
            new SkillEntry("s6", []),
            new SkillEntry("s7", []),
            new SkillEntry("s8", []),
            new SkillEntry("s9", []),
        ],
        [
            new OccupationEntry("o0", "7212", [0, 3, 4], [5]),
            new OccupationEntry("o1", "7212", [6], []),
            new OccupationEntry("o2", "7213", [7], []),
            new OccupationEntry("o3", "7221", [8], []),
            new OccupationEntry("o4", "2512", [9], []),
            new OccupationEntry("o5", "8121", [0, 3], []),
        ]);

    public static readonly DateOnly Start = new(2026, 3, 1);

    public static CandidateProfile Profile(long id, params int[] skills) => new()
    {
        Id = id,
        Occupations = [],
        Skills = skills.Select(s => new ProfileSkill(new SkillId(s), SkillEvidence.Validated)).ToArray(),
        Languages = [new LanguageSkill("es", CefrLevel.B2)],
        EqfLevel = 4,
        AvailableFrom = Start.AddMonths(-1),
        AvailableTo = Start.AddMonths(12),
        CountriesWanted = ["ES"],
        ConsentToMatching = true,
        EligibilityFacts = ["returnee"],
    };

    public static VacancyRequirements Vacancy(int[] essential, int[] optional) => new()
    {
        Occupation = new OccupationId(0),
        EssentialSkills = essential.Select(s => new SkillId(s)).ToArray(),
        OptionalSkills = optional.Select(s => new SkillId(s)).ToArray(),
        Languages = [new LanguageRequirement("es", CefrLevel.B1)],
        MinimumEqfLevel = 3,
        MinimumExperienceMonths = 12,
        Country = "ES",
        StartDate = Start,
        EndDate = Start.AddMonths(3),
    };

    public static MatchResult Score(CandidateProfile profile, VacancyRequirements vacancy, params CandidateProfile[] population)
    {
        var scorer = new Scorer(Vocabulary);
        var rarity = SkillRarity.FromProfiles(Vocabulary, population.Length == 0 ? [profile] : population);
        return scorer.Evaluate(profile, vacancy, rarity).Result ?? throw new InvalidOperationException("excluded");
    }
}
