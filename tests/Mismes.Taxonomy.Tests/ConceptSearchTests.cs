using Mismes.Taxonomy.Esco;
using Mismes.Taxonomy.Text;

namespace Mismes.Taxonomy.Tests;

/// <summary>One shipped taxonomy and one search for all search tests (indexes are built on first use).</summary>
public sealed class ShippedSearchFixture
{
    public ConceptSearch Search { get; } = new(EscoTaxonomy.LoadShipped());

    public EscoConcept ByLabel(string language, string label) =>
        Search.Taxonomy.Concepts.Single(c => c.Kind is ConceptKind.Occupation or ConceptKind.Skill && c.Labels.TryGetValue(language, out var l) && l.Preferred == label);

    public EscoConcept ByEnglishLabel(string label) =>
        Search.Taxonomy.Concepts.Single(c => c.Kind is ConceptKind.Occupation or ConceptKind.Skill && c.PreferredLabel("en") == label);
}

public class ConceptSearchTests(ShippedSearchFixture fixture) : IClassFixture<ShippedSearchFixture>
{
    [Theory]
    [InlineData("développeur web", "fr", "web developer", 3)]
    [InlineData("Développeuse Web H/F", "fr", "web developer", 3)]
    [InlineData("directrice commerciale", "fr", "commercial director", 1)]
    [InlineData("directrice des ventes", "fr", "sales manager", 1)]
    [InlineData("plombier", "fr", "plumber", 1)]
    [InlineData("plombiér", "fr", "plumber", 3)]
    [InlineData("plombeir", "fr", "plumber", 3)]
    [InlineData("Accrocheur / Accrocheuse", "fr", "derrickhand", 1)]
    [InlineData("infirmière de soins généraux", "fr", "nurse responsible for general care", 1)]
    [InlineData("Software Developers", "en", "software developer", 1)]
    [InlineData("enfermera especialista", "es", "specialist nurse", 1)]
    [InlineData("مهندس برمجيات", "ar", "software developer", 5)]
    public void FindOccupations_JobTitle_FindsTheOccupationInTopK(string title, string language, string englishLabel, int k)
    {
        var expected = fixture.ByEnglishLabel(englishLabel);

        var matches = fixture.Search.FindOccupations(title, language, k);

        Assert.Contains(expected, matches.Select(m => m.Concept));
    }

    [Fact]
    public void FindOccupations_ArabicPreferredLabelsFromCsv_FindTheirConcept()
    {
        var path = Path.Combine(TestPaths.Esco, "ar", "occupations_ar.csv");
        var arabic = EscoCsvReader.Read(Path.GetDirectoryName(path)!);
        var sample = arabic.Occupations.Where((_, i) => i % 300 == 0).ToList();

        foreach (var occupation in sample)
        {
            var matches = fixture.Search.FindOccupations(occupation.PreferredLabel("ar"), "ar", 3);
            Assert.Contains(occupation.Uri, matches.Select(m => m.Concept.Uri));
        }
    }

    [Theory]
    [InlineData("Softwareentwickler (m/w/d)", "de", "software developer")]
    [InlineData("Krankenpflegerin", "de", "nurse assistant")]
    [InlineData("Elektriker (w/m/d)", "de", "electrician")]
    [InlineData("Softwareontwikkelaar (m/v)", "nl", "software developer")]
    [InlineData("Elektricien", "nl", "electrician")]
    public void FindOccupations_GermanOrDutchTitle_IsCodedInItsOwnLanguage(string title, string language, string englishLabel)
    {
        var matches = fixture.Search.FindOccupations(title, language, 3);

        Assert.Contains(fixture.ByEnglishLabel(englishLabel), matches.Select(m => m.Concept));
        Assert.All(matches, m => Assert.Equal(language, m.Language));
        Assert.All(matches, m => Assert.False(m.CrossLanguage));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("nl")]
    public void FindOccupations_RealGermanAndDutchPreferredLabels_FindTheirConcept(string language)
    {
        var sample = fixture.Search.Taxonomy.Occupations.Where((o, i) => i % 150 == 0 && o.Labels.ContainsKey(language)).ToList();

        Assert.True(sample.Count >= 15);
        foreach (var occupation in sample)
        {
            var matches = fixture.Search.FindOccupations(occupation.PreferredLabel(language), language, 3);
            Assert.Contains(occupation.Uri, matches.Select(m => m.Concept.Uri));
        }
    }

    [Theory]
    [InlineData("de")]
    [InlineData("nl")]
    [InlineData("ar")]
    public void FindSkills_SkillWithoutALabelInTheLanguage_IsFoundThroughEnglishAndSaysSo(string language)
    {
        var smed = fixture.ByEnglishLabel("SMED");
        Assert.False(smed.Labels.ContainsKey(language));

        var match = fixture.Search.FindSkills("SMED", language, 3).First(m => m.Concept == smed);

        Assert.True(match.CrossLanguage);
        Assert.Equal(language, match.QueryLanguage);
        Assert.Contains(match.Language, new[] { "en", "fr" });
        Assert.Contains($"no {language} label", match.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void FindSkills_GermanSkillLabel_MatchesInGerman()
    {
        var matches = fixture.Search.FindSkills("agiles Projektmanagement", "de", 3);

        Assert.Equal(fixture.ByLabel("de", "agiles Projektmanagement"), matches[0].Concept);
        Assert.Equal("de", matches[0].Language);
        Assert.False(matches[0].CrossLanguage);
    }

    [Fact]
    public void ExtractSkills_GermanSentence_FindsGermanAndFallbackSkills()
    {
        var matches = fixture.Search.ExtractSkills("Sie haben Erfahrung mit agilem Projektmanagement und SMED.", "de", 5);

        Assert.Contains(fixture.ByLabel("de", "agiles Projektmanagement"), matches.Select(m => m.Concept));
        Assert.Contains(matches, m => m.Concept == fixture.ByEnglishLabel("SMED") && m.CrossLanguage);
    }

    [Fact]
    public void FindOccupations_Results_AreSortedWithScoresAndMatchedLabels()
    {
        var matches = fixture.Search.FindOccupations("chauffeur de bus", "fr", 10);

        Assert.Equal(10, matches.Count);
        Assert.Equal(matches.OrderByDescending(m => m.Score).Select(m => m.Score), matches.Select(m => m.Score));
        Assert.All(matches, m => Assert.False(string.IsNullOrEmpty(m.MatchedLabel)));
        Assert.All(matches, m => Assert.Equal(ConceptKind.Occupation, m.Concept.Kind));
    }

    [Theory]
    [InlineData("gestion de projet", "fr", "project management")]
    [InlineData("PostgreSQL", "en", "PostgreSQL")]
    [InlineData("programación en Java", "es", "Java (computer programming)")]
    public void FindSkills_SkillPhrase_FindsTheSkillInTop3(string phrase, string language, string englishLabel)
    {
        var matches = fixture.Search.FindSkills(phrase, language, 3);

        Assert.Contains(fixture.ByEnglishLabel(englishLabel), matches.Select(m => m.Concept));
    }

    [Theory]
    [InlineData("We are hiring a developer with strong JavaScript and PostgreSQL experience.", "en", "JavaScript|PostgreSQL")]
    [InlineData("You will work in teams and manage budgets.", "en", "work in teams|manage budgets")]
    [InlineData("Le candidat doit maîtriser la gestion de projets et parler anglais.", "fr", "project management")]
    public void ExtractSkills_Sentence_FindsTheSkillsItMentionsInTop5(string sentence, string language, string expectedLabels)
    {
        var matches = fixture.Search.ExtractSkills(sentence, language, 5);

        foreach (var label in expectedLabels.Split('|'))
        {
            Assert.Contains(fixture.ByEnglishLabel(label), matches.Select(m => m.Concept));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Find_EmptyText_ReturnsNothing(string text)
    {
        Assert.Empty(fixture.Search.FindOccupations(text, "fr", 5));
        Assert.Empty(fixture.Search.ExtractSkills(text, "en", 5));
    }
}
