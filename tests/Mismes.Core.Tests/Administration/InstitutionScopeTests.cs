using Mismes.Core.Administration;
using Mismes.TestCommon;

namespace Mismes.Core.Tests.Administration;

public sealed class InstitutionScopeTests
{
    private static readonly Guid A = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000001");
    private static readonly Guid B = Guid.Parse("bbbbbbbb-0000-0000-0000-000000000002");

    private sealed record Row(string Name, Guid? InstitutionId);

    private static readonly Row[] Rows = [new("a1", A), new("a2", A), new("b1", B), new("none", null)];

    [Theory]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.ProgrammeManager, false)]
    [InlineData(Roles.Advisor, false)]
    [InlineData(Roles.Analyst, false)]
    [InlineData(Roles.PartnerService, false)]
    public void SeesAllInstitutions_ByRole(string role, bool expected)
    {
        Assert.Equal(expected, InstitutionScope.SeesAllInstitutions(new FakeCurrentUser(A, role)));
    }

    [Fact]
    public void SeesAllInstitutions_SystemUser_IsTrue()
    {
        Assert.True(InstitutionScope.SeesAllInstitutions(new SystemUser()));
    }

    [Theory]
    [InlineData(Roles.Advisor, "a", "a", true)]
    [InlineData(Roles.Advisor, "a", "b", false)]
    [InlineData(Roles.Advisor, "a", null, false)]
    [InlineData(Roles.Advisor, null, null, false)]
    [InlineData(Roles.Administrator, "a", "b", true)]
    [InlineData(Roles.Administrator, null, null, true)]
    public void CanSee_OwnInstitutionOnlyUnlessAdministrator(string role, string? userInstitution, string? recordInstitution, bool expected)
    {
        var user = new FakeCurrentUser(Pick(userInstitution), role);

        Assert.Equal(expected, InstitutionScope.CanSee(user, Pick(recordInstitution)));
    }

    [Theory]
    [InlineData(Roles.Advisor, "a", "a1,a2")]
    [InlineData(Roles.CaseWorker, "b", "b1")]
    [InlineData(Roles.Advisor, null, "")]
    [InlineData(Roles.Administrator, "a", "a1,a2,b1,none")]
    public void VisibleTo_FiltersQueryToOwnInstitution(string role, string? userInstitution, string expected)
    {
        var user = new FakeCurrentUser(Pick(userInstitution), role);

        var visible = Rows.AsQueryable().VisibleTo(user, r => r.InstitutionId).Select(r => r.Name);

        Assert.Equal(expected, string.Join(',', visible));
    }

    [Fact]
    public void VisibleTo_NonNullableInstitution_FiltersToo()
    {
        var rows = new[] { (Name: "a", Institution: A), (Name: "b", Institution: B) }.AsQueryable();

        var visible = rows.VisibleTo(new FakeCurrentUser(B, Roles.Advisor), r => r.Institution).Select(r => r.Name).ToList();

        Assert.Equal(["b"], visible);
    }

    private static Guid? Pick(string? code) => code switch
    {
        "a" => A,
        "b" => B,
        _ => null,
    };
}
