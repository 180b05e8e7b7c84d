using NewsBot.Knowledge.Answers.Decision;
using NewsBot.Knowledge.Answers.Decision.Fitting;
using NewsBot.Knowledge.Evaluation;
using NewsBot.Knowledge.Tests.Support;
using static NewsBot.Knowledge.Tests.Support.SampleArticles;

namespace NewsBot.Knowledge.Tests.Answers.Decision;

public sealed class AnswerModelFitterTests(SampleKnowledgeFixture sample) : IClassFixture<SampleKnowledgeFixture>
{
    private FitExample Example(string id, string question, params string[] expect) =>
        new(new GoldenQuestion(id, question, expect), sample.Knowledge.Analyse(question));

    private List<FitExample> Examples() =>
    [
        Example("p1", "Is Phi-2 licensed for commercial use?", PhiMitUrl),
        Example("p2", "Which licence did Microsoft move Phi-2 to?", PhiMitUrl),
        Example("r1", "How long was Phi-2 trained?", PhiReleaseUrl),
        Example("r2", "How many parameters does Phi-2 have?", PhiReleaseUrl),
        Example("g1", "When did OpenAI launch GPT-4o?", Gpt4oUrl),
        Example("g2", "How fast does GPT-4o answer voice prompts?", Gpt4oUrl),
        Example("l1", "How big is the largest Llama 3.1 model?", LlamaUrl),
        Example("l2", "What context window does Llama 3.1 support?", LlamaUrl),
        Example("n1", "How many transistors does Blackwell have?", NvidiaUrl),
        Example("a1", "What does the AI Act ban?", AiActUrl),
        Example("u1", "When was GPT-5 released?"),
        Example("u2", "Who won the World Cup?"),
    ];

    [Fact]
    public void Folds_KeepEveryQuestionOfAnArticleInOneFold_AndAreTheSameEveryRun()
    {
        var examples = Examples();

        var folds = AnswerModelFitter.Folds(examples, 3);

        foreach (var group in examples.Select((e, i) => (e.Group, Fold: folds[i])).GroupBy(x => x.Group))
        {
            Assert.Single(group.Select(x => x.Fold).Distinct());
        }

        Assert.Equal(folds, AnswerModelFitter.Folds(Examples(), 3));
        Assert.Equal(3, folds.Distinct().Count());
    }

    [Fact]
    public void Folds_KeepACopyOfAQuestionAskedOfAnotherCollection_InItsOriginalsFold()
    {
        // A restyled collection ranks other articles first for an unanswerable question; its copy must still sit in
        // the original's fold, or a fit would have seen the question it scores.
        var examples = Examples();
        var copies = examples.Select((e, i) => new FitExample(e.Question, examples[(i + 5) % examples.Count].Analysis) { FoldKey = e.Group }).ToList();

        var folds = AnswerModelFitter.Folds([.. examples, .. copies], 3);

        Assert.All(Enumerable.Range(0, examples.Count), i => Assert.Equal(folds[i], folds[examples.Count + i]));
    }

    [Fact]
    public void Group_PutsAnUnanswerableQuestion_WithTheArticleRankedFirstForIt()
    {
        var gpt5 = Example("u1", "When was GPT-5 released?");

        Assert.Equal(gpt5.Analysis.Articles[0].Info.Url.AbsoluteUri, gpt5.Group);
    }

    [Fact]
    public void Fit_GivesAModelWhoseSignalsMatchTheEngine_AndThatAnswersWhatItWasFittedOn()
    {
        var examples = Examples();

        var model = AnswerModelFitter.Fit(examples);

        model.Check();
        Assert.InRange(model.Threshold, 0.01, 0.99);
        var right = examples.Where(e => e.Question.Answerable).Count(e => AnswerSelector.Select(e.Analysis, model).Lead is { } lead && e.Expected(lead.Article));
        Assert.True(right >= 8, $"{right} of 10 leads right");
    }

    [Fact]
    public void Fit_KeepsTheWidestFreshnessMargin_WhenTheQuestionsCannotTellMarginsApart()
    {
        // None of these questions says "now" or "at first": every margin puts the same leads first.
        var model = AnswerModelFitter.Fit(Examples());

        Assert.Equal(AnswerModelFitter.Margins.Max(), model.FreshnessMargin);
    }

    [Fact]
    public void CrossValidate_ScoresEveryQuestionOnce()
    {
        var examples = Examples();

        var scored = AnswerModelFitter.CrossValidate(examples, 3);

        Assert.Equal(examples.Select(e => e.Question.Id), scored.Select(s => s.Example.Question.Id));
        Assert.All(scored, s => Assert.NotNull(s.Selection));
    }
}
