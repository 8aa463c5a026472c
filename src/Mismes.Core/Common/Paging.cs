namespace Mismes.Core.Common;

/// <summary>
/// Which page of a list to read, the same everywhere (pages, API <c>?page=&amp;pageSize=</c>). Bounds are checked, not
/// silently clamped: page 2,147,483,647 is a field error, never "the first page".
/// </summary>
public sealed record PageRequest(int Page = 1, int PageSize = PageRequest.DefaultPageSize)
{
    public const int DefaultPageSize = 25;

    public const int MaxPageSize = 100;

    /// <summary>Far beyond any real list at the largest page size, and small enough that (Page - 1) × PageSize never overflows.</summary>
    public const int MaxPage = 100_000;

    public const string PageOutOfRange = "Validation.PageOutOfRange";

    public const string PageSizeOutOfRange = "Validation.PageSizeOutOfRange";

    public int Skip => (Page - 1) * PageSize;

    /// <summary>Adds an error per field out of bounds; true when both are fine.</summary>
    public bool Validate(FieldErrors errors)
    {
        if (Page is < 1 or > MaxPage)
        {
            errors.Add("page", PageOutOfRange);
        }

        if (PageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", PageSizeOutOfRange);
        }

        return Page is >= 1 and <= MaxPage && PageSize is >= 1 and <= MaxPageSize;
    }
}

/// <summary>One page of a list and where it stands in the whole: the one paging shape of pages and API answers.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;
}
