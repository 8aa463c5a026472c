using Mismes.Core.Catalogue;
using Mismes.Core.Common;
using Mismes.Web.Catalogue;

namespace Mismes.Web.Tests.Catalogue;

/// <summary>Text from the form, the API body and the query string read into Core's typed requests (issue 6, section 1).</summary>
public sealed class MeasureInputTests
{
    [Theory]
    [InlineData("PostMigration", null, null)]
    [InlineData("postmigration", null, null)]
    [InlineData("Later", "Phase", "Catalogue.Error.UnknownValue")]
    [InlineData("2", "Phase", "Catalogue.Error.UnknownValue")]
    [InlineData(null, "Phase", "Catalogue.Error.Required")]
    [InlineData(" ", "Phase", "Catalogue.Error.Required")]
    public void ToRequest_Phase_IsReadOrBecomesAFieldError(string? phase, string? field, string? key)
    {
        var errors = new FieldErrors();

        var request = new MeasureInput { Phase = phase, Models = ["SkillsRecognition"] }.ToRequest(errors);

        if (field is null)
        {
            Assert.True(errors.IsEmpty);
            Assert.Equal(MigrationPhase.PostMigration, request.Phase);
        }
        else
        {
            Assert.Equal(key, errors[field][0]);
        }
    }

    [Fact]
    public void ToRequest_ModelsAndCodes_AreReadEmptyItemsSkipped()
    {
        var errors = new FieldErrors();

        var request = new MeasureInput
        {
            Phase = "Several",
            Models = ["skillsrecognition", null, "", "Magic"],
            ImplementerCodes = ["OFPPT, anapec", null],
            FunderCodes = [null],
        }.ToRequest(errors);

        Assert.Equal([MeasureModel.SkillsRecognition], request.Models);
        Assert.Equal(["OFPPT", "anapec"], request.ImplementerCodes);
        Assert.Empty(request.FunderCodes);
        Assert.Equal("Catalogue.Error.UnknownValue", errors["Models"][0]);
    }

    [Theory]
    [InlineData("PreMigration", null, null, null, true)]
    [InlineData("premigration", "skillscapitalisation", "Active", null, true)]
    [InlineData("Before", null, null, "phase", false)]
    [InlineData(null, "12", null, "model", false)]
    [InlineData(null, null, "Finished", "status", false)]
    [InlineData("1", null, null, "phase", false)]
    public void Filter_Values_GiveFilterOrFieldError(string? phase, string? model, string? status, string? errorField, bool valid)
    {
        var errors = new FieldErrors();

        CatalogueParsing.Filter(phase, model, null, status, null, errors);

        Assert.Equal(valid, errors.IsEmpty);
        if (errorField is not null)
        {
            Assert.Equal("Catalogue.Error.UnknownValue", errors[errorField][0]);
        }
    }
}
