using System.Globalization;
using BenchmarkDotNet.Running;
using NewsBot.Benchmarks;

// Commands besides BenchmarkDotNet's own arguments (see docs/benchmarks.md):
//   tune DIR                                      ranking sweep on a BEIR dataset
//   diagnose KNOWLEDGE QUESTIONS MODE [options]   the answer model's held-out diagnostics (Diagnose.cs)
//   tune-semantic-beir DIR VECTORS                semantic weight sweep on a BEIR dataset
//   semantic-latency                              answers with semantic ranking at 50,000 articles, vector memory, embedding speed
//   generate [N] [SEED]                           make (or find) the cached generated collection
//   memory [N] [POSITION_MB]                      memory held at N generated articles (positions packed ahead: POSITION_MB, default 32)
//   turns KNOWLEDGE QUESTIONS [sqlite|postgres]   whole turns through /api/messages on loopback (docs/bot.md)
//   sync-stages                                   stopwatch profile of a sync at 50,000 articles
//   ask-profile [COLLECTION] [ROUNDS]             stopwatch answer latency with and without related articles
//   ask-compare [ROUNDS]                          ranking variants side by side at 50,000 articles (CPU time)
//   ask-rounds [ROUNDS] [PAUSE_MS]                per-round answer CPU as the JIT promotes the answer path (50,000 articles)
//   digest-delivery KNOWLEDGE [N] [PER_SECOND]    compose and deliver digests to N conversations (docs/digests.md)
//   replicas KNOWLEDGE [N]                        three bot processes on one PostgreSQL, N digests, one SIGKILL (docs/deploy.md)
//   slack-replicas KNOWLEDGE [N]                  three bot processes on one PostgreSQL, N Slack events, one SIGKILL (docs/deploy.md)

if (args is ["diagnose", var diagnoseKnowledge, var diagnoseQuestions, var diagnoseMode, .. var diagnoseArgs])
{
    return Diagnose.Run(diagnoseKnowledge, diagnoseQuestions, diagnoseMode == "semantic", diagnoseArgs);
}

if (args is ["tune", var folder])
{
    return Tuning.Run(folder);
}

if (args is ["shortlist-recall", var shortlistFolder, var shortlistVectors])
{
    return ShortlistRecall.Run(shortlistFolder, shortlistVectors);
}

if (args is ["tune-semantic-beir", var beirFolder, var beirVectors])
{
    return SemanticBeirTuning.Run(beirFolder, beirVectors);
}

if (args is ["generate", .. var generateArgs])
{
    var count = generateArgs.Length > 0 ? int.Parse(generateArgs[0], CultureInfo.InvariantCulture) : Collections.LargeCount;
    var seed = generateArgs.Length > 1 ? int.Parse(generateArgs[1], CultureInfo.InvariantCulture) : ArticleGenerator.DefaultSeed;
    Console.WriteLine(ArticleGenerator.Ensure(count, seed, Console.Out));
    return 0;
}

if (args is ["memory", .. var memoryArgs])
{
    var count = memoryArgs.Length > 0 ? int.Parse(memoryArgs[0], CultureInfo.InvariantCulture) : Collections.LargeCount;
    var positionMegabytes = memoryArgs.Length > 1 ? int.Parse(memoryArgs[1], CultureInfo.InvariantCulture) : new NewsBot.Knowledge.KnowledgeOptions().WarmUpPositionMegabytes;
    return MemoryReport.Run(count, positionMegabytes);
}

if (args is ["turns", var turnKnowledge, var turnQuestions, .. var turnStorage])
{
    return await TurnBenchmark.RunAsync(turnKnowledge, turnQuestions, turnStorage.Length > 0 ? turnStorage[0] : "sqlite");
}

if (args is ["digest-delivery", var digestKnowledge, .. var digestArgs])
{
    var conversations = digestArgs.Length > 0 ? int.Parse(digestArgs[0], CultureInfo.InvariantCulture) : 1000;
    var perSecond = digestArgs.Length > 1 ? double.Parse(digestArgs[1], CultureInfo.InvariantCulture) : 20;
    return await DigestDeliveryBenchmark.RunAsync(digestKnowledge, conversations, perSecond);
}

if (args is ["replicas", var replicaKnowledge, .. var replicaArgs])
{
    return await NewsBot.Benchmarks.Replicas.ReplicaBenchmark.RunAsync(replicaKnowledge, replicaArgs.Length > 0 ? int.Parse(replicaArgs[0], CultureInfo.InvariantCulture) : 1000);
}

if (args is ["slack-replicas", var slackKnowledge, .. var slackArgs])
{
    return await NewsBot.Benchmarks.Replicas.SlackReplicaBenchmark.RunAsync(slackKnowledge, slackArgs.Length > 0 ? int.Parse(slackArgs[0], CultureInfo.InvariantCulture) : 300);
}

if (args is ["semantic-latency"])
{
    return SemanticLatency.Run();
}

if (args is ["ask-rounds", .. var roundsArgs])
{
    var rounds = roundsArgs.Length > 0 ? int.Parse(roundsArgs[0], CultureInfo.InvariantCulture) : 20;
    var pause = roundsArgs.Length > 1 ? int.Parse(roundsArgs[1], CultureInfo.InvariantCulture) : 0;
    return AskRounds.Run(rounds, pause);
}

if (args is ["ask-profile", .. var profileArgs])
{
    var collection = profileArgs.Length > 0 ? profileArgs[0] : Collections.Generated;
    var rounds = profileArgs.Length > 1 ? int.Parse(profileArgs[1], CultureInfo.InvariantCulture) : 3;
    return AskProfile.Run(collection, rounds);
}

if (args is ["ask-compare", .. var compareArgs])
{
    return AskCompare.Run(compareArgs.Length > 0 ? int.Parse(compareArgs[0], CultureInfo.InvariantCulture) : 2);
}

if (args is ["sync-stages"])
{
    return SyncStages.Run();
}

BenchmarkSwitcher.FromAssembly(typeof(Tuning).Assembly).Run(args);
return 0;
