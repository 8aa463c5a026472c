using System.IO.Compression;
using Mismes.Taxonomy.Esco;

namespace Mismes.Taxonomy.Tests;

public class EscoDataFileTests
{
    [Fact]
    public void WriteThenRead_Fixture_KeepsEveryConceptLabelAndRelation()
    {
        var original = EscoCsvReader.Read(TestPaths.Fixture, "9.9");

        var copy = RoundTrip(original);

        Assert.Equal(original.Version, copy.Version);
        Assert.Equal(original.Languages, copy.Languages);
        Assert.Equal(original.Concepts.Count, copy.Concepts.Count);
        foreach (var concept in original.Concepts)
        {
            var other = copy.Concepts[concept.Id];
            Assert.Equal((concept.Kind, concept.Uri, concept.Code, concept.IscoGroupCode, concept.SkillType, concept.ReuseLevel),
                (other.Kind, other.Uri, other.Code, other.IscoGroupCode, other.SkillType, other.ReuseLevel));
            Assert.Equal(concept.Labels.Keys.Order(StringComparer.Ordinal), other.Labels.Keys.Order(StringComparer.Ordinal));
            foreach (var (language, labels) in concept.Labels)
            {
                var otherLabels = other.Labels[language];
                Assert.Equal(labels.Preferred, otherLabels.Preferred);
                Assert.Equal(labels.Alternative, otherLabels.Alternative);
                Assert.Equal(labels.Hidden, otherLabels.Hidden);
                Assert.Equal(labels.Description, otherLabels.Description);
            }

            Assert.Equal(Uris(original.Broader(concept)), Uris(copy.Broader(other)));
            Assert.Equal(Uris(original.EssentialSkills(concept)), Uris(copy.EssentialSkills(other)));
            Assert.Equal(Uris(original.OptionalSkills(concept)), Uris(copy.OptionalSkills(other)));
        }

        Assert.Equal(Uris(original.Collection("transversal")), Uris(copy.Collection("transversal")));
    }

    [Fact]
    public void Read_NotADataFile_ThrowsInvalidData()
    {
        using var stream = new MemoryStream("conceptType,conceptUri\n"u8.ToArray());
        Assert.ThrowsAny<Exception>(() => EscoDataFile.Read(stream));
    }

    [Fact]
    public void LoadShipped_DataFileInRepository_HasTheWholeOfEsco()
    {
        var shipped = EscoTaxonomy.LoadShipped();

        Assert.Equal(3007, shipped.Occupations.Count);
        Assert.Equal(13896, shipped.Skills.Count);
        Assert.Equal("ESCO, European Commission, v1.1.1 (esco.ec.europa.eu)", shipped.Attribution);
        Assert.Contains("fr", shipped.Languages);
        Assert.Contains("de", shipped.Languages);
        Assert.Contains("nl", shipped.Languages);
    }

    [Fact]
    public void WriteThenRead_OfficialEsco_SameCountsAndRelations()
    {
        var original = EscoCsvReader.Read(TestPaths.Esco);

        var copy = RoundTrip(original);

        Assert.Equal(original.Concepts.Select(c => c.Uri), copy.Concepts.Select(c => c.Uri));
        Assert.Equal(
            original.Occupations.Sum(o => original.EssentialSkills(o).Count),
            copy.Occupations.Sum(o => copy.EssentialSkills(o).Count));
    }

    private static EscoTaxonomy RoundTrip(EscoTaxonomy taxonomy)
    {
        using var stream = new MemoryStream();
        EscoDataFile.Write(taxonomy, stream, CompressionLevel.Fastest);
        stream.Position = 0;
        return EscoDataFile.Read(stream);
    }

    private static string[] Uris(IEnumerable<EscoConcept> concepts) => concepts.Select(c => c.Uri).ToArray();
}
