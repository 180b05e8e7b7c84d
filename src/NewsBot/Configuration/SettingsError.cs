using Microsoft.Extensions.Options;

namespace NewsBot.Configuration;

/// <summary>
/// The one line a setting that cannot work is reported as, by the bot at start and by every command alike (both
/// then exit 1): a value that fails validation, or one that is not even of the setting's type.
/// </summary>
public static class SettingsError
{
    public const int ExitCode = 1;

    /// <summary>The line to print for <paramref name="exception"/>, or null when it is not about settings.</summary>
    public static string? Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);

        // Options that depend on a failing one (the knowledge folders on Storage) fail with it: each problem is said once.
        var problems = exception is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [exception];
        var messages = new List<string>();
        foreach (var problem in problems)
        {
            if (Messages(problem) is not { } found)
            {
                return null;
            }

            messages.AddRange(found);
        }

        return messages.Count == 0 ? null : $"error: {string.Join(" ", messages.Distinct(StringComparer.Ordinal))}";
    }

    private static IEnumerable<string>? Messages(Exception problem) => problem switch
    {
        OptionsValidationException invalid => invalid.Failures,
        InvalidOperationException unreadable when unreadable.TargetSite?.DeclaringType == typeof(ConfigurationBinder) => [unreadable.Message],
        _ => null,
    };
}
