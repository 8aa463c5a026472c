using Mismes.Taxonomy.Text;

namespace Mismes.Taxonomy.Tests;

public sealed class ArabicNormalizerTests
{
    [Theory]
    [InlineData("إسبانيا", "اسبانيا")] // hamza below
    [InlineData("أنابيك", "انابيك")] // hamza above
    [InlineData("آمال", "امال")] // madda
    [InlineData("ٱلله", "الله")] // wasla
    [InlineData("مصطفى", "مصطفي")] // alef maqsura
    [InlineData("فاطمة", "فاطمه")] // taa marbuta
    [InlineData("مؤمن", "مومن")] // hamza on waw
    [InlineData("عائشة", "عايشه")] // hamza on yeh + taa marbuta
    [InlineData("محـــمد", "محمد")] // tatweel
    [InlineData("مُحَمَّد", "محمد")] // damma, fatha, shadda
    [InlineData("سُكُونْ", "سكون")] // sukun
    [InlineData("رَحْمٰن", "رحمن")] // dagger alef
    [InlineData("كتابًا", "كتابا")] // tanwin
    [InlineData("\u0627\u0654\u062D\u0645\u062F", "احمد")] // decomposed hamza above (a mark after alef)
    [InlineData("٠٦١٢٣٤٥٦٧٨", "0612345678")] // Arabic-Indic digits
    [InlineData("۰۶۱۲", "0612")] // extended (Persian) digits
    [InlineData("فارسی", "فارسي")] // Farsi yeh
    public void Normalize_ArabicSpellingVariants_GivesTheCommonForm(string input, string expected)
    {
        Assert.Equal(expected, ArabicNormalizer.Normalize(input));
    }

    [Theory]
    [InlineData("Élodie Benali", "Élodie Benali")]
    [InlineData("ANAPEC 2024", "ANAPEC 2024")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("ء", "ء")]
    [InlineData("اسبانيا", "اسبانيا")]
    public void Normalize_LatinOrAlreadyNormalText_IsUnchanged(string? input, string expected)
    {
        Assert.Equal(expected, ArabicNormalizer.Normalize(input));
    }

    [Fact]
    public void Normalize_IsIdempotent()
    {
        const string text = "أَنابيكـ إسبانيا مُؤسسة ٢٠٢٦";
        var once = ArabicNormalizer.Normalize(text);

        Assert.Equal(once, ArabicNormalizer.Normalize(once));
        Assert.Equal("انابيك اسبانيا موسسه 2026", once);
    }

    [Fact]
    public void Words_ArabicQueryWithoutHamza_MeetsTheLabelWithHamza()
    {
        Assert.Equal(TextAnalyzer.Words("مؤطر", "ar"), TextAnalyzer.Words("موطر", "ar"));
    }
}
