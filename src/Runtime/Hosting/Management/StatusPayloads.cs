using System.Text.Json.Nodes;
using Serverless.Runtime.Durable;

namespace Serverless.Runtime.Hosting.Management;

internal static class StatusPayloads
{
    public static InstanceStatusPayload From(OrchestrationMetadata instance, bool showInput, JsonArray? history = null) => new(
        instance.Name,
        instance.InstanceId,
        instance.RuntimeStatus.ToString(),
        showInput ? JsonPayloads.Parse(instance.SerializedInput) : null,
        JsonPayloads.Parse(instance.SerializedCustomStatus),
        Output(instance),
        JsonPayloads.StatusTime(instance.CreatedAt),
        JsonPayloads.StatusTime(instance.LastUpdatedAt))
    {
        HistoryEvents = history,
    };

    // The engine keeps a failure as details rather than output; Durable Functions shows it as the output text.
    private static JsonNode? Output(OrchestrationMetadata instance) =>
        instance is { RuntimeStatus: OrchestrationRuntimeStatus.Failed, SerializedOutput: null, FailureDetails: { } failure }
            ? JsonValue.Create($"Orchestrator function '{instance.Name}' failed: {failure.ErrorMessage}")
            : JsonPayloads.Parse(instance.SerializedOutput);
}
