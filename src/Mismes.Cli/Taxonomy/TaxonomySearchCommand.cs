using System.CommandLine;
using System.Globalization;
using Mismes.Taxonomy.Esco;
using Mismes.Taxonomy.Text;

namespace Mismes.Cli.Taxonomy;

/// <summary><c>mismes taxonomy search "directrice commerciale" --lang fr</c>: free text to ESCO concepts.</summary>
internal static class TaxonomySearchCommand
{
    public static Command Create()
    {
        var text = new Argument<string>("text") { Description = "A job title, a skill phrase, or (with --extract) a sentence" };
        var language = new Option<string>("--lang", "-l") { Description = "Language of the text: fr, ar, en, es, de, nl (others fall back to English and French labels)", DefaultValueFactory = _ => "fr" };
        var skills = new Option<bool>("--skills") { Description = "Search skills instead of occupations" };
        var extract = new Option<bool>("--extract") { Description = "Extract the skills mentioned in a sentence" };
        var k = new Option<int>("--top", "-k") { Description = "How many results", DefaultValueFactory = _ => 10 };
        var file = new Option<FileInfo>("--file", "-f") { Description = "Data file (default: the shipped one)" };
        var command = new Command("search", "Find ESCO occupations or skills for a text")
        {
            text, language, skills, extract, k, file,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var path = parse.GetValue(file)?.FullName;
            var taxonomy = path is null ? EscoTaxonomy.LoadShipped() : EscoDataFile.Read(path);
            var search = new ConceptSearch(taxonomy);
            var query = parse.GetRequiredValue(text);
            var lang = parse.GetRequiredValue(language);
            var top = parse.GetValue(k);
            var matches = parse.GetValue(extract) ? search.ExtractSkills(query, lang, top)
                : parse.GetValue(skills) ? search.FindSkills(query, lang, top)
                : search.FindOccupations(query, lang, top);
            foreach (var m in matches)
            {
                var code = m.Concept.Kind == ConceptKind.Occupation ? m.Concept.Code : m.Concept.SkillType.ToString();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{m.Score,6:0.000}  {m.Concept.PreferredLabel(lang)}  [{code}]  via \"{m.MatchedLabel}\"  {m.Concept.Uri}"));
            }

            output.WriteLine(taxonomy.Attribution);
            return 0;
        });
        return command;
    }
}
