using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Serverless.Runtime.Hosting.Timers;

/// <summary>Reads the settings a schedule depends on: <c>%Name%</c> placeholders and the WEBSITE_TIME_ZONE time zone.</summary>
internal static partial class ScheduleSettings
{
    public const string TimeZoneSetting = "WEBSITE_TIME_ZONE";

    /// <summary>Replaces each <c>%Name%</c> with the setting's value; null and the missing setting's name if one is not set.</summary>
    public static string? Resolve(string schedule, IConfiguration? configuration, out string? missingSetting)
    {
        string? missing = null;
        var resolved = Placeholder().Replace(schedule, match =>
        {
            var name = match.Groups["name"].Value;
            var value = configuration?[name];
            if (string.IsNullOrWhiteSpace(value)) missing ??= name;
            return value ?? "";
        });
        missingSetting = missing;
        return missing is null ? resolved.Trim() : null;
    }

    /// <summary>The configured time zone (UTC when WEBSITE_TIME_ZONE is not set); null and an error if it is unknown.</summary>
    public static TimeZoneInfo? TimeZone(IConfiguration? configuration, out string? error)
    {
        error = null;
        var id = configuration?[TimeZoneSetting];
        if (string.IsNullOrWhiteSpace(id)) return TimeZoneInfo.Utc;
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone)) return zone;
        error = $"The {TimeZoneSetting} setting '{id}' is not a time zone known on this machine (use an IANA id such as 'Europe/London', or 'UTC').";
        return null;
    }

    [GeneratedRegex("%(?<name>[^%]+)%")]
    private static partial Regex Placeholder();
}
