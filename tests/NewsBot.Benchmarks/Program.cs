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

BenchmarkSwitcher.FromAssembly(typeof(Tuning).Assembly).Run(args);
return 0;
