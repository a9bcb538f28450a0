using System.Text.Json.Serialization;

namespace Serverless.Core.Pipelines;

/// <summary>A finding's severity, most severe first (yaml: critical, high, medium, low).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity
{
    Critical,
    High,
    Medium,
    Low,
}
