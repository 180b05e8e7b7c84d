using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace NewsBot.LocalChat;

/// <summary>
/// The local chat's conversations, in memory. Bounded: at most <see cref="LocalChatOptions.MaxConversations"/>
/// (starting one more forgets the least recently active), and a conversation idle for
/// <see cref="LocalChatOptions.IdleExpiry"/> is forgotten the next time anyone looks it up or starts one.
/// </summary>
internal sealed partial class ConversationStore(IOptions<LocalChatOptions> options, TimeProvider time, ILogger<ConversationStore> logger)
{
    private readonly ConcurrentDictionary<string, LocalConversation> _conversations = new(StringComparer.Ordinal);
    private readonly Lock _createGate = new();
    private readonly LocalChatOptions _options = options.Value;

    public int Count => _conversations.Count;

    public LocalConversation Create(ChannelAccount user)
    {
        var now = time.GetUtcNow();
        var conversation = new LocalConversation(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), user, now, _options.MaxActivitiesPerConversation);
        lock (_createGate)
        {
            RemoveExpired(now);
            while (_conversations.Count >= _options.MaxConversations)
            {
                var oldest = _conversations.Values.MinBy(c => c.LastActive)!;
                _conversations.TryRemove(oldest.Id, out _);
                Log.Evicted(logger, oldest.Id, _options.MaxConversations);
            }

            _conversations[conversation.Id] = conversation;
        }

        return conversation;
    }

    /// <summary>The live conversation with this id; looking it up counts as activity.</summary>
    public bool TryGet(string id, [NotNullWhen(true)] out LocalConversation? conversation)
    {
        var now = time.GetUtcNow();
        if (_conversations.TryGetValue(id, out conversation))
        {
            if (!IsExpired(conversation, now))
            {
                conversation.Touch(now);
                return true;
            }

            _conversations.TryRemove(KeyValuePair.Create(id, conversation));
        }

        conversation = null;
        return false;
    }

    /// <summary>The live conversation that issued this token, if the token is valid now.</summary>
    public bool TryGetByToken(string token, [NotNullWhen(true)] out LocalConversation? conversation)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && TryGet(token[..dot], out conversation) && conversation.Accepts(token, time.GetUtcNow()))
        {
            return true;
        }

        conversation = null;
        return false;
    }

    private void RemoveExpired(DateTimeOffset now)
    {
        foreach (var (id, conversation) in _conversations)
        {
            if (IsExpired(conversation, now))
            {
                _conversations.TryRemove(KeyValuePair.Create(id, conversation));
            }
        }
    }

    private bool IsExpired(LocalConversation conversation, DateTimeOffset now) => now - conversation.LastActive >= _options.IdleExpiry;

    private static partial class Log
    {
        [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "Local chat: forgot conversation {ConversationId}, the least recently active, to stay within {MaxConversations} conversations")]
        public static partial void Evicted(ILogger logger, string conversationId, int maxConversations);
    }
}
