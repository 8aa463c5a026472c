using Mismes.Core.Administration;

namespace Mismes.Core.Tests.Administration;

public sealed class ApiKeySecretTests
{
    [Theory]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    public void Hash_IsLowerHexSha256(string key, string expected)
    {
        Assert.Equal(expected, ApiKeyService.Hash(key));
    }

    [Fact]
    public void NewSecret_HasPrefixAnd32RandomBytesInBase64Url()
    {
        var secrets = Enumerable.Range(0, 50).Select(_ => ApiKeyService.NewSecret()).ToList();

        Assert.All(secrets, s =>
        {
            Assert.StartsWith(ApiKeyService.KeyPrefix, s, StringComparison.Ordinal);
            Assert.Equal(ApiKeyService.KeyPrefix.Length + 43, s.Length);
            Assert.DoesNotContain(s[ApiKeyService.KeyPrefix.Length..], c => c is '+' or '/' or '=');
        });
        Assert.Equal(secrets.Count, secrets.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void PrefixOf_RevealsOnlyTheStartOfTheKey()
    {
        var secret = ApiKeyService.NewSecret();

        var prefix = ApiKeyService.PrefixOf(secret);

        Assert.StartsWith(prefix, secret, StringComparison.Ordinal);
        Assert.True(prefix.Length <= 12);
    }
}
