using System.Text.Json.Serialization;

namespace Serverless.Core.Pipelines;

/// <summary>What a scan command writes (yaml: sarif, npm-audit). <c>npm audit</c> commands default to NpmAudit.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScanReportFormat>))]
public enum ScanReportFormat
{
    Sarif,
    NpmAudit,
}
