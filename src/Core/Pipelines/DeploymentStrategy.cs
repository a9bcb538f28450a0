using System.Text.Json.Serialization;

namespace Serverless.Core.Pipelines;

/// <summary>How an environment takes a new version (yaml: rolling, blue-green, canary).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeploymentStrategy>))]
public enum DeploymentStrategy
{
    Rolling,
    BlueGreen,
    Canary,
}
