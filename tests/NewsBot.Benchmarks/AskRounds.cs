using System.Globalization;
using NewsBot.Knowledge.Answers;

namespace NewsBot.Benchmarks;

/// <summary>
/// <c>ask-rounds [ROUNDS] [PAUSE_MS]</c>: how answers speed up as the tiered JIT promotes the answer path, at 50,000
/// articles. After the background warm-up, the golden questions are asked once as the bot asks them (with
/// <c>PAUSE_MS</c> after each when given, as chat questions come), then <c>ROUNDS</c> rounds back to back without
/// related articles (their cache would make later rounds cheaper for another reason); each round's mean thread CPU per
/// answer is printed, and the fastest answer of each question over the rounds. This is why <see cref="SteadyState"/>
/// pauses (docs/benchmarks.md).
/// </summary>
internal static class AskRounds
{
    public static int Run(int rounds, int pauseMilliseconds)
    {
        var knowledge = Collections.KnowledgePath(Collections.Generated);
        using var knowledgeBase = Collections.OpenSynced(knowledge, Collections.DataPath(Collections.Generated, knowledge));
        var questions = Collections.Questions();
        SteadyState.Reach(knowledgeBase, questions, rounds: 0, TimeSpan.FromMilliseconds(pauseMilliseconds));
        var options = new AskOptions(Related: false);

        var fastest = Enumerable.Repeat(double.MaxValue, questions.Length).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            var total = 0.0;
            for (var i = 0; i < questions.Length; i++)
            {
                var before = ThreadCpuClock.Milliseconds();
                knowledgeBase.Ask(questions[i], options);
                var took = ThreadCpuClock.Milliseconds() - before;
                total += took;
                fastest[i] = Math.Min(fastest[i], took);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}: mean {total / questions.Length:F3} ms thread CPU per answer"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fastest per question: mean {fastest.Average():F3} ms, max {fastest.Max():F3} ms"));
        return 0;
    }
}
