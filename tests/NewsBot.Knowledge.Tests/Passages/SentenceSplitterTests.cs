using NewsBot.Knowledge.Passages;

namespace NewsBot.Knowledge.Tests.Passages;

public sealed class SentenceSplitterTests
{
    [Theory]
    [InlineData("Dr. Smith said the model is open. It ships today.", "Dr. Smith said the model is open.|It ships today.")]
    [InlineData("U.S. officials met Microsoft. They discussed Phi-2.", "U.S. officials met Microsoft.|They discussed Phi-2.")]
    [InlineData("The deal is worth 3.5 billion dollars. Analysts agreed.", "The deal is worth 3.5 billion dollars.|Analysts agreed.")]
    [InlineData("Nvidia Inc. said revenue rose. Shares jumped.", "Nvidia Inc. said revenue rose.|Shares jumped.")]
    [InlineData("Mistral raised money in Jan. 2024 from investors. It grew.", "Mistral raised money in Jan. 2024 from investors.|It grew.")]
    [InlineData("J. R. R. Tolkien wrote books. They sold well.", "J. R. R. Tolkien wrote books.|They sold well.")]
    [InlineData("Models (e.g. Phi-2) are small. Others are large.", "Models (e.g. Phi-2) are small.|Others are large.")]
    [InlineData("Version 2.0 shipped. Version 3 follows.", "Version 2.0 shipped.|Version 3 follows.")]
    [InlineData("See example.org for details. Then decide.", "See example.org for details.|Then decide.")]
    public void Split_KeepsAbbreviationsNumbersAndInitialsInside_WhenSentencesFollow(string text, string expected)
    {
        Assert.Equal(expected.Split('|'), SentenceSplitter.Split(text));
    }

    [Theory]
    [InlineData("Is Phi-2 open? Yes. It is MIT licensed!", "Is Phi-2 open?|Yes.|It is MIT licensed!")]
    [InlineData("Wow! Really? Indeed.", "Wow!|Really?|Indeed.")]
    [InlineData("He said \"It is done.\" Then he left.", "He said \"It is done.\"|Then he left.")]
    [InlineData("He asked \u201cIs it free?\u201d Nobody knew.", "He asked \u201cIs it free?\u201d|Nobody knew.")]
    [InlineData("It was released (finally.) Users cheered.", "It was released (finally.)|Users cheered.")]
    [InlineData("Phi-2 launched. 2.7 billion parameters were used.", "Phi-2 launched.|2.7 billion parameters were used.")]
    [InlineData("It is open. \"Great,\" said a user.", "It is open.|\"Great,\" said a user.")]
    [InlineData("First.\nSecond on a new line.", "First.|Second on a new line.")]
    [InlineData("One.   Two.", "One.|Two.")]
    public void Split_SplitsAtEveryBoundary_WhenSentencesEndWithStopQuestionExclamationOrQuote(string text, string expected)
    {
        Assert.Equal(expected.Split('|'), SentenceSplitter.Split(text));
    }

    [Theory]
    [InlineData("The model is called phi. it is small.")]
    [InlineData("No terminal stop at the end")]
    [InlineData("Ends with a stop.")]
    [InlineData("Version 3.5.1 is out")]
    public void Split_ReturnsOneSentence_WhenNoBoundaryIsFollowedByASentenceStart(string text)
    {
        Assert.Equal([text], SentenceSplitter.Split(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t")]
    public void Split_ReturnsNothing_WhenTextIsBlank(string text)
    {
        Assert.Empty(SentenceSplitter.Split(text));
    }

    [Fact]
    public void Split_LosesNoWord_WhenTextIsLong()
    {
        var text = string.Join(' ', Enumerable.Range(1, 200).Select(i => $"Sentence {i} cites Dr. Who and U.S. data of {i}.5 units?"));

        var sentences = SentenceSplitter.Split(text);

        Assert.Equal(200, sentences.Count);
        Assert.Equal(text.Split(' '), sentences.SelectMany(s => s.Split(' ')));
    }
}
