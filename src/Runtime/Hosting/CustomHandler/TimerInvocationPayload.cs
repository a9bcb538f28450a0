using System.Globalization;
using System.Text.Json;

namespace Serverless.Runtime.Hosting.CustomHandler;

/// <summary>
/// Reads the Functions host's invocation request for a timer function into a <see cref="TimerInfo"/>. The host posts
/// <c>{"Data": {"&lt;binding name&gt;": {"Schedule": {…}, "ScheduleStatus": {"Last", "Next", "LastUpdated"} or null,
/// "IsPastDue": bool}}, "Metadata": {…}}</c>: Data holds the WebJobs TimerInfo serialized under the trigger binding's
/// name, ScheduleStatus is null when useMonitor is off. Property names are matched case-insensitively, as the host reads them.
/// </summary>
public static class TimerInvocationPayload
{
    public static TimerInfo Read(JsonElement body, string bindingName)
    {
        if (body.ValueKind != JsonValueKind.Object)
            throw new InvalidInvocationPayloadException(null, "The invocation payload must be a JSON object with 'Data' and 'Metadata'.");
        if (Property(body, "Data") is not { ValueKind: JsonValueKind.Object } data)
            throw new InvalidInvocationPayloadException("Data", "'Data' must be an object holding the trigger's value under its binding name.");
        var path = $"Data.{bindingName}";
        if (Property(data, bindingName) is not { ValueKind: JsonValueKind.Object } timer)
            throw new InvalidInvocationPayloadException(path, $"'{path}' must be the timer trigger's value (an object with IsPastDue and ScheduleStatus); '{bindingName}' is the trigger binding's name in function.json.");
        if (Property(timer, "IsPastDue") is not { ValueKind: JsonValueKind.True or JsonValueKind.False } isPastDue)
            throw new InvalidInvocationPayloadException($"{path}.IsPastDue", $"'{path}.IsPastDue' must be true or false.");
        return new TimerInfo { IsPastDue = isPastDue.GetBoolean(), ScheduleStatus = ReadStatus(Property(timer, "ScheduleStatus"), $"{path}.ScheduleStatus") };
    }

    private static ScheduleStatus? ReadStatus(JsonElement? status, string path) => status switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.Object } value => new ScheduleStatus
        {
            Last = ReadTime(value, "Last", path),
            Next = ReadTime(value, "Next", path),
            LastUpdated = ReadTime(value, "LastUpdated", path),
        },
        _ => throw new InvalidInvocationPayloadException(path, $"'{path}' must be an object with Last, Next and LastUpdated, or null."),
    };

    // The host writes DateTimes as Newtonsoft does: with 'Z' or an offset when it knows one, bare when it does not (UTC then).
    private static DateTime ReadTime(JsonElement status, string name, string path)
    {
        var value = Property(status, name);
        if (value is null or { ValueKind: JsonValueKind.Null }) return default;
        if (value is { ValueKind: JsonValueKind.String } text
            && DateTimeOffset.TryParse(text.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            return time.UtcDateTime;
        throw new InvalidInvocationPayloadException($"{path}.{name}", $"'{path}.{name}' must be a date and time such as \"2024-05-01T10:15:00Z\".");
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.TryGetProperty(name, out var exact)) return exact;
        foreach (var property in element.EnumerateObject())
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) return property.Value;
        return null;
    }
}
