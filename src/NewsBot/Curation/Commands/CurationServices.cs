using NewsBot.Bot.Commands;
using NewsBot.Knowledge.Curation;

namespace NewsBot.Curation.Commands;

/// <summary>What every curator command needs, in one constructor argument.</summary>
internal sealed class CurationServices(CurationDesk desk, Curators curators, CuratorConversations conversations, QuestionCommand question, ILogger<CuratorCommand> logger)
{
    public CurationDesk Desk => desk;

    public Curators Curators => curators;

    public CuratorConversations Conversations => conversations;

    /// <summary>Answers messages that only start with a command's word.</summary>
    public QuestionCommand Question => question;

    public ILogger Logger => logger;

    /// <summary>A path of the knowledge folder as curators see it in chat: relative to the folder, never the server's full path.</summary>
    public string Relative(string fullPath) => Path.GetRelativePath(desk.KnowledgePath, fullPath).Replace(Path.DirectorySeparatorChar, '/');
}
