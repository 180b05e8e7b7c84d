using Microsoft.Bot.Schema;

namespace NewsBot.Digests;

/// <summary>Posts a message into a conversation the bot is not in a turn of. Throws the connector's exception on failure.</summary>
internal interface IDigestSender
{
    Task SendAsync(ConversationReference reference, IMessageActivity message, CancellationToken cancellationToken);
}
