using AdviesRoute.Host.Proposals.Figures;

namespace AdviesRoute.Host.Tests.Figures;

/// <summary>The host's store of computed figures: per change mark, the last few periods asked for.</summary>
public sealed class FiguresCacheTests
{
    [Fact]
    public void Figures_are_given_for_their_own_mark_and_period_only_and_the_least_recently_asked_period_leaves_first()
    {
        var cache = new FiguresCache();
        var periods = Enumerable.Range(2020, FiguresCache.Periods + 1).Select(y => new FiguresPeriod(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31))).ToList();
        var figures = periods.Select(p => new AdviesRoute.Host.Proposals.Figures.Figures(p, 0, false, [], [], 0, [])).ToList();
        foreach (var (period, computed) in periods.Zip(figures).Take(FiguresCache.Periods))
        {
            cache.Keep("1:1/0", period, computed);
        }

        cache.Find("1:1/0", periods[0]).Should().BeSameAs(figures[0], "the first period is asked for again, so it is now the most recent");
        cache.Find("1:2/0", periods[0]).Should().BeNull("another mark means a proposal changed since");

        cache.Keep("1:1/0", periods[^1], figures[^1]);
        cache.Find("1:1/0", periods[^1]).Should().BeSameAs(figures[^1]);
        cache.Find("1:1/0", periods[0]).Should().BeSameAs(figures[0]);
        cache.Find("1:1/0", periods[1]).Should().BeNull("with one period too many, the one asked for least recently left");

        cache.Keep("2:3/0", periods[2], figures[2]);
        cache.Find("2:3/0", periods[2]).Should().BeSameAs(figures[2]);
        cache.Find("2:3/0", periods[0]).Should().BeNull("figures of an older mark are dropped when a newer one is kept");
    }
}
