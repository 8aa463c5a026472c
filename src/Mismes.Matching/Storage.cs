namespace Mismes.Matching;

/// <summary>Append-only compressed rows: the values of ordinal i are Pool[Start[i]..Start[i + 1]].</summary>
internal sealed class RowPool<T>
    where T : unmanaged
{
    public int[] Start = new int[16 + 1];
    public T[] Pool = new T[64];
    public int Rows;

    public int Length => Start[Rows];

    public ReadOnlySpan<T> Row(int ordinal) => Pool.AsSpan(Start[ordinal], Start[ordinal + 1] - Start[ordinal]);

    public void Append(ReadOnlySpan<T> values)
    {
        if (Rows + 2 > Start.Length)
        {
            Array.Resize(ref Start, Grow(Start.Length, Rows + 2));
        }

        int end = Start[Rows] + values.Length;
        if (end > Pool.Length)
        {
            Array.Resize(ref Pool, Grow(Pool.Length, end));
        }

        values.CopyTo(Pool.AsSpan(Start[Rows]));
        Rows++;
        Start[Rows] = end;
    }

    public void TrimExcess()
    {
        Array.Resize(ref Start, Rows + 1);
        Array.Resize(ref Pool, Math.Max(Length, 1));
    }

    public long Bytes => ((long)Start.Length * sizeof(int)) + ((long)Pool.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());

    internal static int Grow(int current, int needed) => Math.Max(needed, (int)Math.Min(Array.MaxLength, current + (current / 2) + 16));
}

/// <summary>Profiles holding one skill (directly or one step away) with their credit code; ordinals ascending.</summary>
internal sealed class SkillPosting
{
    public int[] Ordinals = [];
    public byte[] Codes = [];
    public int Count;

    public void Add(int ordinal, byte code)
    {
        if (Count == Ordinals.Length)
        {
            int size = RowPool<int>.Grow(Count, Count + 1);
            Array.Resize(ref Ordinals, size);
            Array.Resize(ref Codes, size);
        }

        Ordinals[Count] = ordinal;
        Codes[Count] = code;
        Count++;
    }

    public void TrimExcess()
    {
        Array.Resize(ref Ordinals, Count);
        Array.Resize(ref Codes, Count);
    }

    public long Bytes => (Ordinals.Length * 5L) + 32;
}

/// <summary>Profiles holding one occupation with their months of experience in it.</summary>
internal sealed class OccupationPosting
{
    public int[] Ordinals = [];
    public ushort[] Months = [];
    public int Count;

    public void Add(int ordinal, ushort months)
    {
        if (Count == Ordinals.Length)
        {
            int size = RowPool<int>.Grow(Count, Count + 1);
            Array.Resize(ref Ordinals, size);
            Array.Resize(ref Months, size);
        }

        Ordinals[Count] = ordinal;
        Months[Count] = months;
        Count++;
    }

    public void TrimExcess()
    {
        Array.Resize(ref Ordinals, Count);
        Array.Resize(ref Months, Count);
    }

    public long Bytes => (Ordinals.Length * 6L) + 32;
}
