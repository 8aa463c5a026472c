using Mismes.Taxonomy.Text;

namespace Mismes.Taxonomy.Tests;

public class LabelIndexTests
{
    private static readonly LabelIndex Index = new(
    [
        new LabelDoc(0, "plombier/plombière", "fr"),
        new LabelDoc(1, "chauffeur de bus/chauffeuse de bus", "fr"),
        new LabelDoc(2, "chauffeur de taxi/chauffeuse de taxi", "fr"),
        new LabelDoc(3, "développeur web/développeuse web", "fr"),
        new LabelDoc(4, "directeur commercial/directrice commerciale", "fr"),
        new LabelDoc(5, "superviseur de plombiers", "fr"),
    ]);

    [Theory]
    [InlineData("plombier", 0)]
    [InlineData("plombière", 0)]
    [InlineData("plombiér", 0)]
    [InlineData("plombeir", 0)]
    [InlineData("chauffeuse de taxi", 2)]
    [InlineData("taxi chauffeur", 2)]
    [InlineData("conductrice de bus", 1)]
    [InlineData("développeuse web", 3)]
    [InlineData("web developpeur", 3)]
    [InlineData("Directrice Commerciale", 4)]
    public void SearchGroups_TitleVariants_RankTheirLabelFirst(string query, int expected)
    {
        var hits = Index.SearchGroups(query, "fr", 3);
        Assert.Equal(expected, hits[0].Group);
    }

    [Theory]
    [InlineData("plombier", "superviseur de plombiers")]
    [InlineData("chauffeur de taxi", "chauffeur")]
    public void ScoreDocuments_ExactLabel_ScoresAboveLooserOnes(string query, string looser)
    {
        var scores = Index.ScoreDocuments(query, "fr");
        var exact = Enumerable.Range(0, Index.Count).Max(d => scores[d]);
        var looserDoc = Enumerable.Range(0, Index.Count).First(d => Index[d].Text.StartsWith(looser, StringComparison.Ordinal));
        Assert.True(exact > scores[looserDoc]);
        Assert.InRange(exact, 0.5f, 1.5f);
    }

    [Theory]
    [InlineData("astronaute")]
    [InlineData("")]
    public void SearchGroups_NothingInCommon_ReturnsNoHit(string query)
    {
        Assert.Empty(Index.SearchGroups(query, "fr", 3));
    }

    [Theory]
    [InlineData("nous cherchons un chauffeur de taxi expérimenté", 2)]
    [InlineData("poste de développeur web à Rabat", 3)]
    public void ScoreContainment_SentenceContainingALabel_ScoresItHighest(string sentence, int expected)
    {
        var hits = Index.RankGroups(Index.ScoreContainment(sentence, "fr"), 3);
        Assert.Equal(expected, hits[0].Group);
    }

    [Theory]
    [InlineData("Production Managers", "en", "manag")]
    [InlineData("Architects, Except Landscape", "en", "architect")]
    [InlineData("agent d'accueil", "fr", "agent")]
    public void Head_Title_IsLastWordInEnglishFirstElsewhere(string title, string language, string expected)
    {
        Assert.StartsWith(expected, LabelIndex.Head(title, language), StringComparison.Ordinal);
    }
}

public class LabelIndexSynonymTests
{
    // Two concepts whose labels show "ordures" and "déchets" replacing each other, and a third that only says "ordures".
    private static readonly LabelDoc[] Docs =
    [
        new(0, "collecteur d'ordures", "fr"), new(0, "collecteur de déchets", "fr"),
        new(1, "trieur d'ordures", "fr"), new(1, "trieur de déchets", "fr"),
        new(2, "brûleur d'ordures", "fr"),
        new(3, "brûleur de gaz", "fr"),
    ];

    [Fact]
    public void SynonymsOf_WordsReplacingEachOtherInLabels_AreLearnt()
    {
        var index = new LabelIndex(Docs, new LabelIndexOptions { SynonymWeight = 0.8f });
        var dechets = TextAnalyzer.Words("déchets", "fr")[0];
        var ordures = TextAnalyzer.Words("ordures", "fr")[0];

        Assert.Contains(ordures, index.SynonymsOf(dechets).Select(s => s.Term));
    }

    [Theory]
    [InlineData(0f, false)]
    [InlineData(0.8f, true)]
    public void ScoreDocuments_QueryWordOnlyInSynonym_MatchesThroughItWhenEnabled(float weight, bool expectedAhead)
    {
        var index = new LabelIndex(Docs, new LabelIndexOptions { SynonymWeight = weight, WordWeight = 1f });

        var scores = index.ScoreDocuments("brûleur de déchets", "fr");

        // "brûleur d'ordures" (doc 4) versus "brûleur de gaz" (doc 5): both share only "brûleur" literally.
        Assert.Equal(expectedAhead, scores[4] > scores[5]);
    }
}
