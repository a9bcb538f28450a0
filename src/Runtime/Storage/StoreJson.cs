using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Durable.History;

namespace Serverless.Runtime.Storage;

/// <summary>
/// History events and failure details as stores write them: <see cref="HistoryJson"/>'s source-generated metadata,
/// minus the EventType property each event record overrides. [JsonIgnore] on the abstract base property does not
/// reach the overrides, so as generated they collide with the "EventType" type discriminator and every
/// (de)serialization throws. The discriminator carries the same value.
/// </summary>
internal static class StoreJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        TypeInfoResolver = HistoryJsonContext.Default.WithAddedModifier(DropEventTypeProperty),
    };

    private static readonly JsonTypeInfo<HistoryEvent> EventInfo = (JsonTypeInfo<HistoryEvent>)Options.GetTypeInfo(typeof(HistoryEvent));
    private static readonly JsonTypeInfo<TaskFailureDetails> FailureInfo = (JsonTypeInfo<TaskFailureDetails>)Options.GetTypeInfo(typeof(TaskFailureDetails));

    public static string Serialize(HistoryEvent historyEvent) => JsonSerializer.Serialize(historyEvent, EventInfo);

    public static HistoryEvent Deserialize(string json) =>
        JsonSerializer.Deserialize(json, EventInfo) ?? throw new JsonException("A history event was stored as JSON null.");

    public static string SerializeFailure(TaskFailureDetails details) => JsonSerializer.Serialize(details, FailureInfo);

    public static TaskFailureDetails? DeserializeFailure(string? json) => json is null ? null : JsonSerializer.Deserialize(json, FailureInfo);

    private static void DropEventTypeProperty(JsonTypeInfo typeInfo)
    {
        if (!typeof(HistoryEvent).IsAssignableFrom(typeInfo.Type)) return;
        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
            if (typeInfo.Properties[i].Name == nameof(HistoryEvent.EventType)) typeInfo.Properties.RemoveAt(i);
    }
}
