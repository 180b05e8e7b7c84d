namespace NewsBot.Knowledge.Tests.Support;

/// <summary>Tests that change process-wide state (Lucene's default InfoStream) run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(NonParallelGroup), DisableParallelization = true)]
public sealed class NonParallelGroup;
