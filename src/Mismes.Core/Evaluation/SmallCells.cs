namespace Mismes.Core.Evaluation;

/// <summary>Which cells and totals of a published table are hidden.</summary>
public sealed record Suppression(bool[][] Cells, bool[] RowTotals, bool[] ColumnTotals, bool GrandTotal)
{
    public bool IsHidden(int row, int column) => Cells[row][column];
}

/// <summary>
/// Small-cell suppression for public statistics: a count of 1 to 4 people is hidden (primary suppression), and so
/// is enough else that no hidden count can be worked out from the row and column totals that are published
/// (secondary suppression): a row or column never has exactly one hidden cell. The second cell hidden is the smallest
/// other one, so as little as possible is lost; when a line has no other cell to hide, its total is hidden. Zero is
/// published: "nobody" discloses nobody.
/// </summary>
public static class SmallCells
{
    public const int Threshold = 5;

    public static Suppression Suppress(IReadOnlyList<IReadOnlyList<int>> table, int threshold = Threshold)
    {
        var rows = table.Count;
        var columns = rows == 0 ? 0 : table[0].Count;
        var hidden = new bool[rows][];
        for (var r = 0; r < rows; r++)
        {
            hidden[r] = new bool[columns];
            for (var c = 0; c < columns; c++)
            {
                hidden[r][c] = table[r][c] is > 0 && table[r][c] < threshold;
            }
        }

        var rowTotals = new bool[rows];
        var columnTotals = new bool[columns];
        bool changed;
        do
        {
            changed = false;
            for (var r = 0; r < rows; r++)
            {
                changed |= Protect(Enumerable.Range(0, columns).Select(c => (r, c)).ToList(), isRow: true, table, hidden, ref rowTotals[r]);
            }

            for (var c = 0; c < columns; c++)
            {
                changed |= Protect(Enumerable.Range(0, rows).Select(r => (r, c)).ToList(), isRow: false, table, hidden, ref columnTotals[c]);
            }
        }
        while (changed);

        var grand = table.Sum(row => row.Sum());
        return new Suppression(hidden, rowTotals, columnTotals, grand is > 0 && grand < threshold);
    }

    /// <summary>One-dimensional: the cells of one breakdown and their total.</summary>
    public static Suppression Suppress(IReadOnlyList<int> cells, int threshold = Threshold) => Suppress([cells], threshold);

    /// <summary>Hides a second cell (or the total) of a line with exactly one hidden cell. True when it changed something.</summary>
    private static bool Protect(List<(int Row, int Column)> line, bool isRow, IReadOnlyList<IReadOnlyList<int>> table, bool[][] hidden, ref bool totalHidden)
    {
        if (totalHidden || line.Count(p => hidden[p.Row][p.Column]) != 1)
        {
            return false;
        }

        var others = line.Where(p => !hidden[p.Row][p.Column]).ToList();
        // Best partner: a cell whose crossing line already has one hidden cell (hiding it protects both lines at
        // once), then a real count over a zero, then the smallest count, so as little as possible is lost.
        int CrossingHidden((int Row, int Column) p) => isRow
            ? hidden.Count(row => row[p.Column])
            : hidden[p.Row].Count(h => h);
        var next = others
            .OrderByDescending(p => CrossingHidden(p) == 1)
            .ThenByDescending(p => table[p.Row][p.Column] > 0)
            .ThenBy(p => table[p.Row][p.Column])
            .Cast<(int, int)?>()
            .FirstOrDefault();
        if (next is { } cell)
        {
            hidden[cell.Item1][cell.Item2] = true;
        }
        else
        {
            totalHidden = true;
        }

        return true;
    }
}
