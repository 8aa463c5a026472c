using Mismes.Core.Evaluation;

namespace Mismes.Core.Tests.Evaluation;

/// <summary>Small-cell suppression on tables worked out by hand (issue 10, public statistics).</summary>
public sealed class SmallCellsTests
{
    private static string Mask(Suppression s) =>
        string.Join("/", s.Cells.Select(row => string.Concat(row.Select(h => h ? 'x' : '.'))));

    [Fact]
    public void OneSmallCellInALine_ASecondOneIsHidden_TheSmallestOther()
    {
        // Women 3, men 40, not stated 12, total 55 published: 3 alone hidden would be 55 - 40 - 12.
        var s = SmallCells.Suppress([3, 40, 12]);

        Assert.Equal("x.x", Mask(s));
        Assert.False(s.RowTotals[0]);
    }

    [Fact]
    public void TwoSmallCells_ProtectEachOther()
    {
        var s = SmallCells.Suppress([3, 40, 2]);

        Assert.Equal("x.x", Mask(s));
    }

    [Fact]
    public void ZeroIsPublished_AndNothingSmall_NothingHidden()
    {
        Assert.Equal("...", Mask(SmallCells.Suppress([0, 40, 12])));
    }

    [Fact]
    public void Table_SecondarySuppressionSpreadsUntilNoLineHasASingleHiddenCell()
    {
        // Region × sex:    F   M
        //   MA-01          2  30     2 is small. Row MA-01 then has one hidden cell: its only other, 30, is hidden.
        //   MA-05         10  25     Column F has one hidden cell (2): the smallest other, 8, is hidden. Column M has
        //   MA-06          8  40     one (30): 40 is chosen over 25 because row MA-06 already has one hidden cell (8),
        //                            so hiding 40 protects both. Four cells hidden, every line has two: stable.
        var s = SmallCells.Suppress([[2, 30], [10, 25], [8, 40]]);

        Assert.Equal("xx/../xx", Mask(s));
        // Every row and column has zero or at least two hidden cells.
        for (var r = 0; r < 3; r++)
        {
            Assert.NotEqual(1, s.Cells[r].Count(h => h));
        }

        for (var c = 0; c < 2; c++)
        {
            Assert.NotEqual(1, s.Cells.Count(row => row[c]));
        }
    }

    [Fact]
    public void ALineWithOneCell_HidesItsTotal()
    {
        var s = SmallCells.Suppress([4]);

        Assert.Equal("x", Mask(s));
        Assert.True(s.RowTotals[0]);
        Assert.True(s.GrandTotal);
    }
}
