using System.Reflection;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using NewsBot.Bot;

namespace NewsBot.Tests.Bot;

/// <summary>
/// Why <see cref="NewsBotActivityHandler"/> matches Teams' feedback invoke by name: the SDK has no typed override for it.
/// When an upgrade brings one, this fails, and the name match should give way to the override.
/// </summary>
public sealed class TeamsDispatchTests
{
    [Fact]
    public void TeamsActivityHandler_HasNoTypedOverrideForTeamsFeedback_SoTheBotMatchesItsInvokeByName()
    {
        var overridable = typeof(TeamsActivityHandler)
            .GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(m => m.IsVirtual && m.Name.StartsWith("On", StringComparison.Ordinal))
            .Select(m => m.Name)
            .ToList();

        Assert.Contains(nameof(ActivityHandler.OnTurnAsync), overridable);
        Assert.DoesNotContain(overridable, name => name.Contains("MessageSubmitAction", StringComparison.Ordinal) || name.Contains("Feedback", StringComparison.Ordinal));
        Assert.Equal("message/submitAction", FeedbackHandler.TeamsFeedbackInvoke);
    }
}
