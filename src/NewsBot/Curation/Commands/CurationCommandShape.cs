namespace NewsBot.Curation.Commands;

/// <summary>Whether a message is a curation command (and not a question that starts with the same word).</summary>
internal static class CurationCommandShape
{
    public const string NotOnSlackDirect =
        "Adding articles isn't available through this Slack connection, so nothing was fetched. Curators can add articles from the command line, or in chat through Teams or Azure Bot Service.";

    /// <param name="word">The message's first word, lower case.</param>
    public static bool Matches(string word, string arguments) => word switch
    {
        "add" => AddDraftCommand.FindUrl(arguments) is not null,
        "drafts" => arguments.Length == 0,
        "publish" or "discard" => PublishDraftCommand.IsDraftId(arguments),
        _ => false,
    };
}
