using Microsoft.AspNetCore.Identity;
using Mismes.Core.Administration;

namespace Mismes.TestCommon;

/// <summary>
/// Identity's real password hasher, counting its verifications, so tests can assert that every refused sign-in
/// (unknown account included) pays for one password hash. Registered by <see cref="MismesWebFactory"/>.
/// </summary>
public sealed class CountingPasswordHasher : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> _inner = new();
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
