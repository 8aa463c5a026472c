using Microsoft.Extensions.Time.Testing;
using Mismes.Core.Catalogue;

namespace Mismes.Core.Tests.Catalogue;

public sealed class SupportMeasureStatusTests
{
    [Theory]
    [InlineData(2012, 11, 2014, 12, false, "2014-12-31", MeasureStatus.Active)]
    [InlineData(2012, 11, 2014, 12, false, "2015-01-01", MeasureStatus.Ended)]
    [InlineData(2012, 11, 2014, 12, false, "2012-10-31", MeasureStatus.Upcoming)]
    [InlineData(2012, 11, 2014, 12, false, "2012-11-01", MeasureStatus.Active)]
    [InlineData(2013, 1, 2015, 11, false, "2015-11-30", MeasureStatus.Active)]
    [InlineData(2013, 1, 2015, 11, false, "2015-12-01", MeasureStatus.Ended)]
    [InlineData(2015, null, 2018, null, false, "2014-12-31", MeasureStatus.Upcoming)]
    [InlineData(2015, null, 2018, null, false, "2018-12-31", MeasureStatus.Active)]
    [InlineData(1990, null, 1996, null, false, "2026-11-02", MeasureStatus.Ended)]
    [InlineData(2001, null, null, null, true, "2026-11-02", MeasureStatus.Active)]
    [InlineData(2001, null, null, null, true, "2000-06-01", MeasureStatus.Upcoming)]
    [InlineData(null, null, null, null, false, "2026-11-02", MeasureStatus.Unknown)]
    [InlineData(null, null, null, null, true, "2026-11-02", MeasureStatus.Active)]
    [InlineData(2010, null, null, null, false, "2026-11-02", MeasureStatus.Unknown)]
    public void StatusOn_Period_GivesStatus(int? startYear, int? startMonth, int? endYear, int? endMonth, bool ongoing, string today, MeasureStatus expected)
    {
        var measure = new SupportMeasure
        {
            Slug = "x",
            StartYear = startYear,
            StartMonth = startMonth,
            EndYear = endYear,
            EndMonth = endMonth,
            Ongoing = ongoing,
        };

        Assert.Equal(expected, measure.StatusOn(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void IsActive_ClockMovesPastEnd_BecomesFalse()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2014, 12, 31, 23, 0, 0, TimeSpan.Zero));
        var ebosla = new SupportMeasure { Slug = "e-bosla", StartYear = 2012, StartMonth = 11, EndYear = 2014, EndMonth = 12 };
        Assert.True(ebosla.IsActive(clock));

        clock.Advance(TimeSpan.FromHours(2));

        Assert.False(ebosla.IsActive(clock));
    }
}
