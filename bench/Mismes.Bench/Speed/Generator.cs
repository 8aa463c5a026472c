using Mismes.Matching;

namespace Mismes.Bench.Speed;

/// <summary>
/// Deterministic synthetic profiles and vacancies drawn from ESCO's occupation–skill relations. Occupations follow a
/// skewed popularity (a few are common, most are rare); a profile holds part of its occupation's essential and
/// optional skills plus noise; languages, EQF, availability and destinations vary the way a Moroccan registry would.
/// </summary>
internal sealed class Generator
{
    private static readonly string[] Destinations = ["ES", "FR", "DE", "IT", "BE", "NL", "CA", "QA", "AE", "PT"];
    private static readonly string[] ForeignLanguages = ["fr", "es", "en", "de", "it"];
    private static readonly double[] ForeignLanguageShare = [0.75, 0.3, 0.3, 0.08, 0.08];
    private static readonly DateOnly Base = new(2026, 1, 1);

    private readonly EscoRelations _esco;
    private readonly int[] _occupationsByPopularity;

    public Generator(EscoRelations esco, int seed)
    {
        _esco = esco;
        var shuffle = new Random(seed);
        _occupationsByPopularity = Enumerable.Range(0, esco.Vocabulary.OccupationCount)
            .Where(o => esco.Essential[o].Length + esco.Optional[o].Length > 0)
            .OrderBy(_ => shuffle.Next())
            .ToArray();
    }

    public CandidateProfile[] Profiles(int count, int seed)
    {
        var r = new Random(seed);
        var profiles = new CandidateProfile[count];
        for (int i = 0; i < count; i++)
        {
            profiles[i] = Profile(r, i + 1);
        }

        return profiles;
    }

    public VacancyRequirements[] Vacancies(int count, int seed)
    {
        var r = new Random(seed);
        var vacancies = new VacancyRequirements[count];
        for (int i = 0; i < count; i++)
        {
            vacancies[i] = Vacancy(r);
        }

        return vacancies;
    }

    private int Occupation(Random r) => _occupationsByPopularity[(int)(_occupationsByPopularity.Length * Math.Pow(r.NextDouble(), 2))];

    private CandidateProfile Profile(Random r, long id)
    {
        int main = Occupation(r);
        var occupations = new List<OccupationExperience> { new(new OccupationId(main), r.Next(0, 121)) };
        var skills = new Dictionary<int, SkillEvidence>();
        Take(_esco.Essential[main], 0.6);
        Take(_esco.Optional[main], 0.2);
        if (r.NextDouble() < 0.3)
        {
            int second = Occupation(r);
            occupations.Add(new OccupationExperience(new OccupationId(second), r.Next(0, 61)));
            Take(_esco.Essential[second], 0.3);
        }

        int noise = r.Next(0, 4);
        for (int i = 0; i < noise; i++)
        {
            skills.TryAdd(_esco.SkillsInRelations[r.Next(_esco.SkillsInRelations.Length)], Evidence(r));
        }

        var languages = new List<LanguageSkill> { new("ar", CefrLevel.C2) };
        for (int i = 0; i < ForeignLanguages.Length; i++)
        {
            if (r.NextDouble() < ForeignLanguageShare[i])
            {
                languages.Add(new LanguageSkill(ForeignLanguages[i], (CefrLevel)r.Next(1, 7)));
            }
        }

        var from = Base.AddDays(r.Next(-90, 181));
        return new CandidateProfile
        {
            Id = id,
            Occupations = occupations,
            Skills = skills.Select(kv => new ProfileSkill(new SkillId(kv.Key), kv.Value)).ToArray(),
            Languages = languages,
            EqfLevel = r.NextDouble() < 0.05 ? null : Math.Clamp(1 + (int)Math.Round(Math.Abs(Normal(r) * 2.2)), 1, 8),
            AvailableFrom = from,
            AvailableTo = r.NextDouble() < 0.3 ? null : from.AddDays(r.Next(90, 721)),
            CountriesWanted = r.NextDouble() < 0.3 ? [] : Destinations.OrderBy(_ => r.Next()).Take(r.Next(1, 4)).ToArray(),
            ConsentToMatching = r.NextDouble() < 0.95,
            EligibilityFacts = new[] { ("returnee", 0.15), ("woman", 0.45), ("rural", 0.3) }
                .Where(f => r.NextDouble() < f.Item2).Select(f => f.Item1).ToArray(),
        };

        void Take(int[] pool, double share)
        {
            foreach (int s in pool)
            {
                if (r.NextDouble() < share)
                {
                    skills.TryAdd(s, Evidence(r));
                }
            }
        }
    }

    private VacancyRequirements Vacancy(Random r)
    {
        int occupation = Occupation(r);
        var start = Base.AddDays(r.Next(0, 181));
        var essential = _esco.Essential[occupation].Where(_ => r.NextDouble() < 0.7).Select(s => new SkillId(s)).ToArray();
        var optional = _esco.Optional[occupation].Where(_ => r.NextDouble() < 0.3).Select(s => new SkillId(s)).ToArray();
        return new VacancyRequirements
        {
            Occupation = new OccupationId(occupation),
            EssentialSkills = essential,
            OptionalSkills = optional,
            Languages = r.NextDouble() < 0.7
                ? [new LanguageRequirement(ForeignLanguages[r.Next(3)], (CefrLevel)r.Next(2, 5))]
                : [],
            MinimumEqfLevel = r.NextDouble() < 0.5 ? r.Next(2, 6) : null,
            MinimumExperienceMonths = r.Next(0, 3) * 12,
            Country = r.NextDouble() < 0.9 ? Destinations[r.Next(Destinations.Length)] : null,
            StartDate = start,
            EndDate = start.AddDays(r.Next(60, 366)),
            Positions = r.Next(1, 20),
            RequiredEligibilityFacts = r.NextDouble() < 0.05 ? ["returnee"] : [],
        };
    }

    private static SkillEvidence Evidence(Random r) => r.NextDouble() switch
    {
        < 0.5 => SkillEvidence.Declared,
        < 0.75 => SkillEvidence.Trained,
        < 0.9 => SkillEvidence.Validated,
        _ => SkillEvidence.Certified,
    };

    private static double Normal(Random r) =>
        Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}
