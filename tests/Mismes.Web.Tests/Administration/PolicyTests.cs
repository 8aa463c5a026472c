using System.Net;
using Mismes.Core.Administration;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Administration;

public sealed class PolicyTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    [Theory]
    [InlineData(Roles.Administrator, "/api/v1/audit", HttpStatusCode.OK)]
    [InlineData(Roles.ProgrammeManager, "/api/v1/audit", HttpStatusCode.OK)]
    [InlineData(Roles.Advisor, "/api/v1/audit", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Analyst, "/api/v1/audit", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Beneficiary, "/api/v1/audit", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Analyst, "/api/v1/institutions", HttpStatusCode.OK)]
    [InlineData(Roles.InstitutionMember, "/api/v1/institutions", HttpStatusCode.OK)]
    [InlineData(Roles.Beneficiary, "/api/v1/institutions", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Employer, "/api/v1/institutions", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Expert, "/api/v1/institutions", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Beneficiary, "/api/v1/me", HttpStatusCode.OK)]
    public async Task Api_RoleWithOrWithoutRights_GetsExpectedStatus(string role, string url, HttpStatusCode expected)
    {
        var client = await factory.CreateSignedInClientAsync(role, "TEST-POLICY");

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Administrator, "/Administration/Users", true)]
    [InlineData(Roles.ProgrammeManager, "/Administration/Users", true)]
    [InlineData(Roles.Advisor, "/Administration/Users", false)]
    [InlineData(Roles.ProgrammeManager, "/Administration/ApiKeys", true)]
    [InlineData(Roles.CaseWorker, "/Administration/ApiKeys", false)]
    [InlineData(Roles.ProgrammeManager, "/Administration/Audit", true)]
    [InlineData(Roles.Trainer, "/Administration/Audit", false)]
    [InlineData(Roles.Trainer, "/Administration", true)]
    [InlineData(Roles.Beneficiary, "/Administration", false)]
    [InlineData(Roles.Analyst, "/Administration/Institutions", true)]
    [InlineData(Roles.Employer, "/Administration/Institutions", false)]
    public async Task Page_RoleWithOrWithoutRights_IsShownOrSentToAccessDenied(string role, string url, bool allowed)
    {
        var client = await factory.CreateSignedInClientAsync(role, "TEST-POLICY");

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("http://localhost/Account/AccessDenied", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AccessDenied_Page_Answers403WithLocalizedText()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Beneficiary, "TEST-POLICY");

        var response = await client.GetAsync(new Uri("/Account/AccessDenied?culture=en", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Your role does not allow you to open this page.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartnerApiPolicy_RequiresAnApiKey_NotACookieOfTheSameRole()
    {
        var provider = factory.Services.GetService(typeof(Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider))
            as Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider;

        var policy = await provider!.GetPolicyAsync(Mismes.Web.Administration.Policies.PartnerApi);

        Assert.NotNull(policy);
        Assert.Equal(["ApiKey"], policy.AuthenticationSchemes);
    }
}
