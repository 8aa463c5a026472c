using Microsoft.AspNetCore.Authorization;
using Mismes.Core.Administration;

namespace Mismes.Web.Recognition;

/// <summary>Recognition's policies. Applications are personal records; certificates are verified by anyone holding the code.</summary>
public static class RecognitionPolicies
{
    /// <summary>
    /// Applications, assessments, certificates and revocations: the staff who run validations in an institution
    /// (advisors, case workers, trainers as assessors) and administrators. Never an API key.
    /// </summary>
    public const string ManageValidations = "Recognition.ManageValidations";

    public static AuthorizationBuilder AddRecognitionPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(ManageValidations, p => p.RequireRole(Roles.Advisor, Roles.CaseWorker, Roles.Trainer, Roles.Administrator));
}
