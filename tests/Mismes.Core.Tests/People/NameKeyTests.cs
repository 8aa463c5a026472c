using Mismes.Core.People;

namespace Mismes.Core.Tests.People;

public sealed class NameKeyTests
{
    [Theory]
    [InlineData("Mohamed", "Mohammed")]
    [InlineData("Mohamed", "Muhammad")]
    [InlineData("Mohamed", "Mohammad")]
    [InlineData("Mohamed", "Mhamed")]
    [InlineData("Mohamed", "MOHAMED")]
    [InlineData("Youssef", "Yousef")]
    [InlineData("Youssef", "Youssouf")]
    [InlineData("Youssef", "Yusuf")]
    [InlineData("Fatima", "Fatna")]
    [InlineData("Fatima", "Fatema")]
    [InlineData("Fatima", "Fatma")]
    [InlineData("El Amrani", "Elamrani")]
    [InlineData("El Amrani", "Al-Amrani")]
    [InlineData("El Amrani", "Al Amrani")]
    [InlineData("Ben Ali", "Bin Ali")]
    [InlineData("Ait Ali", "Aït Ali")]
    [InlineData("Ait Ali", "Ayt Ali")]
    [InlineData("Aicha", "Aisha")]
    [InlineData("Chaimae", "Shaimae")]
    [InlineData("Khadija", "Khadidja")]
    [InlineData("Khadija", "Kadija")]
    [InlineData("Abdelkader", "Abdelqader")]
    [InlineData("Mustapha", "Mostafa")]
    [InlineData("Mustapha", "Moustafa")]
    [InlineData("Ouafae", "Wafae")]
    [InlineData("Oualid", "Walid")]
    [InlineData("Hassan", "Hasan")]
    [InlineData("Brahim", "Ibrahim")]
    [InlineData("Abdellah", "Abdallah")]
    [InlineData("Abdellah", "Abdullah")]
    [InlineData("Mohamed", "محمد")]
    [InlineData("Youssef", "يوسف")]
    [InlineData("Fatima", "فاطمة")]
    [InlineData("Aicha", "عائشة")]
    [InlineData("Omar", "عمر")]
    [InlineData("Ahmed", "أحمد")]
    [InlineData("El Amrani", "العمراني")]
    [InlineData("Walid", "وليد")]
    [InlineData("محمد", "مُحَمَّد")]
    [InlineData("أحمد", "احمد")]
    [InlineData("فاطمة", "فاطمه")]
    [InlineData("Fatima", "Fatimah")]
    [InlineData("Abdellah", "عبدالله")]
    [InlineData("إدريس", "ادريس")]
    [InlineData("مصطفى", "مصطفي")]
    [InlineData("محـمد", "محمد")]
    [InlineData("Taha", "طه")]
    public void Key_TransliterationVariants_AreEqual(string a, string b)
    {
        Assert.Equal(NameKey.Key(a), NameKey.Key(b));
    }

    [Theory]
    [InlineData("Mohamed", "mhmd")]
    [InlineData("Youssef", "ysf")]
    [InlineData("Fatima", "ftm")]
    [InlineData("El Amrani", "almrn")]
    [InlineData("Aicha", "aš")]
    [InlineData("Bennani", "bnn")]
    [InlineData("", "")]
    [InlineData("  ", "")]
    public void Key_KnownNames_GivesSkeleton(string name, string expected)
    {
        Assert.Equal(expected, NameKey.Key(name));
    }

    [Theory]
    [InlineData("Mohamed", "El Amrani", "Mohammed", "Elamrani")]
    [InlineData("Youssef", "Benali", "Yusuf", "Ben Ali")]
    [InlineData("Fatima", "Alaoui", "Fatna", "Alaoui")]
    [InlineData("Fatima", "Alaoui", "Alaoui", "Fatima")]
    [InlineData("Mohamed", "Amrani", "Mohamed", "El Amrani")]
    [InlineData("Mohamed", "El Amrani", "محمد", "العمراني")]
    public void Similarity_SamePersonSpeltDifferently_IsAboveThreshold(string f1, string l1, string f2, string l2)
    {
        Assert.True(NameKey.Similarity(f1, l1, f2, l2) >= PersonService.NameThreshold);
    }

    [Theory]
    [InlineData("Mohamed", "Alaoui", "Ahmed", "Alaoui")]
    [InlineData("Youssef", "Alaoui", "Younes", "Alaoui")]
    [InlineData("Fatima", "Alaoui", "Fatiha", "Alaoui")]
    [InlineData("Mohamed", "Alaoui", "Mohamed", "Bennani")]
    [InlineData("Karim", "Tazi", "Khalid", "Tahiri")]
    [InlineData("Mohamed", "", "Mohamed", "Alaoui")]
    public void Similarity_DifferentPeople_IsBelowThreshold(string f1, string l1, string f2, string l2)
    {
        Assert.True(NameKey.Similarity(f1, l1, f2, l2) < PersonService.NameThreshold);
    }

    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.961)]
    [InlineData("DWAYNE", "DUANE", 0.84)]
    [InlineData("DIXON", "DICKSONX", 0.813)]
    [InlineData("abc", "abc", 1.0)]
    [InlineData("abc", "xyz", 0.0)]
    public void JaroWinkler_ReferencePairs_MatchPublishedValues(string a, string b, double expected)
    {
        Assert.Equal(expected, NameKey.JaroWinkler(a, b), 3);
    }

    [Theory]
    [InlineData("Élodie", "elodie")]
    [InlineData("  Aït ", "ait")]
    [InlineData("مُحَمَّد", "محمد")]
    [InlineData("إدريس", "ادريس")]
    [InlineData("أنابيك", "انابيك")]
    [InlineData("فاطمة", "فاطمه")]
    [InlineData("مصطفى", "مصطفي")]
    [InlineData("محـمد", "محمد")]
    public void Fold_AccentsAndHarakat_AreRemoved(string input, string expected)
    {
        Assert.Equal(expected, NameKey.Fold(input));
    }
}

public sealed class PhoneNumbersTests
{
    [Theory]
    [InlineData("0612345678", "+212612345678")]
    [InlineData("06 12 34 56 78", "+212612345678")]
    [InlineData("06-12-34-56-78", "+212612345678")]
    [InlineData("+212 6 12 34 56 78", "+212612345678")]
    [InlineData("00212612345678", "+212612345678")]
    [InlineData("212612345678", "+212612345678")]
    [InlineData("+34 612 345 678", "+34612345678")]
    [InlineData("٠٦١٢٣٤٥٦٧٨", "+212612345678")]
    [InlineData("0033612345678", "+33612345678")]
    public void Normalize_ValidNumbers_GivesE164(string input, string expected)
    {
        Assert.Equal(expected, PhoneNumbers.Normalize(input));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("06123")]
    [InlineData("+2126123456789")]
    [InlineData("phone 0612345678")]
    [InlineData("+0612345678")]
    public void Normalize_InvalidNumbers_GivesNull(string input)
    {
        Assert.Null(PhoneNumbers.Normalize(input));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Normalize_Empty_GivesNull(string? input)
    {
        Assert.Null(PhoneNumbers.Normalize(input));
    }
}
