namespace Mismes.Web.Account;

/// <summary>Marker for the Account strings in Resources/Account/AccountResource*.resx (keys "Account.…"; fr is the neutral language).</summary>
public sealed class AccountResource;
