using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Serverless.Runtime.Hosting.Management;

/// <summary>An instance's status as the API shows it (Durable Functions' StatusResponsePayload).</summary>
internal sealed record InstanceStatusPayload(
    string Name,
    string InstanceId,
    string RuntimeStatus,
    JsonNode? Input,
    JsonNode? CustomStatus,
    JsonNode? Output,
    string CreatedTime,
    string LastUpdatedTime)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonArray? HistoryEvents { get; init; }
}

internal sealed record PurgeResponse(int InstancesDeleted);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(InstanceStatusPayload))]
[JsonSerializable(typeof(IReadOnlyList<InstanceStatusPayload>))]
[JsonSerializable(typeof(HttpManagementPayload))]
[JsonSerializable(typeof(PurgeResponse))]
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class ManagementJsonContext : JsonSerializerContext;
