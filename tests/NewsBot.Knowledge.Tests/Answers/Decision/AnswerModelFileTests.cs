using System.Text;
using NewsBot.Knowledge.Answers.Decision;

namespace NewsBot.Knowledge.Tests.Answers.Decision;

public sealed class AnswerModelFileTests
{
    [Fact]
    public void Default_LoadsTheEmbeddedParameters_ForBothRankingModes()
    {
        var file = AnswerModelFile.Default;

        Assert.Equal(AnswerModelFile.CurrentVersion, file.Version);
        Assert.Contains("--fit", file.Fitted.Command, StringComparison.Ordinal);
        Assert.InRange(file.Semantic.Threshold, 0.01, 0.99);
        Assert.InRange(file.Lexical.Threshold, 0.01, 0.99);
        Assert.Equal(AnswerFeatures.DecisionNames, file.Semantic.Decider.Features);
    }

    [Fact]
    public void Read_RoundTripsWhatWriteWrote()
    {
        using var stream = new MemoryStream();
        AnswerModelFile.Default.Write(stream);
        stream.Position = 0;

        var read = AnswerModelFile.Read(stream);

        Assert.Equal(AnswerModelFile.Default.Semantic.Decider.Weights, read.Semantic.Decider.Weights);
        Assert.Equal(AnswerModelFile.Default.Lexical.Threshold, read.Lexical.Threshold);
    }

    [Fact]
    public void Read_Refuses_AFileFittedOnOtherSignals()
    {
        using var written = new MemoryStream();
        AnswerModelFile.Default.Write(written);
        var json = Encoding.UTF8.GetString(written.ToArray()).Replace("\"margin\"", "\"someOldSignal\"", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => AnswerModelFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Contains("someOldSignal", error.Message, StringComparison.Ordinal);
        Assert.Contains("refit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Refuses_AnotherVersion()
    {
        using var written = new MemoryStream();
        AnswerModelFile.Default.Write(written);
        var json = Encoding.UTF8.GetString(written.ToArray()).Replace($"\"version\": {AnswerModelFile.CurrentVersion}", "\"version\": 999", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => AnswerModelFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Contains("999", error.Message, StringComparison.Ordinal);
    }
}
