using System.Text.Json;
using System.Text.Json.Serialization;

namespace Serverless.Runtime.Durable.History;

/// <summary>How history events and store records are written as JSON (source-generated, so stores stay fast).</summary>
public static class HistoryJson
{
    public static string Serialize(HistoryEvent historyEvent) =>
        JsonSerializer.Serialize(historyEvent, HistoryJsonContext.Default.HistoryEvent);

    public static HistoryEvent Deserialize(string json) =>
        JsonSerializer.Deserialize(json, HistoryJsonContext.Default.HistoryEvent)
        ?? throw new JsonException("A history event was stored as JSON null.");

    public static string SerializeFailure(TaskFailureDetails details) =>
        JsonSerializer.Serialize(details, HistoryJsonContext.Default.TaskFailureDetails);

    public static TaskFailureDetails? DeserializeFailure(string? json) =>
        json is null ? null : JsonSerializer.Deserialize(json, HistoryJsonContext.Default.TaskFailureDetails);
}

[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HistoryEvent))]
[JsonSerializable(typeof(TaskFailureDetails))]
internal sealed partial class HistoryJsonContext : JsonSerializerContext;
