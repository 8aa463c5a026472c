namespace Mismes.Matching;

/// <summary>
/// How many profiles hold each skill (directly or one step away in the hierarchy), the basis of rarity (IDF) weights.
/// A <see cref="MatchIndex"/> keeps these counts up to date; <see cref="FromProfiles"/> counts them from scratch.
/// </summary>
public sealed class SkillRarity
{
    internal SkillRarity(int[] documentFrequency, int profileCount)
    {
        Frequencies = documentFrequency;
        ProfileCount = profileCount;
    }

    public int ProfileCount { get; }

    internal int[] Frequencies { get; }

    public int DocumentFrequency(SkillId skill) => Frequencies[skill.Value];

    /// <summary>Rarity weight of a skill: ln(1 + (N + 1) / (df + 1)), always positive.</summary>
    public double Weight(SkillId skill) => Idf(Frequencies[skill.Value], ProfileCount);

    internal static double Idf(int df, int n) => Math.Log(1.0 + ((n + 1.0) / (df + 1.0)));

    public static SkillRarity FromProfiles(MatchingVocabulary vocabulary, IEnumerable<CandidateProfile> profiles)
    {
        var df = new int[vocabulary.SkillCount];
        var stamp = new int[vocabulary.SkillCount];
        int n = 0;
        foreach (var p in profiles)
        {
            n++;
            foreach (var s in p.Skills)
            {
                Mark(s.Skill.Value);
                foreach (int q in vocabulary.Parents[s.Skill.Value])
                {
                    Mark(q);
                }

                foreach (int q in vocabulary.Children[s.Skill.Value])
                {
                    Mark(q);
                }
            }
        }

        return new SkillRarity(df, n);

        void Mark(int skill)
        {
            if (stamp[skill] != n)
            {
                stamp[skill] = n;
                df[skill]++;
            }
        }
    }
}
