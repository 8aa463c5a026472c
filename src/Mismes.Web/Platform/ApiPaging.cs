using System.Globalization;
using Mismes.Core.Common;

namespace Mismes.Web.Platform;

/// <summary>
/// Reads <c>?page=&amp;pageSize=</c> the same way on every list endpoint. The values are bound as text and read here,
/// so "page=abc", "page=0" and "page=2147483647" all get the same field error instead of a bare 400 or the first page.
/// </summary>
internal static class ApiPaging
{
    public static PageRequest Read(string? page, string? pageSize, FieldErrors errors, int defaultPageSize = PageRequest.DefaultPageSize)
    {
        var number = ReadInt(page, 1);
        var size = ReadInt(pageSize, defaultPageSize);
        var request = new PageRequest(number ?? 0, size ?? 0);
        request.Validate(errors);
        return request;
    }

    private static int? ReadInt(string? value, int fallback) =>
        string.IsNullOrWhiteSpace(value) ? fallback
        : int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
