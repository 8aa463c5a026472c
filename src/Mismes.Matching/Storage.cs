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

/// <summary>
/// Profiles holding one skill (directly or one step away) with their credit code, ordinals ascending, delta-encoded as
/// varints of (gap &lt;&lt; 4 | code): one or two bytes per posting instead of five.
/// </summary>
internal sealed class SkillPosting
{
    public byte[] Data = [];
    public int Length;
    public int Count;
    public int LastOrdinal = -1;

    public void Add(int ordinal, byte code)
    {
        if (Length + 5 > Data.Length)
        {
            Array.Resize(ref Data, RowPool<byte>.Grow(Data.Length, Length + 5));
        }

        Length += Varint.Write(Data.AsSpan(Length), ((uint)(ordinal - LastOrdinal) << 4) | code);
        LastOrdinal = ordinal;
        Count++;
    }

    public void TrimExcess() => Array.Resize(ref Data, Length);

    public long Bytes => Data.Length + 40L;
}

internal static class Varint
{
    public static int Write(Span<byte> destination, uint value)
    {
        int i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }

    public static uint Read(ReadOnlySpan<byte> source, ref int position)
    {
        uint b = source[position++];
        if (b < 0x80)
        {
            return b;
        }

        uint value = b & 0x7F;
        int shift = 7;
        while (true)
        {
            b = source[position++];
            value |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }

            shift += 7;
        }
    }

    /// <summary>Encodes sorted skills with their evidence as varints of (skill gap &lt;&lt; 2 | evidence).</summary>
    public static byte[] EncodeSkills(ReadOnlySpan<int> packedSorted)
    {
        Span<byte> buffer = packedSorted.Length <= 256 ? stackalloc byte[packedSorted.Length * 5] : new byte[packedSorted.Length * 5];
        int length = 0;
        int previous = 0;
        foreach (int packed in packedSorted)
        {
            int skill = packed >> 2;
            length += Write(buffer[length..], ((uint)(skill - previous) << 2) | (uint)(packed & 3));
            previous = skill;
        }

        return buffer[..length].ToArray();
    }

    /// <summary>Decodes a row written by <see cref="EncodeSkills"/> into skill &lt;&lt; 2 | evidence values; returns the count.</summary>
    public static int DecodeSkills(ReadOnlySpan<byte> row, Span<int> packed)
    {
        int position = 0;
        int count = 0;
        int skill = 0;
        while (position < row.Length)
        {
            uint v = Read(row, ref position);
            skill += (int)(v >> 2);
            packed[count++] = (skill << 2) | (int)(v & 3);
        }

        return count;
    }
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

/// <summary>
/// Everything the hard filters read, in 16 bytes per profile so a check costs one cache line. Bits: 0 live, 1 consent,
/// 2-5 EQF, 6 any country, 7-26 wanted-country slots, 27 a wanted country without a slot, 28-51 CEFR level (3 bits)
/// in 8 language slots, 52 a language without a slot, 53-60 eligibility-fact slots, 61 a fact without a slot.
/// Slots go to the first values the index sees; values without one fall back to the profile's rows.
/// </summary>
internal struct FilterRow
{
    public const ulong Live = 1UL;
    public const ulong Consent = 1UL << 1;
    public const int EqfShift = 2;
    public const ulong AnyCountry = 1UL << 6;
    public const int CountryShift = 7;
    public const int CountrySlots = 20;
    public const ulong CountryOverflow = 1UL << 27;
    public const int LanguageShift = 28;
    public const int LanguageSlots = 8;
    public const ulong LanguageOverflow = 1UL << 52;
    public const int FactShift = 53;
    public const int FactSlots = 8;
    public const ulong FactOverflow = 1UL << 61;

    public ulong Bits;
    public int From;
    public int To;

    public readonly int Eqf => (int)((Bits >> EqfShift) & 15);

    public readonly int LanguageLevel(int slot) => (int)((Bits >> (LanguageShift + (3 * slot))) & 7);
}
