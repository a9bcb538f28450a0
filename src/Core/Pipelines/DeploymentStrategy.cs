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

public static class DeploymentStrategyNames
{
    /// <summary>Each strategy as pipeline.yml spells it.</summary>
    public static readonly IReadOnlyDictionary<string, DeploymentStrategy> ByName = new Dictionary<string, DeploymentStrategy>
    {
        ["rolling"] = DeploymentStrategy.Rolling,
        ["blue-green"] = DeploymentStrategy.BlueGreen,
        ["canary"] = DeploymentStrategy.Canary,
    };

    public static string ToPipelineName(this DeploymentStrategy strategy) => ByName.First(pair => pair.Value == strategy).Key;
}
