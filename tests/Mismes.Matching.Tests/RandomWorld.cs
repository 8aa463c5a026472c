using Mismes.Matching;

namespace Mismes.Matching.Tests;

/// <summary>
/// Random vocabularies, profiles and vacancies from one seed. Small domains (few skills, occupations, languages,
/// levels) on purpose, so that equal scores are frequent and tie-breaking is exercised.
/// </summary>
internal sealed class RandomWorld
{
    private static readonly string[] FewLanguages = ["fr", "es", "de"];
    private static readonly string[] FewCountries = ["ES", "FR", "DE", "IT"];
    private static readonly string[] FewFacts = ["returnee", "seasonal", "woman"];

    // More than the index keeps in its packed filter bits (8 languages, 20 countries, 8 facts): exercises the fallbacks.
    private static readonly string[] ManyLanguages = ["fr", "es", "de", "it", "nl", "pt", "en", "ar", "zgh", "ru", "tr", "pl"];
    private static readonly string[] ManyCountries =
        ["ES", "FR", "DE", "IT", "BE", "NL", "PT", "CA", "QA", "AE", "SA", "US", "GB", "IE", "CH", "AT", "SE", "NO", "DK", "FI", "PL", "CZ", "JP", "KR", "AU"];
    private static readonly string[] ManyFacts = ["returnee", "seasonal", "woman", "rural", "youth", "disabled", "refugee", "graduate", "farmer", "diaspora", "avrr", "tvet"];

    private readonly string[] _languages;
    private readonly string[] _countries;
    private readonly string[] _facts;
    private static readonly string[] IscoCodes = ["7212", "7213", "7221", "7311", "2512", "2511"];
    private readonly Random _random;
    private long _nextId;

    public RandomWorld(int seed, bool wide = false)
    {
        _random = new Random(seed);
        _languages = wide ? ManyLanguages : FewLanguages;
        _countries = wide ? ManyCountries : FewCountries;
        _facts = wide ? ManyFacts : FewFacts;
        int skills = _random.Next(3, 25);
        var skillEntries = new List<SkillEntry>();
        for (int i = 0; i < skills; i++)
        {
            var parents = new List<int>();
            if (i > 0 && _random.NextDouble() < 0.4)
            {
                parents.Add(_random.Next(i));
            }

            if (i > 1 && _random.NextDouble() < 0.1)
            {
                parents.Add(_random.Next(i));
            }

            skillEntries.Add(new SkillEntry($"s{i}", parents));
        }

        int occupations = _random.Next(1, 8);
        var occupationEntries = new List<OccupationEntry>();
        for (int o = 0; o < occupations; o++)
        {
            occupationEntries.Add(new OccupationEntry(
                $"o{o}",
                _random.NextDouble() < 0.9 ? IscoCodes[_random.Next(IscoCodes.Length)] : null,
                Pick(skills, _random.Next(0, 5)),
                Pick(skills, _random.Next(0, 5))));
        }

        Vocabulary = new MatchingVocabulary(skillEntries, occupationEntries);
        _nextId = _random.Next(0, 1000);
    }

    public MatchingVocabulary Vocabulary { get; }

    public Random Random => _random;

    public CandidateProfile NextProfile(long? id = null)
    {
        var r = _random;
        var start = new DateOnly(2026, 1, 1).AddDays(r.Next(-60, 120));
        return new CandidateProfile
        {
            Id = id ?? (_nextId += r.Next(1, 4)),
            Occupations = Enumerable.Range(0, r.Next(0, 3))
                .Select(_ => new OccupationExperience(new OccupationId(r.Next(Vocabulary.OccupationCount)), r.Next(0, 4) * 6))
                .ToArray(),
            Skills = Enumerable.Range(0, r.Next(0, 7))
                .Select(_ => new ProfileSkill(new SkillId(r.Next(Vocabulary.SkillCount)), (SkillEvidence)r.Next(4)))
                .ToArray(),
            Languages = _languages.Where(_ => r.NextDouble() < (_languages.Length > 3 ? 0.25 : 0.5)).Select(l => new LanguageSkill(l, (CefrLevel)r.Next(1, 7))).ToArray(),
            EqfLevel = r.NextDouble() < 0.1 ? null : r.Next(1, 9),
            AvailableFrom = r.NextDouble() < 0.2 ? null : start,
            AvailableTo = r.NextDouble() < 0.3 ? null : start.AddDays(r.Next(30, 400)),
            CountriesWanted = _countries.Where(_ => r.NextDouble() < 0.3).ToArray(),
            ConsentToMatching = r.NextDouble() < 0.9,
            EligibilityFacts = _facts.Where(_ => r.NextDouble() < (_facts.Length > 3 ? 0.15 : 0.3)).ToArray(),
        };
    }

    public VacancyRequirements NextVacancy()
    {
        var r = _random;
        var start = new DateOnly(2026, 1, 1).AddDays(r.Next(0, 200));
        return new VacancyRequirements
        {
            Occupation = r.NextDouble() < 0.8 ? new OccupationId(r.Next(Vocabulary.OccupationCount)) : null,
            EssentialSkills = Pick(Vocabulary.SkillCount, r.Next(0, 6)).Select(s => new SkillId(s)).ToArray(),
            OptionalSkills = Pick(Vocabulary.SkillCount, r.Next(0, 6)).Select(s => new SkillId(s)).ToArray(),
            Languages = _languages.Where(_ => r.NextDouble() < 0.2).Select(l => new LanguageRequirement(l, (CefrLevel)r.Next(1, 5))).ToArray(),
            MinimumEqfLevel = r.NextDouble() < 0.3 ? r.Next(1, 6) : null,
            MinimumExperienceMonths = r.Next(0, 3) * 12,
            Country = r.NextDouble() < 0.5 ? _countries[r.Next(_countries.Length)] : null,
            StartDate = r.NextDouble() < 0.3 ? start : null,
            EndDate = r.NextDouble() < 0.5 ? start.AddDays(r.Next(0, 90)) : null,
            RequiredEligibilityFacts = r.NextDouble() < 0.15 ? [_facts[r.Next(_facts.Length)]] : [],
        };
    }

    private int[] Pick(int n, int count) => Enumerable.Range(0, count).Select(_ => _random.Next(n)).ToArray();
}
