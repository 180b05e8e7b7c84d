using System.Diagnostics;
using System.Globalization;
using NewsBot.Knowledge;
using NewsBot.Knowledge.Answers;
using NewsBot.Knowledge.Answers.Decision;
using NewsBot.Knowledge.Indexing;
using NewsBot.Knowledge.Semantic;

namespace NewsBot.Benchmarks;

/// <summary>
/// <c>semantic-latency</c>: answer latency with semantic ranking on at 50,000 generated articles, the memory of
/// their vectors, and embedding throughput on the shipped passages.
/// </summary>
/// <remarks>
/// Embedding the generated collection's 225,562 passages would take about six hours on 2 cores, so its vectors are
/// synthesised: each passage gets the real embedding of a shipped passage (chosen by its key) mixed with noise and
/// normalised. What is timed does not depend on the values: the question is embedded for real, every vector is
/// scanned, and fusion always handles the BM25 hits and the nearest 100 passages.
/// </remarks>
internal static class SemanticLatency
{
    public static int Run()
    {
        var knowledge = Collections.KnowledgePath(Collections.Generated);
        var source = Collections.DataPath(Collections.Generated, knowledge);
        using (Collections.OpenSynced(knowledge, source))
        {
        }

        var data = BenchmarkPaths.Cache("semantic-" + Path.GetFileName(knowledge));
        Collections.DeleteQuietly(data);
        CopyFolder(Path.Combine(source, "index"), Path.Combine(data, "index"));
        var basis = ShippedEmbeddings();
        var written = SynthesiseVectors(data, basis);
        Console.WriteLine($"// {written} passage vectors synthesised from {basis.Count} shipped passage embeddings");

        var questions = Collections.Questions();
        var before = ManagedHeap();
        using var semantic = KnowledgeBase.Open(new KnowledgeOptions { Path = knowledge, DataPath = data, Semantic = true });
        semantic.Sync();
        var after = ManagedHeap();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"vectors: {semantic.Stats.Vectors}; managed heap {before / 1e6:F0} MB before opening, {after / 1e6:F0} MB after ({(after - before) / 1e6:F0} MB for the index catalog and the vectors)"));
        using (var bm25Only = KnowledgeBase.Open(new KnowledgeOptions { Path = knowledge, DataPath = source, Semantic = false }))
        {
            var withoutVectors = ManagedHeap();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"a second knowledge base over the same articles without vectors adds {(withoutVectors - after) / 1e6:F0} MB"));
            ReportReadAgain("golden questions declined as asked by BM25 alone", bm25Only, questions);
            Measure("BM25 alone, without related articles", bm25Only, questions, related: false);
        }

        MeasureScan(data, questions);
        ReportReadAgain("golden questions declined as asked", semantic, questions);
        Measure("semantic on, without related articles (as chat turns ask)", semantic, questions, related: false);
        Measure("semantic on, with related articles", semantic, questions, related: true);
        MeasureDescriptive(semantic);
        MeasureQuestionEmbedding(questions);
        return 0;
    }

    /// <summary>
    /// Asks the first 20 questions, then every question three times in file order, and reports the 276 answers; then
    /// the first of the three passes alone (where the other 72 questions are new to this knowledge base: their passages
    /// and titles are read for the first time) and the two later passes.
    /// </summary>
    private static void Measure(string label, KnowledgeBase knowledge, string[] questions, bool related)
    {
        foreach (var question in questions.Take(20))
        {
            knowledge.Ask(question, new AskOptions(Related: related));
        }

        var load = OtherLoad.Start();
        var times = new List<double>();
        for (var pass = 0; pass < 3; pass++)
        {
            foreach (var question in questions)
            {
                var watch = Stopwatch.StartNew();
                knowledge.Ask(question, new AskOptions(Related: related));
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var others = load.ToString();
        Report(label, times[..]);
        Report("  … its first pass", times[..questions.Length], others);
        Report("  … its two later passes", times[questions.Length..], others);
    }

    /// <summary>
    /// Questions that describe what they ask about instead of naming it: declined as asked, they are read again with the
    /// description's name or without it (<c>ClauseReadings</c>), up to four searches instead of one. Written for this
    /// benchmark, not taken from the dev set.
    /// </summary>
    private static readonly string[] DescriptiveQuestions =
    [
        "the chatbot google renamed in february - how much is its paid plan",
        "who led the funding round for the company that makes mixtral",
        "the model apple put into siri - what did it score on mmlu",
        "when did the aws service that sells claude become generally available",
        "after the board fired altman, who became interim ceo",
        "the small microsoft model announced at ignite - what licence is it under now",
    ];

    /// <summary>Questions the engine declines as asked and then reads again (several searches each).</summary>
    internal static List<string> ReadAgain(KnowledgeBase knowledge, IEnumerable<string> questions) =>
        questions.Where(q => knowledge.Analyse(q) is var asked && !AnswerSelector.Select(asked, knowledge.ModelFor(asked)).Answered && knowledge.Readings(q).Count > 0).ToList();

    private static void ReportReadAgain(string label, KnowledgeBase knowledge, string[] questions)
    {
        var readAgain = ReadAgain(knowledge, questions);
        Console.WriteLine($"// {label} and read again: {readAgain.Count} of {questions.Length}{(readAgain.Count > 0 ? ": " + string.Join(" | ", readAgain) : "")}");
    }

    private static void MeasureDescriptive(KnowledgeBase knowledge)
    {
        ReportReadAgain("descriptive questions declined as asked", knowledge, DescriptiveQuestions);
        Measure("semantic on, questions that describe what they ask about", knowledge, DescriptiveQuestions, related: false);
    }

    /// <summary>The vector scan alone: every passage vector against the question's, keeping the nearest 100.</summary>
    private static void MeasureScan(string data, string[] questions)
    {
        var embedder = MiniLmEmbedder.Shared;
        using var index = ArticleIndex.Open(Path.Combine(data, "index"));
        using var store = VectorStore.OpenIn(data, embedder);
        using var lease = index.Lease();
        var build = Stopwatch.StartNew();
        var vectors = PassageVectors.Build(lease.Searcher.IndexReader, store);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"snapshot of {vectors.Ready} passage vectors built in {build.Elapsed.TotalMilliseconds:F0} ms"));
        var questionVectors = questions.Select(q => new QuestionVector(embedder.Embed(q))).ToList();
        var times = new List<double>();
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var question in questionVectors)
            {
                var watch = Stopwatch.StartNew();
                vectors.Nearest(question, 100);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        Report("of which the vector scan", times);
    }

    private static void MeasureQuestionEmbedding(string[] questions)
    {
        var times = new List<double>();
        foreach (var question in questions.Concat(questions))
        {
            var watch = Stopwatch.StartNew();
            MiniLmEmbedder.Shared.Embed(question);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        Report("of which embedding the question", times);
    }

    private static void Report(string label, List<double> times, string? others = null)
    {
        times.Sort();
        double At(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {times.Count} answers, p50 {At(0.5):F1} ms, p95 {At(0.95):F1} ms, p99 {At(0.99):F1} ms, max {times[^1]:F1} ms (load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}{(others is null ? "" : ", " + others)})"));
    }

    /// <summary>Embeds the shipped passages (and measures embedding throughput on them, one core and all cores).</summary>
    private static List<float[]> ShippedEmbeddings()
    {
        var inputs = new List<string>();
        foreach (var file in Directory.EnumerateFiles(BenchmarkPaths.ShippedKnowledge, "*.md", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(BenchmarkPaths.ShippedKnowledge, file);
            var article = NewsBot.Knowledge.Articles.ArticleReader.Read(File.ReadAllBytes(file), relative, relative, DateTimeOffset.UnixEpoch).Article;
            if (article is null)
            {
                continue;
            }

            foreach (var passage in new NewsBot.Knowledge.Passages.PassageSplitter().Split(article.Blocks))
            {
                inputs.Add(EmbeddingInput.For(article.Title, passage.Heading, passage.Text));
            }
        }

        var embedder = MiniLmEmbedder.Shared;
        embedder.Embed("warm up");
        var words = inputs.Average(i => i.Split(' ').Length);
        var watch = Stopwatch.StartNew();
        var sample = inputs.Take(60).Select(i => embedder.Embed(i)).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"embedding throughput, one core: {sample.Count / watch.Elapsed.TotalSeconds:F1} passages/s (news passages of {words:F0} words on average, with title)"));
        watch.Restart();
        var vectors = new float[inputs.Count][];
        Parallel.For(0, inputs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => vectors[i] = embedder.Embed(inputs[i]));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"embedding throughput, {Environment.ProcessorCount} cores: {inputs.Count / watch.Elapsed.TotalSeconds:F1} passages/s ({inputs.Count} passages in {watch.Elapsed.TotalSeconds:F1} s)"));
        return vectors.ToList();
    }

    private static int SynthesiseVectors(string data, List<float[]> basis)
    {
        var embedder = MiniLmEmbedder.Shared;
        using var index = ArticleIndex.Open(Path.Combine(data, "index"));
        using var store = VectorStore.OpenIn(data, embedder);
        using var lease = index.Lease();
        var random = new Random(42);
        var vector = new float[embedder.Dimensions];
        foreach (var (_, key) in PassageVectorKeys.Live(lease.Searcher.IndexReader))
        {
            var near = basis[(int)(key % (ulong)basis.Count)];
            var norm = 0f;
            for (var d = 0; d < vector.Length; d++)
            {
                vector[d] = near[d] + (float)(random.NextDouble() - 0.5) * 0.1f;
                norm += vector[d] * vector[d];
            }

            norm = MathF.Sqrt(norm);
            for (var d = 0; d < vector.Length; d++)
            {
                vector[d] /= norm;
            }

            store.Add(key, vector);
        }

        store.Flush();
        return store.Count;
    }

    private static long ManagedHeap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            if (!file.EndsWith("write.lock", StringComparison.Ordinal))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }
        }
    }
}
