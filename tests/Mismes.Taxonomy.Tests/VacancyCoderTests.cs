using Mismes.Taxonomy.Text;

namespace Mismes.Taxonomy.Tests;

public class VacancyCoderTests(ShippedSearchFixture fixture) : IClassFixture<ShippedSearchFixture>
{
    [Fact]
    public void Code_GermanVacancy_CodesTheOccupationInGermanAndTheSkillsOfItsText()
    {
        var coder = new VacancyCoder(fixture.Search);

        var coding = coder.Code(
            "Softwareentwickler (m/w/d)",
            "<p>Wir suchen Verstärkung.</p><ul><li>Sie haben Erfahrung mit agilem Projektmanagement.</li><li>Kenntnisse in SMED sind ein Plus.</li></ul>",
            "de");

        Assert.Equal(fixture.ByEnglishLabel("software developer"), coding.Occupations[0].Concept);
        Assert.Equal("de", coding.Occupations[0].Language);
        Assert.Contains(fixture.ByLabel("de", "agiles Projektmanagement"), coding.Skills.Select(s => s.Concept));
        Assert.Contains(coding.Skills, s => s.Concept == fixture.ByEnglishLabel("SMED") && s.CrossLanguage);
    }

    [Fact]
    public void Code_NoTitle_UsesTheFirstSentenceOfTheDescription()
    {
        var coder = new VacancyCoder(fixture.Search);

        var coding = coder.Code(null, "Plombier chauffagiste. Vous installez des chaudières.", "fr");

        Assert.Contains(fixture.ByEnglishLabel("plumber"), coding.Occupations.Select(o => o.Concept));
    }

    [Fact]
    public void Code_NothingToCode_ReturnsEmptyLists()
    {
        var coding = new VacancyCoder(fixture.Search).Code(null, null, "fr");

        Assert.Empty(coding.Occupations);
        Assert.Empty(coding.Skills);
    }

    [Fact]
    public void Sentences_HtmlWithBullets_GivesOneSentencePerItem()
    {
        var sentences = VacancyCoder.Sentences("<p>Erste Zeile. Zweite Zeile!</p><ul><li>Punkt &amp; Komma</li><li>  </li></ul>");

        Assert.Equal(["Erste Zeile.", "Zweite Zeile!", "Punkt & Komma"], sentences);
    }
}
