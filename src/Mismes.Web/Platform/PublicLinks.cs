namespace Mismes.Web.Platform;

/// <summary>
/// Absolute links to Mismes (in exports, e-mails, documents) start with the configured <c>PublicBaseUrl</c>, never with
/// the request's Host header, which any client can forge (a forged Host used to flow into the catalogue export's links).
/// Production refuses to start without it; elsewhere it defaults to the address in launchSettings.json.
/// </summary>
public sealed class PublicLinks
{
    public const string SettingName = "PublicBaseUrl";
    public const string DevelopmentDefault = "http://localhost:5080";

    public PublicLinks(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[SettingName];
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (environment.IsProduction())
            {
                throw new InvalidOperationException(
                    $"{SettingName} is not set. In Production every absolute link is built from it (e.g. {SettingName}=https://mismes.example.ma); "
                    + "the request's Host header is never trusted.");
            }

            configured = DevelopmentDefault;
        }

        if (!Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"{SettingName} must be an absolute http or https address, e.g. https://mismes.example.ma.");
        }

        BaseUrl = uri.GetLeftPart(UriPartial.Authority) + uri.AbsolutePath.TrimEnd('/');
    }

    /// <summary>Scheme, host, port and path base, without a trailing slash, e.g. https://mismes.example.ma.</summary>
    public string BaseUrl { get; }

    /// <summary>The absolute address of an application path such as "/Catalogue/e-bosla".</summary>
    public string Absolute(string path) => BaseUrl + "/" + path.TrimStart('/');
}
