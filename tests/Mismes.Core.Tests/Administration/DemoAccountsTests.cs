using Microsoft.Extensions.Configuration;
using Mismes.Core.Administration;

namespace Mismes.Core.Tests.Administration;

public sealed class DemoAccountsTests
{
    [Fact]
    public void All_OneAccountPerRole_InAKnownInstitution()
    {
        var known = new[]
        {
            InstitutionCodes.Anapec, InstitutionCodes.Mcmream, InstitutionCodes.MinistryOfEmployment, InstitutionCodes.Ofppt,
            InstitutionCodes.Cnrst, InstitutionCodes.IomMorocco, InstitutionCodes.Ofii, InstitutionCodes.Giz,
        }.Concat(DemoInstitutions.All).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(Roles.All.Order(StringComparer.Ordinal), DemoAccounts.All.Select(a => a.Role).Order(StringComparer.Ordinal));
        Assert.All(DemoAccounts.All, a => Assert.Contains(a.InstitutionCode, known));
        Assert.All(DemoAccounts.All, a => Assert.EndsWith("@" + DemoAccounts.EmailDomain, a.Email, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, DemoAccounts.DefaultPassword)]
    [InlineData("", DemoAccounts.DefaultPassword)]
    [InlineData("Other-Demo-2027", "Other-Demo-2027")]
    public void Password_FromConfigurationWithDefault(string? configured, string expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal) { ["Demo:Password"] = configured })
            .Build();

        Assert.Equal(expected, DemoAccounts.Password(configuration));
    }
}
