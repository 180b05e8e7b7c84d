namespace NewsBot.Knowledge.Semantic;

/// <summary>Turns text into an L2-normalised vector whose dot product with another measures how alike their meanings are.</summary>
internal interface ITextEmbedder : IDisposable
{
    /// <summary>Names the model; vectors of different models never mix (the cache file is named after it).</summary>
    string Model { get; }

    int Dimensions { get; }

    /// <summary>Embeds one text. Thread-safe.</summary>
    float[] Embed(string text, CancellationToken cancellationToken = default);
}
