using NewsBot.Knowledge;

namespace NewsBot.Benchmarks;

/// <summary>
/// Brings a knowledge base to the state a running bot answers in before a benchmark measures it: its background
/// warm-up done, and the answer path compiled by the tiered JIT as it is once a bot has answered a few dozen questions.
/// </summary>
/// <remarks>
/// The JIT starts counting calls for promotion only after <see cref="Pause"/>-like quiet spells without new
/// methods to compile, and compiles the optimised code on a background thread. A bot gets such spells between chat
/// questions; a loop asking back to back does not, and keeps the answer path in its first, slow code for about a
/// thousand answers here: rounds of the 92 golden questions at 50,000 articles averaged 2.5–3.6 ms each for the first
/// ten to twelve rounds, then 1.1–1.5 ms (the warm-up of 3 rounds plus 460 answers ended in that first stretch, so
/// <c>AskLatency</c> measured it). Asked once with a pause after each, the same questions averaged 0.95–1.08 ms from
/// the first round after (docs/benchmarks.md).
/// </remarks>
internal static class SteadyState
{
    /// <summary>The pause after each question of the first round: longer than the JIT's 100 ms call-counting delay.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(150);

    /// <summary>Waits for the background warm-up, asks each question once with <paramref name="pause"/> after it
    /// (<see cref="Pause"/> when not given), then <paramref name="rounds"/> rounds back to back (the caches a bot fills:
    /// term lookups, related articles).</summary>
    public static void Reach(KnowledgeBase knowledgeBase, IReadOnlyList<string> questions, int rounds, TimeSpan? pause = null)
    {
        knowledgeBase.WhenWarmAsync().GetAwaiter().GetResult();
        var wait = pause ?? Pause;
        foreach (var question in questions)
        {
            knowledgeBase.Ask(question);
            if (wait > TimeSpan.Zero)
            {
                Thread.Sleep(wait);
            }
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var question in questions)
            {
                knowledgeBase.Ask(question);
            }
        }
    }
}
