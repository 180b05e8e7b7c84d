using NewsBot.Collection;
using NewsBot.Knowledge.Articles;

namespace NewsBot.Tests.Collection;

public sealed class ReportedProblemsTests
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "knowledge");
    private static readonly string BrokenPath = Path.Combine(Folder, "broken.md");
    private static readonly string OtherPath = Path.Combine(Folder, "2024", "other.md");
    private static readonly ArticleProblem Broken = new(BrokenPath, 2, ProblemSeverity.Error, "missing 'url'");
    private static readonly ArticleProblem Other = new(OtherPath, 3, ProblemSeverity.Error, "missing 'title'");

    [Fact]
    public void Update_ReturnsAProblemOnce_WhileEverySyncStillReportsIt()
    {
        var reported = new ReportedProblems();

        Assert.Equal([Broken], reported.Update([Broken], null));
        Assert.Empty(reported.Update([Broken], null));
        Assert.Empty(reported.Update([Broken], [BrokenPath]));
    }

    [Fact]
    public void Update_ReturnsAProblemAgain_WhenASyncOfThatFileSawItFixedAndThenBrokenAgain()
    {
        var reported = new ReportedProblems();
        reported.Update([Broken], null);

        Assert.Empty(reported.Update([], [BrokenPath]));
        Assert.Equal([Broken], reported.Update([Broken], [BrokenPath]));
    }

    [Fact]
    public void Update_RemembersOtherFilesProblems_WhenASyncLookedOnlyAtAFewPaths()
    {
        var reported = new ReportedProblems();
        reported.Update([Broken, Other], null);

        Assert.Empty(reported.Update([], [BrokenPath]));
        Assert.Equal([Broken], reported.Update([Broken, Other], null));
    }

    [Fact]
    public void Update_ForgetsProblemsUnderAReportedFolder_WhenItsSyncNoLongerSeesThem()
    {
        var reported = new ReportedProblems();
        reported.Update([Broken, Other], null);

        Assert.Empty(reported.Update([], [Path.Combine(Folder, "2024")]));
        Assert.Equal([Other], reported.Update([Broken, Other], null));
    }
}
