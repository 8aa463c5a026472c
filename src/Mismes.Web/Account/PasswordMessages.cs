using Microsoft.Extensions.Localization;

namespace Mismes.Web.Account;

/// <summary>Turns the field error codes of the account services into messages that name the field.</summary>
internal static class PasswordMessages
{
    public static IEnumerable<string> Describe(string field, IEnumerable<string> codes, IStringLocalizer<SharedResource> localizer)
    {
        foreach (var code in codes)
        {
            yield return code.StartsWith("Identity.", StringComparison.Ordinal)
                ? localizer["Account.Password." + code["Identity.".Length..]] is { ResourceNotFound: false } known
                    ? known.Value
                    : localizer["Account.Password.Refused"].Value
                : localizer[$"Account.{field}.{code}"].Value;
        }
    }
}
