namespace NewsBot.Digests;

/// <summary>
/// Conversations the bot was added to (a Teams install in a team, chat or personal scope), with the reference
/// to reach them later, for digests, and when it was removed again.
/// </summary>
public interface IInstallations
{
    Task RecordInstalledAsync(Installation installation, CancellationToken cancellationToken);

    Task RecordRemovedAsync(string conversationKey, DateTimeOffset removed, CancellationToken cancellationToken);

    Task<Installation?> FindAsync(string conversationKey, CancellationToken cancellationToken);
}

/// <param name="ConversationKey">"{channel}:{conversation id}", as digests name conversations.</param>
/// <param name="ReferenceJson">The Bot Framework conversation reference to continue the conversation with.</param>
/// <param name="Removed">When the bot was removed from the conversation, if it was.</param>
public sealed record Installation(string ConversationKey, string Channel, string ConversationType, string ReferenceJson, DateTimeOffset Installed, DateTimeOffset? Removed = null);
