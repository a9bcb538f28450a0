using System.Text.Json.Serialization;

namespace Serverless.Core.Integrations.GitHub;

internal sealed record CommitStatusRequest(
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("context")] string Context,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("target_url")] string? TargetUrl);

internal sealed record DeploymentRequest(
    [property: JsonPropertyName("ref")] string Ref,
    [property: JsonPropertyName("environment")] string Environment,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("payload")] object? Payload,
    [property: JsonPropertyName("transient_environment")] bool TransientEnvironment,
    [property: JsonPropertyName("production_environment")] bool ProductionEnvironment)
{
    [JsonPropertyName("task")]
    public string Task => "deploy";

    /// <summary>The pipeline deploys exactly the commit it built; GitHub must not merge the default branch into it.</summary>
    [JsonPropertyName("auto_merge")]
    public bool AutoMerge => false;

    /// <summary>The pipeline's own gates already decided; empty skips GitHub's check of every status context.</summary>
    [JsonPropertyName("required_contexts")]
    public IReadOnlyList<string> RequiredContexts => [];
}

internal sealed record DeploymentStatusRequest(
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("environment_url")] string? EnvironmentUrl,
    [property: JsonPropertyName("log_url")] string? LogUrl,
    [property: JsonPropertyName("description")] string? Description);
