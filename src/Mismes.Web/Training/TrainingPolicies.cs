using Microsoft.AspNetCore.Authorization;
using Mismes.Core.Administration;

namespace Mismes.Web.Training;

/// <summary>Training's own policies (the shared staff ones are in Administration/Policies.cs).</summary>
public static class TrainingPolicies
{
    /// <summary>Read the course catalogue and its programmes: staff of every institution (reference data, nothing personal). Never an API key: keys carry the PartnerService role, so that role is left out.</summary>
    public const string ReadCatalogue = "Training.ReadCatalogue";

    public static AuthorizationBuilder AddTrainingPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(ReadCatalogue, p => p.RequireRole(
            Roles.Administrator, Roles.Advisor, Roles.ProgrammeManager, Roles.CaseWorker, Roles.Trainer, Roles.Analyst,
            Roles.InstitutionMember));
}
