namespace NewsBot.Collection;

/// <summary>Whether the first index build has finished: health checks answer 503 until it has.</summary>
public sealed class CollectionState
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompleted;

    /// <summary>Completes when the first sync has finished (successfully or not: the last index is then served).</summary>
    public Task Ready => _ready.Task;

    public void MarkReady() => _ready.TrySetResult();
}
