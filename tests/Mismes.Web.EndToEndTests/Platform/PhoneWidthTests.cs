using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Mismes.Core.Administration;
using Mismes.TestCommon;
using Mismes.TestCommon.People;
using Mismes.Web.EndToEndTests.Infrastructure;
using Xunit.Abstractions;

namespace Mismes.Web.EndToEndTests.Platform;

/// <summary>
/// Issue 6, 2.3: no page is wider than a 360-px phone, and no button or field hides in a sideways scroll. For each role
/// (and anonymously), in French and Arabic, every page of the host is visited: the pages come from the route table, so
/// a capability's new page is measured as soon as it exists; a page with a route parameter (a person, a measure) is
/// reached through the first link to it on the pages already visited. Pages a role may not open send it to sign-in or
/// to the access-denied page, which is measured once like any other. A failure names each page, its width and the
/// element that sticks out the most. Visitors (anonymous) browse without JavaScript.
/// </summary>
[Collection(MismesAppCollection.Name)]
public sealed partial class PhoneWidthTests(MismesAppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string Anonymous = "Anonymous";
    private const int PhoneWidth = 360;

    public static TheoryData<string, string> RolesAndCultures()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in new[] { Anonymous }.Concat(Roles.All))
        {
            data.Add(role, "fr");
            data.Add(role, "ar-MA");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RolesAndCultures))]
    public async Task EveryPageOfTheRole_Phone360_NothingWiderThanTheScreen(string role, string culture)
    {
        // Visitors' pages are measured without JavaScript: citizens' pages must work without it.
        var page = await NewPageAsync(culture, phone: true, javaScript: role != Anonymous);
        var seeds = new List<string>();
        if (role != Anonymous)
        {
            var user = await App.Factory.CreateUserAsync(role, InstitutionCodes.Anapec);
            if (role == Roles.Beneficiary)
            {
                // "My record" with a record to show (long names, an e-mail, notes, consents), not only its empty state.
                await App.Services.AddLinkedRecordAsync(user, App.Factory.Clock.GetUtcNow());
            }

            await SignInAsync(page, user);
            seeds.AddRange(await PersonWithHistoryAsync(page));
        }

        var problems = new List<string>();
        var measured = 0;
        var routes = PageRoutes();
        var visited = new HashSet<string>(StringComparer.Ordinal); // page (view path) → visited once
        var queue = new Queue<string>(seeds.Concat(routes.Where(r => r.Page is not null && r.Parameters == 0).Select(r => r.Sample)));
        while (queue.TryDequeue(out var url))
        {
            var route = routes.FirstOrDefault(r => r.Matches(url));
            if (route?.Page is null || !visited.Add(route.Page))
            {
                continue;
            }

            await page.GotoAsync(url.Contains("culture=", StringComparison.Ordinal) ? url : url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=" + culture);
            var landed = new Uri(page.Url).AbsolutePath;
            if (routes.FirstOrDefault(r => r.Matches(landed)) is { Page: not null } other && other != route && !visited.Add(other.Page))
            {
                continue; // sent elsewhere (sign-in, access denied) and that page is measured already
            }

            measured++;
            if (seeds.Count > 0 && url == seeds[0])
            {
                await ScreenshotAsync(page, $"person-{role}-{culture}"); // the page the issue found at 526 px, for a person to look at
            }

            var report = await page.EvaluateAsync<string?>(MeasureScript, PhoneWidth);
            if (report is not null)
            {
                problems.Add($"{landed} (asked {url}): {report}");
                await ScreenshotAsync(page, $"too-wide-{role}-{culture}{landed.Replace('/', '-')}");
            }

            var links = await page.Locator("a[href^='/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            foreach (var link in links.Select(l => l.Split('#')[0]).Where(l => routes.Any(r => r.Parameters > 0 && r.Matches(l))))
            {
                queue.Enqueue(link);
            }
        }

        Output.WriteLine($"{role} {culture}: {measured} pages measured; not reached (no link to them for this role): "
            + string.Join(", ", routes.Where(r => r.Page is not null && !visited.Contains(r.Page)).Select(r => r.Pattern)));
        Assert.True(problems.Count == 0, $"{role} in {culture}, on a {PhoneWidth}-px phone:\n" + string.Join("\n", problems));
    }

    /// <summary>
    /// Null when the page fits; otherwise what is wrong: the page's scroll width and the element sticking out the most
    /// (not counting what scrolls inside its own box), and any button or field the user cannot see without scrolling
    /// sideways (e.g. in a table that scrolls inside its box).
    /// </summary>
    internal const string MeasureScript = """
        (phone) => {
            const describe = el => {
                let d = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + [...el.classList].slice(0, 3).map(c => '.' + c).join('');
                const text = (el.innerText || el.value || '').trim().replace(/\s+/g, ' ');
                return d + (text ? ' "' + text.slice(0, 40) + '"' : '');
            };
            // Whether a box that scrolls (or hides) sideways clips el: an absolutely positioned element escapes every
            // such box between it and its containing block, and widens the page even inside a scrolling table.
            const clipped = el => {
                const absolute = ['absolute', 'fixed'].includes(getComputedStyle(el).position);
                const container = absolute ? el.offsetParent : null;
                for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
                    if (absolute && (!container || (container !== p && container.contains(p)) || !p.contains(container))) continue;
                    if (getComputedStyle(p).overflowX !== 'visible') return true;
                }
                return false;
            };
            const problems = [];
            const width = document.documentElement.scrollWidth;
            if (width > phone) {
                let worst = null, worstBy = 0;
                for (const el of document.body.querySelectorAll('*')) {
                    const r = el.getBoundingClientRect();
                    const by = Math.max(r.right - phone, -r.left);
                    // Not what scrolls inside its own box.
                    if (r.width > 0 && by > 0.5 && by >= worstBy && !clipped(el)) { worst = el; worstBy = by; }
                }
                problems.push(`${width} px wide; widest: ${worst ? describe(worst) + ' (' + Math.round(worst.getBoundingClientRect().width) + ' px)' : 'unknown'}`);
            }
            const hidden = [...document.querySelectorAll('main button, main select, main input:not([type=hidden]), main textarea')]
                .filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.right > phone + 0.5 || r.left < -0.5); })
                .map(describe);
            if (hidden.length > 0) problems.push('off screen: ' + hidden.slice(0, 5).join(', '));
            return problems.length ? problems.join('; ') : null;
        }
        """;

    /// <summary>
    /// A person of the user's institution with long, unbroken values (an e-mail, notes holding a code), a consent and a
    /// change, so the details page has consents and history to show; their pages start the visit. None for a role that
    /// may not register people.
    /// </summary>
    private static async Task<string[]> PersonWithHistoryAsync(IPage page)
    {
        var api = page.Context.APIRequest;
        var person = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["firstNameLatin"] = "Khadija-Fatima-Zahra",
            ["lastNameLatin"] = "Benabdeljalil-Elouazzani" + Guid.NewGuid().ToString("N")[..6],
            ["firstNameArabic"] = "خديجة فاطمة الزهراء",
            ["lastNameArabic"] = "بنعبد الجليل الوزاني",
            ["birthDate"] = "1993-07-08",
            ["sex"] = "Female",
            ["migrationStatus"] = "ProspectiveMigrant",
            ["countryOfResidence"] = "MA",
            ["regionCode"] = "MA-01",
            ["phone"] = "0612345678",
            ["email"] = "khadija.fatima-zahra.benabdeljalil-elouazzani@institution-partenaire.example.org",
            ["notes"] = "Dossier ANAPEC-TANGER-2026-000123456789-ESPAGNE-AGRICULTURE-SAISONNIER",
            ["confirmNotDuplicate"] = true,
        };
        var created = await api.PostAsync("/api/v1/people", new APIRequestContextOptions { DataObject = person });
        if (created.Status == 403)
        {
            return [];
        }

        Assert.True(created.Status == 201, $"Creating the sample person: {created.Status} {await created.TextAsync()}");

        var id = (await created.JsonAsync())!.Value.GetProperty("id").GetString();
        await api.PostAsync($"/api/v1/people/{id}/consents", new APIRequestContextOptions { DataObject = new { purpose = "ShareProfileWithForeignEmployers", channel = "InPerson" } });
        person["migrationStatus"] = "Abroad";
        person["countryOfResidence"] = "ES";
        await api.PutAsync($"/api/v1/people/{id}", new APIRequestContextOptions { DataObject = person });
        return [$"/People/Details/{id}", $"/People/Edit/{id}", $"/People/Merge/{id}", $"/Administration/Audit?RecordType=Person&RecordId={id}",
            $"/Placement/Candidates/Profile/{id}?oq=serveur&sq=cuisiner"];
    }

    /// <summary>
    /// Every GET route of the host, with a regex for its URLs: the Razor pages to measure (a URL to visit for those
    /// without parameters), and the other endpoints (downloads such as /Catalogue/Export, the API) so that a link to
    /// one of them is not taken for a page with a parameter ("/Catalogue/{slug}").
    /// </summary>
    private List<PageRoute> PageRoutes()
    {
        var pages = new Dictionary<string, PageRoute>(StringComparer.Ordinal);
        var others = new List<PageRoute>();
        foreach (var endpoint in App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<ActionDescriptor>() is not PageActionDescriptor descriptor)
            {
                others.Add(PageRoute.From(null, endpoint.RoutePattern));
                continue;
            }

            var route = PageRoute.From(descriptor.ViewEnginePath, endpoint.RoutePattern);
            // An Index page has two routes ("/People/Index" and "/People"): keep the shorter.
            if (!pages.TryGetValue(route.Page!, out var known) || route.Pattern.Length < known.Pattern.Length)
            {
                pages[route.Page!] = route;
            }
        }

        // Literal routes first: "/Catalogue/Manage" is the manage page and "/Catalogue/Export" a download, not the measure "{slug}".
        return [.. pages.Values.Concat(others).OrderBy(r => r.Parameters).ThenByDescending(r => r.Pattern.Length)];
    }

    /// <summary>A route of the host; <see cref="Page"/> is the Razor page's view path, null for other endpoints.</summary>
    private sealed record PageRoute(string? Page, string Pattern, Regex Regex, int Parameters)
    {
        /// <summary>The URL to visit for a route without parameters (an optional one left out).</summary>
        public string Sample => "/" + Regex.Replace(Pattern, @"/?\{[^}]*\?\}", "").TrimStart('/');

        public bool Matches(string url) => Regex.IsMatch(url.Split('?')[0]);

        public static PageRoute From(string? page, RoutePattern pattern)
        {
            var regex = new StringBuilder("^");
            var parameters = 0;
            foreach (var segment in pattern.PathSegments)
            {
                var optional = segment.Parts is [RoutePatternParameterPart { IsOptional: true }];
                regex.Append(optional ? "(?:/" : "/");
                foreach (var part in segment.Parts)
                {
                    regex.Append(part switch
                    {
                        RoutePatternLiteralPart literal => Regex.Escape(literal.Content),
                        RoutePatternSeparatorPart separator => Regex.Escape(separator.Content),
                        RoutePatternParameterPart parameter => ParameterRegex(parameter),
                        _ => "",
                    });
                    parameters += part is RoutePatternParameterPart { IsOptional: false } ? 1 : 0;
                }

                regex.Append(optional ? ")?" : "");
            }

            regex.Append("/?$");
            return new PageRoute(page, "/" + (pattern.RawText ?? "").TrimStart('/'), new Regex(regex.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), parameters);
        }

        private static string ParameterRegex(RoutePatternParameterPart parameter) =>
            parameter.ParameterPolicies.Any(p => string.Equals(p.Content, "guid", StringComparison.OrdinalIgnoreCase)) ? "[0-9a-fA-F-]{36}"
            : parameter.ParameterPolicies.Any(p => string.Equals(p.Content, "int", StringComparison.OrdinalIgnoreCase)) ? "[0-9]+"
            : "[^/]+";
    }
}
