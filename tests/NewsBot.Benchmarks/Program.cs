using System.Globalization;
using BenchmarkDotNet.Running;
using NewsBot.Benchmarks;

if (args is ["tune", var folder])
{
    return Tuning.Run(folder);
}

if (args is ["tune-golden", var knowledge, var questions])
{
    return Tuning.RunGolden(knowledge, questions);
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
    return MemoryReport.Run(count);
}

if (args is ["ask-stages", var collection, .. var stageArgs])
{
    return AskStages.Run(collection, stageArgs.Length > 0 ? int.Parse(stageArgs[0], CultureInfo.InvariantCulture) : 5);
}

if (args is ["scratch-variants", var c2, var r2])
{
    return QueryVariants.Run(c2, int.Parse(r2, CultureInfo.InvariantCulture));
}

if (args is ["scratch-sync"])
{
    return ScratchSyncStages.Run();
}

if (args is ["scratch-analysis"])
{
    return ScratchAnalysis.Run();
}

BenchmarkSwitcher.FromAssembly(typeof(Tuning).Assembly).Run(args);
return 0;
