using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.Notifications;

namespace Mismes.Cli.Administration;

/// <summary>
/// `mismes admin create --email --name --institution CODE [--password-stdin]`: the first administrator of a new
/// installation (Production has no demo accounts, docs/adr/0021-account-administration.md). With --password-stdin the
/// password is read from the first line of standard input (never from an argument, which ends up in shell history
/// and process lists) and must pass the password policy. Without it the account has no password yet and a welcome
/// message is queued in the outbox, sent by the web host, with a link to "forgot password" on PublicBaseUrl.
/// Refuses an e-mail that already has an account: running it twice never makes a second administrator.
/// </summary>
internal static class AdminCommand
{
    public const int RefusedExitCode = 2;

    public static Command Create(TextReader? stdin)
    {
        var admin = new Command("admin", "Administrator accounts");
        var options = new DatabaseOptions();
        var email = new Option<string>("--email") { Description = "The administrator's e-mail address (their user name)", Required = true };
        var name = new Option<string>("--name") { Description = "The name shown in the application", Required = true };
        var institution = new Option<string>("--institution") { Description = "The code of their institution, e.g. MCMREAM", Required = true };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input" };
        var publicBaseUrl = new Option<string?>("--public-base-url") { Description = "Public address of Mismes for the welcome link (default: PublicBaseUrl)" };
        var create = new Command("create", "Create an administrator (refused if the e-mail already has an account)")
        {
            email, name, institution, passwordStdin, publicBaseUrl,
        };
        options.AddTo(create);
        create.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            string? password = null;
            if (parse.GetValue(passwordStdin))
            {
                password = (await (stdin ?? Console.In).ReadLineAsync(ct))?.TrimEnd('\r');
                if (string.IsNullOrEmpty(password))
                {
                    await error.WriteLineAsync("Refused: --password-stdin was given but standard input holds no password.");
                    return RefusedExitCode;
                }
            }

            using var host = options.TryBuildHost(parse);
            if (host is null)
            {
                return 1;
            }

            await using var scope = host.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<AppDbContext>();
            if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
            {
                await error.WriteLineAsync("Refused: the database is not up to date. Run `mismes migrate` first.");
                return RefusedExitCode;
            }

            var address = parse.GetValue(email)!.Trim();
            var displayName = parse.GetValue(name)!.Trim();
            var code = parse.GetValue(institution)!.Trim();
            var users = services.GetRequiredService<UserManager<AppUser>>();
            if (!NotificationService.IsValidAddress(address))
            {
                await error.WriteLineAsync($"Refused: '{address}' is not a valid e-mail address.");
                return RefusedExitCode;
            }

            if (displayName.Length is 0 or > 200)
            {
                await error.WriteLineAsync("Refused: --name must hold 1 to 200 characters.");
                return RefusedExitCode;
            }

            if (await users.FindByEmailAsync(address) is not null)
            {
                await error.WriteLineAsync($"Refused: an account with the e-mail {address} already exists. Nothing was changed.");
                return RefusedExitCode;
            }

            if (await db.Set<Institution>().SingleOrDefaultAsync(i => i.Code == code, ct) is not { } home)
            {
                await error.WriteLineAsync($"Refused: no institution has the code '{code}'. `mismes migrate` loads the national institutions.");
                return RefusedExitCode;
            }

            var user = new AppUser
            {
                Id = Guid.NewGuid(),
                UserName = address,
                Email = address,
                EmailConfirmed = true,
                DisplayName = displayName,
                InstitutionId = home.Id,
                LockoutEnabled = true,
            };
            if (password is not null && await AccountService.PasswordErrorsAsync(users, user, password) is { Length: > 0 } refused)
            {
                await error.WriteLineAsync("Refused: " + PolicyMessage(refused));
                return RefusedExitCode;
            }

            var welcomeLink = password is null
                ? WelcomeLink(parse.GetValue(publicBaseUrl) ?? services.GetRequiredService<IConfiguration>()["PublicBaseUrl"])
                : null;
            if (password is null && welcomeLink is null)
            {
                await error.WriteLineAsync(
                    "Refused: without --password-stdin the administrator chooses a password from a link e-mailed to them, "
                    + "which needs PublicBaseUrl (e.g. PublicBaseUrl=https://mismes.example.ma). Set it or use --password-stdin.");
                return RefusedExitCode;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            Check(password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password));
            Check(await users.AddToRoleAsync(user, Roles.Administrator));
            services.GetRequiredService<AuditLog>().Add(AuditAction.Create, "User", user.Id.ToString(), "Email,DisplayName,InstitutionId,Roles");
            if (welcomeLink is not null)
            {
                services.GetRequiredService<NotificationService>().Enqueue(
                    MessageKinds.AccountCreated, address, null, new AccountCreatedMail(displayName, home.Name, address, welcomeLink), home.Id);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync($"{DatabaseOptions.Describe(db)}: administrator {address} created in {home.Code}.");
            await output.WriteLineAsync(welcomeLink is null
                ? "They sign in with the password given on standard input, then set up two-step verification."
                : $"A welcome message is queued: the web host sends it, with a link to choose a password ({welcomeLink}).");
            return 0;
        });
        admin.Add(create);
        return admin;
    }

    /// <summary>The policy's refusal in words (the CLI speaks English, like its other messages).</summary>
    internal static string PolicyMessage(IEnumerable<string> codes) => string.Join(" ", codes.Select(code => code switch
    {
        "Identity.PasswordTooShort" => $"The password must be at least {PasswordPolicy.MinimumLength} characters long.",
        "Identity." + CommonPasswordValidator.TooLong => $"The password must be at most {PasswordPolicy.MaximumLength} characters long.",
        "Identity." + CommonPasswordValidator.Common => "This password is too common or too easy to guess: choose, for example, a phrase of several words.",
        "Identity." + CommonPasswordValidator.Personal => "The password must not be the administrator's name or e-mail address.",
        _ => "This password is not accepted.",
    }).Distinct(StringComparer.Ordinal));

    /// <summary>"Forgot password" on the public address: the new administrator asks there for a link to choose a password.</summary>
    private static string? WelcomeLink(string? publicBaseUrl) =>
        Uri.TryCreate(publicBaseUrl?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.GetLeftPart(UriPartial.Authority) + uri.AbsolutePath.TrimEnd('/') + "/Account/ForgotPassword"
            : null;

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Creating the administrator failed: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }
}
