namespace Mismes.Web.EndToEndTests.Infrastructure;

/// <summary>
/// One host and one browser for all browser tests: put <c>[Collection(MismesAppCollection.Name)]</c> on a test class
/// deriving from <see cref="BrowserTest"/>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class MismesAppCollection : ICollectionFixture<MismesAppFixture>
{
    public const string Name = "Mismes app in Chromium";
}
