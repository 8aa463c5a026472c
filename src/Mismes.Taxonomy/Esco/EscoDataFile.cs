using System.IO.Compression;
using System.Text;

namespace Mismes.Taxonomy.Esco;

/// <summary>
/// The compact data file the repository ships (data/esco/esco.bin): a short header, then a Brotli stream of
/// BinaryWriter records (concepts with labels per language, hierarchy, occupation–skill relations, collections).
/// Relations are concept indices, never URIs. See docs/adr/0010-esco-data-file.md.
/// </summary>
public static class EscoDataFile
{
    private const string Magic = "MISMES-ESCO";
    private const int FormatVersion = 1;

    public static void Write(EscoTaxonomy taxonomy, Stream stream, CompressionLevel level = CompressionLevel.SmallestSize)
    {
        using (var header = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            header.Write(Magic);
            header.Write(FormatVersion);
        }

        using var brotli = new BrotliStream(stream, level, leaveOpen: true);
        using var buffered = new BufferedStream(brotli, 1 << 16);
        using var w = new BinaryWriter(buffered, Encoding.UTF8, leaveOpen: true);
        w.Write(taxonomy.Version);
        w.Write7BitEncodedInt(taxonomy.Concepts.Count);
        foreach (var c in taxonomy.Concepts)
        {
            w.Write((byte)c.Kind);
            w.Write(c.Uri);
            w.Write(c.Code);
            w.Write(c.IscoGroupCode);
            w.Write((byte)c.SkillType);
            w.Write((byte)c.ReuseLevel);
            w.Write7BitEncodedInt(c.Labels.Count);
            foreach (var (language, labels) in c.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                w.Write(language);
                w.Write(labels.Preferred);
                WriteStrings(w, labels.Alternative);
                WriteStrings(w, labels.Hidden);
                w.Write(labels.Description ?? "");
            }
        }

        for (var i = 0; i < taxonomy.Concepts.Count; i++)
        {
            WriteInts(w, taxonomy.BroaderIds(i));
            WriteInts(w, taxonomy.EssentialIds(i));
            WriteInts(w, taxonomy.OptionalIds(i));
        }

        w.Write7BitEncodedInt(taxonomy.CollectionIds.Count);
        foreach (var (name, ids) in taxonomy.CollectionIds.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            w.Write(name);
            WriteInts(w, ids);
        }
    }

    public static void Write(EscoTaxonomy taxonomy, string path)
    {
        using var file = File.Create(path);
        Write(taxonomy, file);
    }

    public static EscoTaxonomy Read(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Read(file);
    }

    public static EscoTaxonomy Read(Stream stream)
    {
        using (var header = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true))
        {
            if (header.ReadString() != Magic)
            {
                throw new InvalidDataException("Not a Mismes ESCO data file.");
            }

            var format = header.ReadInt32();
            if (format != FormatVersion)
            {
                throw new InvalidDataException($"ESCO data file format {format} is not supported (expected {FormatVersion}); rebuild it with `mismes taxonomy build`.");
            }
        }

        using var brotli = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var buffered = new BufferedStream(brotli, 1 << 16);
        using var r = new BinaryReader(buffered, Encoding.UTF8, leaveOpen: true);
        var version = r.ReadString();
        var count = r.Read7BitEncodedInt();
        var concepts = new EscoConcept[count];
        var languages = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var kind = (ConceptKind)r.ReadByte();
            var uri = r.ReadString();
            var code = r.ReadString();
            var isco = r.ReadString();
            var skillType = (SkillType)r.ReadByte();
            var reuse = (ReuseLevel)r.ReadByte();
            var labelCount = r.Read7BitEncodedInt();
            var labels = new Dictionary<string, ConceptLabels>(labelCount, StringComparer.Ordinal);
            for (var l = 0; l < labelCount; l++)
            {
                var language = r.ReadString();
                language = languages.TryGetValue(language, out var interned) ? interned : languages[language] = language;
                var preferred = r.ReadString();
                var alternative = ReadStrings(r);
                var hidden = ReadStrings(r);
                var description = r.ReadString();
                labels[language] = new ConceptLabels(preferred, alternative, hidden, description.Length == 0 ? null : description);
            }

            concepts[i] = new EscoConcept(i, kind, uri, code, isco, skillType, reuse, labels);
        }

        var broader = new int[count][];
        var essential = new int[count][];
        var optional = new int[count][];
        for (var i = 0; i < count; i++)
        {
            broader[i] = ReadInts(r);
            essential[i] = ReadInts(r);
            optional[i] = ReadInts(r);
        }

        var collectionCount = r.Read7BitEncodedInt();
        var collections = new Dictionary<string, int[]>(collectionCount, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < collectionCount; i++)
        {
            var name = r.ReadString();
            collections[name] = ReadInts(r);
        }

        var languageList = languages.Keys.OrderBy(l => l == "en" ? 0 : 1).ThenBy(l => l, StringComparer.Ordinal).ToArray();
        return new EscoTaxonomy(version, languageList, concepts, broader, essential, optional, collections);
    }

    private static void WriteStrings(BinaryWriter w, IReadOnlyList<string> values)
    {
        w.Write7BitEncodedInt(values.Count);
        foreach (var value in values)
        {
            w.Write(value);
        }
    }

    private static string[] ReadStrings(BinaryReader r)
    {
        var n = r.Read7BitEncodedInt();
        if (n == 0)
        {
            return [];
        }

        var values = new string[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = r.ReadString();
        }

        return values;
    }

    // Sorted ids, delta-encoded: small numbers compress well.
    private static void WriteInts(BinaryWriter w, int[] values)
    {
        w.Write7BitEncodedInt(values.Length);
        var previous = 0;
        foreach (var value in values)
        {
            w.Write7BitEncodedInt(value - previous);
            previous = value;
        }
    }

    private static int[] ReadInts(BinaryReader r)
    {
        var n = r.Read7BitEncodedInt();
        if (n == 0)
        {
            return [];
        }

        var values = new int[n];
        var previous = 0;
        for (var i = 0; i < n; i++)
        {
            previous += r.Read7BitEncodedInt();
            values[i] = previous;
        }

        return values;
    }
}
