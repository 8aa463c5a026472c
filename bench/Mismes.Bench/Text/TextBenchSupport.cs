using System.Diagnostics;
using System.Globalization;
using Mismes.Taxonomy.Esco;

namespace Mismes.Bench.Text;

/// <summary>Argument parsing and ESCO loading shared by the melo and skills benchmarks.</summary>
internal sealed class TextBenchArgs
{
    public List<string> Positional { get; } = [];

    public string? Esco { get; private set; }

    public int Limit { get; private set; } = int.MaxValue;

    public Dictionary<string, string> Extra { get; } = new(StringComparer.Ordinal);

    public static TextBenchArgs Parse(string[] args)
    {
        var result = new TextBenchArgs();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--esco" when i + 1 < args.Length:
                    result.Esco = args[++i];
                    break;
                case "--limit" when i + 1 < args.Length:
                    result.Limit = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case var flag when flag.StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length:
                    result.Extra[flag[2..]] = args[++i];
                    break;
                default:
                    result.Positional.Add(args[i]);
                    break;
            }
        }

        return result;
    }

    public float Float(string name, float fallback) =>
        Extra.TryGetValue(name, out var v) ? float.Parse(v, CultureInfo.InvariantCulture) : fallback;
}

internal static class BenchEsco
{
    /// <summary>An ESCO folder (official CSV layout) or data file; by default the shipped data file.</summary>
    public static EscoTaxonomy Load(string? spec)
    {
        var watch = Stopwatch.StartNew();
        EscoTaxonomy taxonomy;
        if (spec is null)
        {
            taxonomy = EscoTaxonomy.LoadShipped();
        }
        else if (Directory.Exists(spec))
        {
            taxonomy = EscoCsvReader.Read(spec);
        }
        else
        {
            taxonomy = EscoDataFile.Read(spec);
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ESCO v{taxonomy.Version}: {taxonomy.Occupations.Count} occupations, {taxonomy.Skills.Count} skills, languages {string.Join(',', taxonomy.Languages)}, loaded in {watch.ElapsedMilliseconds} ms"));
        return taxonomy;
    }

    public static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
