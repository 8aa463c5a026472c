using System.Text;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Mismes.Web.Tests.Platform;

/// <summary>Turns a route pattern into a path a test can request, each parameter filled by the caller's choice.</summary>
internal static class RoutePaths
{
    public static string Fill(RoutePattern pattern, Func<RoutePatternParameterPart, string> value)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => value(parameter),
                    _ => "",
                });
            }
        }

        return path.Length == 0 ? "/" : path.ToString();
    }
}
