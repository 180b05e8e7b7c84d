using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace NewsBot.Curation;

/// <summary>
/// Who may curate in chat: the sender's Teams AAD object id, their channel user id, or (Slack through Azure Bot
/// Service, whose ids read "U0123ABC:T0456DEF") the Slack user id before the colon, listed in
/// <see cref="CurationOptions.Curators"/>. The ids are as the channel vouches for them: in local mode, where
/// /api/messages is not authenticated, anyone can claim any id, so list no curators on a bot reachable by others.
/// </summary>
internal sealed class Curators(IOptions<CurationOptions> options)
{
    private readonly HashSet<string> _ids = new(options.Value.Curators.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()), StringComparer.OrdinalIgnoreCase);

    public bool Any => _ids.Count > 0;

    public bool Contains(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var from = activity.From;
        if (from is null)
        {
            return false;
        }

        var slackUser = from.Id?.Split(':')[0];
        return new[] { from.AadObjectId, from.Id, slackUser }.Any(id => !string.IsNullOrEmpty(id) && _ids.Contains(id));
    }
}
