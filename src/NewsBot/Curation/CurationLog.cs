namespace NewsBot.Curation;

internal static partial class CurationLog
{
    [LoggerMessage(EventId = 140, Level = LogLevel.Information, Message = "Curator drafted {Url} as {Draft}")]
    public static partial void Drafted(ILogger logger, string url, string draft);

    [LoggerMessage(EventId = 141, Level = LogLevel.Information, Message = "Curator could not draft {Url}: {Reason}")]
    public static partial void NotDrafted(ILogger logger, string url, string reason);

    [LoggerMessage(EventId = 142, Level = LogLevel.Information, Message = "Curator published draft {Draft} as {Path}")]
    public static partial void Published(ILogger logger, string draft, string path);

    [LoggerMessage(EventId = 143, Level = LogLevel.Warning, Message = "A curation command from a non-curator on {ChannelId} was refused; nothing was fetched")]
    public static partial void Refused(ILogger logger, string? channelId);

    [LoggerMessage(EventId = 144, Level = LogLevel.Information, Message = "Feed poll: {Drafted} new draft(s) from {Feeds} feed(s), {Waiting} draft(s) wait for review")]
    public static partial void Polled(ILogger logger, int drafted, int feeds, int waiting);

    [LoggerMessage(EventId = 145, Level = LogLevel.Warning, Message = "Feed {Feed} could not be read: {Reason}")]
    public static partial void FeedFailed(ILogger logger, string feed, string reason);

    [LoggerMessage(EventId = 146, Level = LogLevel.Error, Message = "A feed poll failed; trying again at the next scheduled time")]
    public static partial void PollFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 147, Level = LogLevel.Warning, Message = "Could not tell the curators of {Conversation} that drafts wait")]
    public static partial void NotifyFailed(ILogger logger, Exception exception, string? conversation);

    [LoggerMessage(EventId = 148, Level = LogLevel.Information, Message = "Feeds are polled on the schedule '{Schedule}' (UTC) from {FeedsFile}")]
    public static partial void Polling(ILogger logger, string schedule, string feedsFile);

    [LoggerMessage(EventId = 149, Level = LogLevel.Warning, Message = "Curators are listed while /api/messages is not authenticated (local mode): anyone who can reach the bot can claim a curator's id")]
    public static partial void CuratorsInLocalMode(ILogger logger);

    [LoggerMessage(EventId = 150, Level = LogLevel.Warning, Message = "Feed item {Url} was not drafted: {Reason}")]
    public static partial void ItemFailed(ILogger logger, string url, string reason);
}
