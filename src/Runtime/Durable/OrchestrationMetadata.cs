namespace Serverless.Runtime.Durable;

/// <summary>What a client sees of an instance (Microsoft.DurableTask's OrchestrationMetadata).</summary>
public sealed record OrchestrationMetadata(string Name, string InstanceId)
{
    public OrchestrationRuntimeStatus RuntimeStatus { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LastUpdatedAt { get; init; }
    public string? SerializedInput { get; init; }
    public string? SerializedOutput { get; init; }
    public string? SerializedCustomStatus { get; init; }
    public TaskFailureDetails? FailureDetails { get; init; }
    internal DataConverter? Converter { get; init; }

    public bool IsRunning => RuntimeStatus is OrchestrationRuntimeStatus.Running;
    public bool IsCompleted => RuntimeStatus.IsTerminal();

    public T? ReadInputAs<T>() => Read<T>(SerializedInput);
    public T? ReadOutputAs<T>() => Read<T>(SerializedOutput);
    public T? ReadCustomStatusAs<T>() => Read<T>(SerializedCustomStatus);

    private T? Read<T>(string? json) =>
        (Converter ?? new DataConverter(DataConverter.DefaultSerializerOptions, int.MaxValue)).Deserialize<T>(json);
}

/// <summary>A filter for listing instances. Times bound the creation time, inclusively.</summary>
public sealed record OrchestrationQuery
{
    public DateTimeOffset? CreatedFrom { get; init; }
    public DateTimeOffset? CreatedTo { get; init; }
    public IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses { get; init; }
    public string? InstanceIdPrefix { get; init; }
    /// <summary>Only instances of these orchestrations (names matched exactly); null or empty lists every orchestration.</summary>
    public IReadOnlyCollection<string>? Names { get; init; }
    public int PageSize { get; init; } = 100;
    public bool FetchInputsAndOutputs { get; init; }
    public string? ContinuationToken { get; init; }
    /// <summary>List from the newest instance to the oldest.</summary>
    public bool NewestFirst { get; init; }
}

public sealed record OrchestrationPage(IReadOnlyList<OrchestrationMetadata> Instances, string? ContinuationToken);

/// <summary>Which finished instances to purge.</summary>
public sealed record PurgeInstancesFilter(DateTimeOffset? CreatedFrom = null, DateTimeOffset? CreatedTo = null, IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses = null);

public sealed record PurgeResult(int PurgedInstanceCount);
