using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.Core.Data;

namespace Mismes.TestCommon;

/// <summary>
/// A user created for a test; <see cref="Password"/> signs in through the real page. <see cref="AuthenticatorKey"/>
/// is set (two-step verification on) for the roles that require it: the helpers type its current code.
/// </summary>
public sealed record TestUser(Guid Id, string Email, string Password, Guid InstitutionId, string Role, string? AuthenticatorKey = null);

/// <summary>A partner system's key created for a test.</summary>
public sealed record TestApiKey(Guid Id, string Secret, Guid InstitutionId);

/// <summary>
/// Users, signed-in clients and API-key clients for integration tests. Clients do not follow redirects, so a test
/// sees a form's 302 (or the redirect to /Account/AccessDenied) as it is; they keep cookies.
/// </summary>
public static partial class SignInHelpers
{
    public const string TestPassword = "Lantern-Kite-Meadow-2026";

    /// <summary>Creates a user with <paramref name="role"/> in the institution with this code (created, as a demo institution, if missing).</summary>
    public static async Task<TestUser> CreateUserAsync(this MismesWebFactory factory, string role, string institutionCode, string? email = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var institutionId = await EnsureInstitutionAsync(scope.ServiceProvider, institutionCode);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..8]}@test.mismes.ma";
        var user = new AppUser
        {
            Id = Guid.NewGuid(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = $"Test {role}",
            InstitutionId = institutionId,
            LockoutEnabled = true,
        };
        Check(await users.CreateAsync(user, TestPassword));
        Check(await users.AddToRoleAsync(user, role));
        string? key = null;
        if (TwoFactorService.IsRequiredFor([role]))
        {
            // As the setup page leaves it: a key in the app, two-step verification on. Tests sign in with its codes.
            Check(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user);
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }

        return new TestUser(user.Id, email, TestPassword, institutionId, role, key);
    }

    /// <summary>The code an authenticator app shows now for <paramref name="base32Key"/> (RFC 6238: SHA-1, 6 digits, 30 s).</summary>
    public static string CurrentCode(string base32Key) => new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(base32Key)).ComputeTotp(DateTime.UtcNow);

    /// <summary>
    /// Signs in through both steps as a browser would: password, then (when the account has two-step verification)
    /// the current code on /Account/SignInCode. Returns the last answer (a 302 away from the sign-in pages on success).
    /// </summary>
    public static async Task<HttpResponseMessage> SignInFullyAsync(this HttpClient client, TestUser user, string? culture = null)
    {
        var response = await client.SignInAsync(user.Email, user.Password, culture);
        if (response.StatusCode != HttpStatusCode.Redirect
            || response.Headers.Location?.OriginalString.StartsWith("/Account/SignInCode", StringComparison.OrdinalIgnoreCase) != true)
        {
            return response;
        }

        if (user.AuthenticatorKey is null)
        {
            throw new InvalidOperationException($"{user.Email} has two-step verification on but the test does not know its key.");
        }

        var page = response.Headers.Location.OriginalString;
        response.Dispose();
        return await client.PostFormAsync(page, new Dictionary<string, string> { ["Code"] = CurrentCode(user.AuthenticatorKey) });
    }

    /// <summary>A new user with <paramref name="role"/>, signed in through /Account/SignIn; the client keeps the cookie.</summary>
    public static async Task<HttpClient> CreateSignedInClientAsync(this MismesWebFactory factory, string role, string institutionCode)
    {
        var user = await factory.CreateUserAsync(role, institutionCode);
        return await factory.CreateSignedInClientAsync(user);
    }

    public static async Task<HttpClient> CreateSignedInClientAsync(this MismesWebFactory factory, TestUser user)
    {
        var client = factory.CreateCookieClient();
        var response = await client.SignInFullyAsync(user);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {user.Email} failed: {(int)response.StatusCode}.");
        }

        return client;
    }

    /// <summary>
    /// Signs <paramref name="user"/> in on a new cookie client and returns both the client and the sign-in cookie
    /// ("mismes.auth=..."), so a test can replay that cookie later from a <see cref="CreateReplayClient"/>.
    /// </summary>
    public static async Task<(HttpClient Client, string AuthCookie)> SignInKeepingCookieAsync(this MismesWebFactory factory, TestUser user)
    {
        var client = factory.CreateCookieClient();
        using var response = await client.SignInFullyAsync(user);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {user.Email} failed: {(int)response.StatusCode}.");
        }

        return (client, AuthCookieOf(response));
    }

    /// <summary>The "mismes.auth=..." pair a response sets (without its attributes).</summary>
    public static string AuthCookieOf(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Last(c => c.StartsWith("mismes.auth=", StringComparison.Ordinal)).Split(';')[0];

    /// <summary>A client that keeps no cookies of its own and sends <paramref name="cookie"/> on every request, as a thief would.</summary>
    public static HttpClient CreateReplayClient(this MismesWebFactory factory, string cookie)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>A cookie client whose requests come from <paramref name="clientAddress"/> (an IP address), for throttling tests.</summary>
    public static HttpClient CreateCookieClient(this MismesWebFactory factory, string clientAddress)
    {
        var client = factory.CreateCookieClient();
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, clientAddress);
        return client;
    }

    /// <summary>A client that keeps cookies and does not follow redirects.</summary>
    public static HttpClient CreateCookieClient(this MismesWebFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Posts the sign-in form as a browser would (GET for the antiforgery token, then POST).</summary>
    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password, string? culture = null) =>
        client.PostFormAsync(
            "/Account/SignIn" + (culture is null ? "" : "?culture=" + culture),
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    /// <summary>GETs <paramref name="url"/>, takes the antiforgery token from its form and POSTs <paramref name="fields"/> to <paramref name="postUrl"/> (default: the same URL).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? postUrl = null)
    {
        var html = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        var form = new List<KeyValuePair<string, string>>(fields)
        {
            new("__RequestVerificationToken", ExtractAntiforgeryToken(html)),
        };
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri(postUrl ?? url, UriKind.Relative), content);
    }

    public static string ExtractAntiforgeryToken(string html)
    {
        var match = AntiforgeryInput().Match(html);
        return match.Success
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("No antiforgery token in the page.");
    }

    /// <summary>Creates an active API key with these scopes (e.g. "people:read") for the institution with this code (created if missing).</summary>
    public static async Task<TestApiKey> CreateApiKeyAsync(this MismesWebFactory factory, string institutionCode, params string[] scopes)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var institutionId = await EnsureInstitutionAsync(scope.ServiceProvider, institutionCode);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var secret = ApiKeyService.NewSecret();
        var key = new ApiKey
        {
            Id = Guid.NewGuid(),
            InstitutionId = institutionId,
            Name = "test key",
            Prefix = ApiKeyService.PrefixOf(secret),
            SecretHash = ApiKeyService.Hash(secret),
            Scopes = string.Join(' ', scopes),
            CreatedAt = factory.Clock.GetUtcNow(),
        };
        db.Set<ApiKey>().Add(key);
        await db.SaveChangesAsync();
        return new TestApiKey(key.Id, secret, institutionId);
    }

    /// <summary>A client that sends <c>Authorization: ApiKey &lt;key&gt;</c> for a new key of this institution with these scopes.</summary>
    public static async Task<HttpClient> CreateApiKeyClientAsync(this MismesWebFactory factory, string institutionCode, params string[] scopes)
    {
        var key = await factory.CreateApiKeyAsync(institutionCode, scopes);
        return factory.CreateApiKeyClient(key.Secret);
    }

    public static HttpClient CreateApiKeyClient(this MismesWebFactory factory, string secret)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", secret);
        return client;
    }

    public static async Task<Guid> InstitutionIdAsync(this MismesWebFactory factory, string institutionCode)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await EnsureInstitutionAsync(scope.ServiceProvider, institutionCode);
    }

    private static Task<Guid> EnsureInstitutionAsync(IServiceProvider services, string code) =>
        EnsureInstitutionAsync(services.GetRequiredService<AppDbContext>(), code);

    /// <summary>The id of the institution with this code, created (as a demo institution) if missing.</summary>
    public static async Task<Guid> EnsureInstitutionAsync(AppDbContext db, string code)
    {
        var id = await db.Set<Institution>().Where(i => i.Code == code).Select(i => (Guid?)i.Id).SingleOrDefaultAsync();
        if (id is { } existing)
        {
            return existing;
        }

        var institution = new Institution { Id = Guid.NewGuid(), Code = code, Name = "Test " + code, Kind = InstitutionKind.PublicEmploymentService, IsDemo = true };
        db.Set<Institution>().Add(institution);
        try
        {
            await db.SaveChangesAsync();
            return institution.Id;
        }
        catch (DbUpdateException)
        {
            // Another test created it at the same moment.
            db.ChangeTracker.Clear();
            return await db.Set<Institution>().Where(i => i.Code == code).Select(i => i.Id).SingleAsync();
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex AntiforgeryInput();
}
