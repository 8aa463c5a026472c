using Mismes.Taxonomy.Text;

namespace Mismes.Taxonomy.Tests;

public class TextAnalyzerTests
{
    [Theory]
    [InlineData("directeur commercial", "directrice commerciale", "fr")]
    [InlineData("accrocheur", "Accrocheur / Accrocheuse", "fr")]
    [InlineData("technicien de maintenance", "technicienne de maintenance", "fr")]
    [InlineData("boulanger", "boulangère", "fr")]
    [InlineData("infirmier", "infirmière", "fr")]
    [InlineData("avocat", "avocate", "fr")]
    [InlineData("employé de bureau", "employé(e) de bureau", "fr")]
    [InlineData("vendeur", "Vendeur H/F", "fr")]
    [InlineData("électricien", "ELECTRICIEN", "fr")]
    [InlineData("agent d'accueil", "agente d’accueil", "fr")]
    [InlineData("responsable logistique", "resp. logistique", "fr")]
    [InlineData("director técnico", "directora técnica", "es")]
    [InlineData("enfermero", "enfermera", "es")]
    [InlineData("المدير الفني", "المديرة الفنية", "ar")]
    [InlineData("إدارة", "ادارة", "ar")]
    [InlineData("software developers", "Software Developer", "en")]
    [InlineData("architects", "Architects, Except Landscape and Naval", "en")]
    [InlineData("human resources manager", "HR mgr", "en")]
    [InlineData("Lehrer", "Lehrerin", "de")]
    [InlineData("Krankenpfleger", "Krankenpflegerin (m/w/d)", "de")]
    [InlineData("Kaufmann im Einzelhandel", "Kauffrau im Einzelhandel", "de")]
    [InlineData("Bäcker", "Baecker", "de")]
    [InlineData("Elektriker", "Elektriker (w/m/d)", "de")]
    [InlineData("verpleegkundige", "verpleegkundigen (m/v)", "nl")]
    [InlineData("ingegnere dell'azienda", "ingegneri aziende", "it")]
    public void Words_VariantsOfOneTitle_GiveTheSameTerms(string a, string b, string language)
    {
        Assert.Equal(
            TextAnalyzer.Words(a, language).Distinct(StringComparer.Ordinal),
            TextAnalyzer.Words(b, language).Distinct(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("plombier", "plombière", "fr")]
    [InlineData("Électricien", "electricien", "fr")]
    [InlineData("Boulanger", "boulangère", "fr")]
    public void Normalize_AccentsAndGender_AreFolded(string a, string b, string language)
    {
        Assert.Equal(TextAnalyzer.Normalize(a, language), TextAnalyzer.Normalize(b, language));
    }

    [Theory]
    [InlineData("directeur", "directeur", "fr")]
    [InlineData("plomberie", "chauffeur", "fr")]
    [InlineData("web developer", "plumber", "en")]
    public void Words_DifferentTitles_StayDifferent(string a, string b, string language)
    {
        var left = TextAnalyzer.Words(a, language);
        var right = TextAnalyzer.Words(b, language);
        Assert.Equal(a == b, left.SequenceEqual(right));
    }

    [Theory]
    [InlineData("la gestion des stocks", "fr", 2)]
    [InlineData("the management of a team", "en", 2)]
    [InlineData("", "fr", 0)]
    [InlineData("   ", "en", 0)]
    public void Words_StopWords_AreDropped(string text, string language, int expected)
    {
        Assert.Equal(expected, TextAnalyzer.Words(text, language).Count);
    }

    [Theory]
    [InlineData("directrice", "fr", "directeur")]
    [InlineData("accrocheuse", "fr", "accrocheur")]
    [InlineData("mécanicienne", "fr", "mécanicien")]
    [InlineData("ouvrière", "fr", "ouvrier")]
    [InlineData("commerciale", "fr", "commercial")]
    [InlineData("machine", "fr", "machine")]
    [InlineData("directora", "es", "director")]
    [InlineData("abogada", "es", "abogado")]
    [InlineData("manager", "en", "manager")]
    public void Masculine_FeminineForms_BecomeMasculine(string word, string language, string expected)
    {
        Assert.Equal(expected, GenderFold.Masculine(word, language));
    }

    [Theory]
    [InlineData("fr-MA", "fr")]
    [InlineData("ar_MA", "ar")]
    [InlineData("EN", "en")]
    public void BaseLanguage_CultureNames_GiveTheLanguage(string language, string expected)
    {
        Assert.Equal(expected, TextAnalyzer.BaseLanguage(language));
    }
}
