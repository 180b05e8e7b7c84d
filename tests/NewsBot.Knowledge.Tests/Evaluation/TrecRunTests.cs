using NewsBot.Knowledge.Evaluation;

namespace NewsBot.Knowledge.Tests.Evaluation;

public sealed class TrecRunTests
{
    [Fact]
    public void Write_PrintsOneTrecLinePerRankedDocument_WithInvariantNumbers()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            using var writer = new StringWriter { NewLine = "\n" };

            TrecRun.Write(writer, [("q1", [("d7", 12.5), ("d2", 3.1234567)]), ("q2", [])], "newsbot");

            Assert.Equal("q1 Q0 d7 1 12.5 newsbot\nq1 Q0 d2 2 3.123457 newsbot\n", writer.ToString());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
