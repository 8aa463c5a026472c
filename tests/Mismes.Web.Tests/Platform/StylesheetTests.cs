using System.Text.RegularExpressions;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Platform;

/// <summary>One stylesheet serves both directions only if it never says left or right.</summary>
public sealed partial class StylesheetTests
{
    [Fact]
    public void SiteStylesheet_OnlyLogicalProperties()
    {
        var css = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Mismes.Web", "wwwroot", "css", "site.css"));

        var physical = PhysicalProperty().Matches(css).Select(m => m.Value.Trim()).ToList();

        Assert.True(physical.Count == 0, "Use logical properties (margin-inline-start, inset-inline-end…): " + string.Join(", ", physical));
    }

    [Theory]
    [InlineData(".a { margin-left: 1rem; }", true)]
    [InlineData(".a { padding-right: 0; }", true)]
    [InlineData(".a { left: 0; }", true)]
    [InlineData(".a { text-align: right; }", true)]
    [InlineData(".a { float: left; }", true)]
    [InlineData(".a { border-right: 1px solid; }", true)]
    [InlineData(".a { margin-inline-start: 1rem; inset-inline-end: 0; text-align: start; }", false)]
    public void PhysicalProperty_Declaration_Detected(string css, bool physical)
    {
        Assert.Equal(physical, PhysicalProperty().IsMatch(css));
    }

    [GeneratedRegex(@"(?<![\w-])(?:(?:margin|padding|border)-(?:left|right)[\w-]*|left|right)\s*:|(?:text-align|float|clear)\s*:\s*(?:left|right)\b")]
    private static partial Regex PhysicalProperty();
}
