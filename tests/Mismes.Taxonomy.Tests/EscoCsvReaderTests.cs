using Mismes.Taxonomy.Esco;

namespace Mismes.Taxonomy.Tests;

public class EscoCsvReaderTests
{
    private static readonly EscoTaxonomy Mini = EscoCsvReader.Read(TestPaths.Fixture, "9.9");

    private static EscoConcept Plumber => Mini.FindByUri("http://data.europa.eu/esco/occupation/p-plumber")!;

    [Fact]
    public void Read_Fixture_CountsEachKind()
    {
        Assert.Equal(2, Mini.Occupations.Count);
        Assert.Equal(3, Mini.Skills.Count);
        Assert.Equal(4, Mini.IscoGroups.Count);
        Assert.Single(Mini.SkillGroups);
    }

    [Fact]
    public void Read_Fixture_DetectsLanguagesFromFileNamesEnglishFirst()
    {
        Assert.Equal(["en", "ar", "fr"], Mini.Languages);
    }

    [Fact]
    public void Read_MultiLineQuotedAltLabels_SplitsOneLabelPerLine()
    {
        var en = Plumber.Labels["en"];
        Assert.Equal("plumber", en.Preferred);
        Assert.Equal(["plumbing technician", "pipe fitter, domestic"], en.Alternative);
        Assert.Equal(["plummer"], en.Hidden);
        Assert.StartsWith("Plumbers maintain", en.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "plumber")]
    [InlineData("fr", "plombier/plombière")]
    [InlineData("ar", "سباك / سباكة")]
    [InlineData("es", "plumber")]
    [InlineData("fr-MA", "plumber")]
    public void PreferredLabel_PerLanguage_FallsBackToEnglish(string language, string expected)
    {
        Assert.Equal(expected, Plumber.PreferredLabel(language));
    }

    [Fact]
    public void Read_FileWithOnlySomeColumns_StillGivesLabels()
    {
        var ar = Plumber.Labels["ar"];
        Assert.Empty(ar.Alternative);
        Assert.Null(ar.Description);
    }

    [Fact]
    public void Read_Occupation_KeepsIscoCodeAndEscoCode()
    {
        Assert.Equal("7126", Plumber.IscoGroupCode);
        Assert.Equal("7126.8", Plumber.Code);
        Assert.Equal("7126", Mini.FindIscoGroup("7126")!.Code);
    }

    [Fact]
    public void Ancestors_Occupation_WalksTheIscoHierarchy()
    {
        var codes = Mini.Ancestors(Plumber).Select(c => c.Code).ToArray();
        Assert.Equal(["7126", "712", "7"], codes);
    }

    [Fact]
    public void Broader_OccupationWithoutRelation_FallsBackToItsIscoGroup()
    {
        var webDeveloper = Mini.FindByUri("http://data.europa.eu/esco/occupation/p-webdev")!;
        Assert.Equal("2513", Assert.Single(Mini.Broader(webDeveloper)).Code);
        Assert.Contains(webDeveloper, Mini.Narrower(Mini.FindIscoGroup("2513")!));
    }

    [Fact]
    public void EssentialAndOptionalSkills_FromRelations_IgnoreUnknownSkills()
    {
        Assert.Equal(["install plumbing systems"], Mini.EssentialSkills(Plumber).Select(s => s.PreferredLabel("en")));
        Assert.Equal(["work in teams"], Mini.OptionalSkills(Plumber).Select(s => s.PreferredLabel("en")));
        var webDeveloper = Mini.FindByUri("http://data.europa.eu/esco/occupation/p-webdev")!;
        Assert.Single(Mini.EssentialSkills(webDeveloper));
    }

    [Theory]
    [InlineData("http://data.europa.eu/esco/skill/s-javascript", SkillType.Knowledge, ReuseLevel.SectorSpecific)]
    [InlineData("http://data.europa.eu/esco/skill/s-teamwork", SkillType.SkillCompetence, ReuseLevel.Transversal)]
    [InlineData("http://data.europa.eu/esco/skill/s-plumbing", SkillType.SkillCompetence, ReuseLevel.OccupationSpecific)]
    public void Read_Skill_ParsesTypeAndReuseLevel(string uri, SkillType type, ReuseLevel reuse)
    {
        var skill = Mini.FindByUri(uri)!;
        Assert.Equal(type, skill.SkillType);
        Assert.Equal(reuse, skill.ReuseLevel);
    }

    [Fact]
    public void Collections_FromCollectionFiles_AreNamedByFilePrefix()
    {
        var teamwork = Mini.FindByUri("http://data.europa.eu/esco/skill/s-teamwork")!;
        Assert.Equal(["transversal"], Mini.CollectionsOf(teamwork));
        Assert.Equal([teamwork], Mini.Collection("transversal"));
    }

    [Fact]
    public void Broader_SkillInSkillGroup_IsTheGroup()
    {
        var javascript = Mini.FindByUri("http://data.europa.eu/esco/skill/s-javascript")!;
        Assert.Equal(ConceptKind.SkillGroup, Assert.Single(Mini.Broader(javascript)).Kind);
    }

    [Fact]
    public void Attribution_NamesTheVersion()
    {
        Assert.Equal("ESCO, European Commission, v9.9 (esco.ec.europa.eu)", Mini.Attribution);
    }

    [Fact]
    public void Read_MissingFolder_Throws()
    {
        Assert.Throws<DirectoryNotFoundException>(() => EscoCsvReader.Read(Path.Combine(TestPaths.Fixture, "nope")));
    }

    [Theory]
    [InlineData("skill/competence", SkillType.SkillCompetence)]
    [InlineData("knowledge", SkillType.Knowledge)]
    [InlineData("", SkillType.None)]
    public void ParseSkillType_Values_MapToEnum(string value, SkillType expected)
    {
        Assert.Equal(expected, EscoCsvReader.ParseSkillType(value));
    }

    [Fact]
    public void Read_OfficialEsco111_HasAllConceptsAndFrenchLabels()
    {
        var esco = EscoCsvReader.Read(TestPaths.Esco);

        Assert.Equal("1.1.1", esco.Version);
        Assert.Equal(3007, esco.Occupations.Count);
        Assert.Equal(13896, esco.Skills.Count);
        Assert.Equal(619, esco.IscoGroups.Count);
        Assert.Equal(["en", "ar", "es", "fr"], esco.Languages);
        Assert.True(esco.Skills.Count(s => s.Labels.ContainsKey("fr")) >= 13000);
        Assert.True(esco.Occupations.Sum(o => esco.EssentialSkills(o).Count + esco.OptionalSkills(o).Count) >= 120_000);
        Assert.Contains("language", esco.CollectionNames);
        Assert.All(esco.Occupations, o => Assert.Contains(esco.Ancestors(o), a => a.Kind == ConceptKind.IscoGroup));
    }

    [Fact]
    public void Read_WithGermanAndDutchLabelFolder_AddsTheirLabelsToTheSameConcepts()
    {
        var labels = Path.Combine(TestPaths.Shared, "data", "esco-1.2-labels");

        var esco = EscoCsvReader.Read(TestPaths.Esco, [labels]);

        Assert.Equal(3007, esco.Occupations.Count);
        Assert.Equal(13896, esco.Skills.Count);
        Assert.Contains("de", esco.Languages);
        Assert.Contains("nl", esco.Languages);
        Assert.True(esco.Occupations.Count(o => o.Labels.ContainsKey("de")) >= 3000);
        Assert.True(esco.Skills.Count(s => s.Labels.ContainsKey("nl")) >= 2000);
        var developer = esco.Occupations.Single(o => o.PreferredLabel("en") == "software developer");
        Assert.Contains("Softwareentwickler", developer.Labels["de"].Preferred, StringComparison.Ordinal);
        Assert.Contains("software", developer.Labels["nl"].Preferred, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(developer.Labels["de"].Alternative);
        // The ESCO folder's own languages are not replaced by the label folder.
        var french = EscoCsvReader.Read(TestPaths.Esco).FindByUri(developer.Uri)!.Labels["fr"];
        Assert.Equal(french.Preferred, developer.Labels["fr"].Preferred);
        Assert.Equal(french.Alternative, developer.Labels["fr"].Alternative);
    }

    [Fact]
    public void Read_MissingLabelFolder_Throws()
    {
        Assert.Throws<DirectoryNotFoundException>(() => EscoCsvReader.Read(TestPaths.Fixture, [Path.Combine(TestPaths.Fixture, "nope")]));
    }
}
