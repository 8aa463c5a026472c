using Mismes.Core.Common;

namespace Mismes.Core.Tests.Common;

public sealed class PrimitivesTests
{
    [Theory]
    [InlineData(1, 25, true)]
    [InlineData(PageRequest.MaxPage, PageRequest.MaxPageSize, true)]
    [InlineData(0, 25, false)]
    [InlineData(-3, 25, false)]
    [InlineData(int.MaxValue, 25, false)]
    [InlineData(1, 0, false)]
    [InlineData(1, PageRequest.MaxPageSize + 1, false)]
    public void PageRequest_Validate_ChecksBoundsInsteadOfClamping(int page, int size, bool valid)
    {
        var errors = new FieldErrors();

        var ok = new PageRequest(page, size).Validate(errors);

        Assert.Equal(valid, ok);
        Assert.Equal(valid, errors.IsEmpty);
    }

    [Fact]
    public void PageRequest_LargestAllowed_SkipDoesNotOverflow()
    {
        var request = new PageRequest(PageRequest.MaxPage, PageRequest.MaxPageSize);

        Assert.Equal((long)(PageRequest.MaxPage - 1) * PageRequest.MaxPageSize, request.Skip);
    }

    [Theory]
    [InlineData(0, 25, 1, false)]
    [InlineData(50, 25, 2, true)]
    [InlineData(51, 25, 3, true)]
    public void Paged_PageCountAndNeighbours(int total, int size, int pageCount, bool firstHasNext)
    {
        var first = new Paged<int>([], total, 1, size);
        var last = new Paged<int>([], total, pageCount, size);

        Assert.Equal(pageCount, first.PageCount);
        Assert.Equal(firstHasNext, first.HasNext);
        Assert.False(first.HasPrevious);
        Assert.False(last.HasNext);
        Assert.Equal(pageCount > 1, last.HasPrevious);
    }

    [Fact]
    public void FieldErrors_SameKeyTwice_KeptOnceInOrder()
    {
        var errors = new FieldErrors().Add("Email", "A").Add("Email", "B").Add("Email", "A").Add("Phone", "C");

        Assert.Equal(["A", "B"], errors["Email"]);
        Assert.Equal(["Email", "Phone"], errors.Keys);
        Assert.False(errors.IsEmpty);
    }

    [Fact]
    public void WriteResult_Outcomes()
    {
        Assert.True(WriteResult<string>.Ok("x").Succeeded);
        Assert.Equal("x", WriteResult<string>.Ok("x").Value);
        var invalid = WriteResult<string>.Invalid("Title", "Catalogue.Error.Required");
        Assert.Equal(WriteOutcome.Invalid, invalid.Outcome);
        Assert.Equal(["Catalogue.Error.Required"], invalid.Errors["Title"]);
        Assert.Equal(WriteOutcome.NotFound, WriteResult<string>.NotFound().Outcome);
        Assert.Equal("People.Error.MergeSame", WriteResult<string>.Conflict("People.Error.MergeSame").ConflictKey);
    }
}
