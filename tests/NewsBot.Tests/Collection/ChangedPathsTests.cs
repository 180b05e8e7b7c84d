using NewsBot.Collection;

namespace NewsBot.Tests.Collection;

public sealed class ChangedPathsTests
{
    [Fact]
    public void Take_ReturnsEachReportedPathOnce_AndStartsAfresh()
    {
        var changed = new ChangedPaths();
        changed.Add("/k/a.md");
        changed.Add("/k/b.md");
        changed.Add("/k/a.md");

        Assert.Equal(["/k/a.md", "/k/b.md"], changed.Take()!.Order(StringComparer.Ordinal));
        Assert.Empty(changed.Take()!);
    }

    [Fact]
    public void Take_AsksForTheWholeFolder_AfterAWatcherError()
    {
        var changed = new ChangedPaths();
        changed.Add("/k/a.md");
        changed.AddEverything();
        changed.Add("/k/b.md");

        Assert.Null(changed.Take());
        Assert.Empty(changed.Take()!);
    }

    [Fact]
    public void Take_AsksForTheWholeFolder_WhenMorePathsChangedThanALookAtEachIsWorth()
    {
        var changed = new ChangedPaths();
        for (var i = 0; i <= ChangedPaths.MaxPaths; i++)
        {
            changed.Add($"/k/{i}.md");
        }

        Assert.Null(changed.Take());
    }
}
