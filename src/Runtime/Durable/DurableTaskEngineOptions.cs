using System.Text.Json;

namespace Serverless.Runtime.Durable;

/// <summary>Settings of the durable engine; host.json's <c>extensions.durableTask</c> section maps onto these.</summary>
public sealed class DurableTaskEngineOptions
{
    public const int DefaultMaxPayloadBytes = 1024 * 1024;

    /// <summary>Orchestration steps run at once (Durable Functions: maxConcurrentOrchestratorFunctions, default 10 × cores).</summary>
    public int MaxConcurrentOrchestratorFunctions { get; set; } = 10 * Environment.ProcessorCount;

    /// <summary>Activities run at once (Durable Functions: maxConcurrentActivityFunctions, default 10 × cores).</summary>
    public int MaxConcurrentActivityFunctions { get; set; } = 10 * Environment.ProcessorCount;

    /// <summary>How long a worker owns a work item before another may take it; renewed while the work runs.</summary>
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between store polls when idle; only work written by other processes waits this long.</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest serialized input, output or event payload accepted.</summary>
    public int MaxPayloadBytes { get; set; } = DefaultMaxPayloadBytes;

    /// <summary>Names this worker's locks; a restarted host with the same id takes its work back at once.</summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    public JsonSerializerOptions SerializerOptions { get; set; } = DataConverter.DefaultSerializerOptions;

    /// <summary>Every invalid setting, in one message; empty when all are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxConcurrentOrchestratorFunctions < 1) errors.Add($"maxConcurrentOrchestratorFunctions must be at least 1 (was {MaxConcurrentOrchestratorFunctions}).");
        if (MaxConcurrentActivityFunctions < 1) errors.Add($"maxConcurrentActivityFunctions must be at least 1 (was {MaxConcurrentActivityFunctions}).");
        if (LockDuration < TimeSpan.FromSeconds(1)) errors.Add($"LockDuration must be at least 1 second (was {LockDuration}).");
        if (MaxPollingInterval <= TimeSpan.Zero) errors.Add($"MaxPollingInterval must be positive (was {MaxPollingInterval}).");
        if (MaxPayloadBytes < 1024) errors.Add($"MaxPayloadBytes must be at least 1024 (was {MaxPayloadBytes}).");
        if (string.IsNullOrWhiteSpace(WorkerId) || WorkerId.Contains(':')) errors.Add("WorkerId must be non-empty and contain no ':'.");
        return errors;
    }
}
