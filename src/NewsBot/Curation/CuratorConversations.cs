using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using NewsBot.Digests;

namespace NewsBot.Curation;

/// <summary>
/// The conversations curators used curation commands in, so that the feed poller can tell them drafts wait. Kept in
/// bot state (the SQLite store) under one key; a conversation is remembered again on each curation command.
/// </summary>
internal sealed class CuratorConversations(IStorage storage)
{
    private const string StorageKey = "curation/curator-conversations";

    public async Task RememberAsync(IActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var list = await ReadAsync(cancellationToken).ConfigureAwait(false);
        list.References[DigestConversation.Key(activity)] = DigestConversation.ReferenceJson(activity);
        await storage.WriteAsync(new Dictionary<string, object> { [StorageKey] = list }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ConversationReference>> AllAsync(CancellationToken cancellationToken)
    {
        var list = await ReadAsync(cancellationToken).ConfigureAwait(false);
        return list.References.Values.Select(DigestConversation.Reference).ToList();
    }

    private async Task<CuratorConversationList> ReadAsync(CancellationToken cancellationToken)
    {
        var items = await storage.ReadAsync([StorageKey], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(StorageKey, out var value) && value is CuratorConversationList list ? list : new CuratorConversationList();
    }
}

/// <summary>Conversation references by conversation key, as stored.</summary>
internal sealed class CuratorConversationList
{
    public Dictionary<string, string> References { get; init; } = new(StringComparer.Ordinal);
}
