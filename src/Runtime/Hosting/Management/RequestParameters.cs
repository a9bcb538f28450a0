using System.Globalization;
using Microsoft.AspNetCore.Http;
using Serverless.Runtime.Durable;

namespace Serverless.Runtime.Hosting.Management;

/// <summary>Reads the management API's query parameters; a malformed value is an <see cref="InvalidRequestException"/> naming it.</summary>
internal static class RequestParameters
{
    /// <summary>The longest a request may wait for an instance to complete (<c>?timeout=</c>).</summary>
    public const int MaxWaitSeconds = 3600;

    public static string? String(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;

    public static bool Bool(HttpRequest request, string name, bool defaultValue)
    {
        var text = String(request, name);
        if (string.IsNullOrEmpty(text)) return defaultValue;
        return bool.TryParse(text, out var value)
            ? value
            : throw new InvalidRequestException(name, $"'{text}' is not a boolean; use true or false.");
    }

    public static int? PositiveInt(HttpRequest request, string name)
    {
        var text = String(request, name);
        if (string.IsNullOrEmpty(text)) return null;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidRequestException(name, $"'{text}' is not a positive whole number.");
    }

    /// <summary>An ISO 8601 time; one without an offset is taken as UTC.</summary>
    public static DateTimeOffset? Time(HttpRequest request, string name)
    {
        var text = String(request, name);
        if (string.IsNullOrEmpty(text)) return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw new InvalidRequestException(name, $"'{text}' is not a date and time; use ISO 8601, e.g. 2024-05-01T00:00:00Z.");
    }

    /// <summary>A duration in seconds (fractions allowed), between 0 and <see cref="MaxWaitSeconds"/>.</summary>
    public static TimeSpan? Seconds(HttpRequest request, string name)
    {
        var text = String(request, name);
        if (string.IsNullOrEmpty(text)) return null;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and <= MaxWaitSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new InvalidRequestException(name, $"'{text}' is not a number of seconds between 0 and {MaxWaitSeconds}.");
    }

    /// <summary>Comma-separated runtime status names (case-insensitive), possibly repeated; null when absent.</summary>
    public static IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses(HttpRequest request, string name)
    {
        if (!request.Query.TryGetValue(name, out var values)) return null;
        var statuses = new HashSet<OrchestrationRuntimeStatus>();
        foreach (var part in values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var match = Enum.GetNames<OrchestrationRuntimeStatus>().FirstOrDefault(n => n.Equals(part, StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidRequestException(name, $"'{part}' is not a runtime status; use {string.Join(", ", Enum.GetNames<OrchestrationRuntimeStatus>())}.");
            statuses.Add(Enum.Parse<OrchestrationRuntimeStatus>(match));
        }
        return statuses.Count == 0 ? null : statuses;
    }

    /// <summary>The instance id from the route, checked against <see cref="InstanceIds"/>' rules.</summary>
    public static string InstanceId(string instanceId)
    {
        try
        {
            InstanceIds.Validate(instanceId);
            return instanceId;
        }
        catch (ArgumentException ex)
        {
            throw new InvalidRequestException("instanceId", ProblemText.Of(ex));
        }
    }
}
