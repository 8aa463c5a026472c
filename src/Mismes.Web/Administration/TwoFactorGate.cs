namespace Mismes.Web.Administration;

/// <summary>
/// An account whose role requires two-step verification (Administrator, ProgrammeManager) and has not set it up can
/// open only the setup page until it does (docs/adr/0024-two-step-verification.md): pages redirect there, the API
/// answers 403. Signing out, choosing a language and the error and health pages stay open.
/// </summary>
internal static class TwoFactorGate
{
    public const string SetupPath = "/Account/Mfa/Setup";

    private static readonly string[] Open = [SetupPath, "/Account/SignOut", "/culture", "/Error", "/health", "/alive"];

    /// <summary>After authentication (the claim is read), before authorization and the endpoints.</summary>
    public static IApplicationBuilder UseTwoFactorGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.HasClaim(c => c.Type == MismesClaims.TwoFactorMissing)
            && !Open.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            context.Response.Redirect(SetupPath);
            return;
        }

        await next();
    });
}
