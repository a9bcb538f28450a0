namespace Serverless.Runtime.Durable;

/// <summary>The orchestrators and activities a worker can run, by name (case-insensitive, as Durable Functions).</summary>
public sealed class DurableTaskRegistry
{
    private readonly Dictionary<string, Func<IServiceProvider?, ITaskOrchestrator>> _orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<IServiceProvider?, ITaskActivity>> _activities = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<string> OrchestratorNames => _orchestrators.Keys;
    public IEnumerable<string> ActivityNames => _activities.Keys;

    public DurableTaskRegistry AddOrchestrator(string name, Func<IServiceProvider?, ITaskOrchestrator> factory)
    {
        Add(_orchestrators, "orchestrator", name, factory);
        return this;
    }

    public DurableTaskRegistry AddActivity(string name, Func<IServiceProvider?, ITaskActivity> factory)
    {
        Add(_activities, "activity", name, factory);
        return this;
    }

    public DurableTaskRegistry AddOrchestratorFunc<TInput, TOutput>(string name, Func<TaskOrchestrationContext, TInput, Task<TOutput>> run) =>
        AddOrchestrator(name, _ => new FuncOrchestrator<TInput, TOutput>(run));

    public DurableTaskRegistry AddOrchestratorFunc<TOutput>(string name, Func<TaskOrchestrationContext, Task<TOutput>> run) =>
        AddOrchestratorFunc<object?, TOutput>(name, (context, _) => run(context));

    public DurableTaskRegistry AddActivityFunc<TInput, TOutput>(string name, Func<TaskActivityContext, TInput, Task<TOutput>> run) =>
        AddActivity(name, _ => new FuncActivity<TInput, TOutput>(run));

    public DurableTaskRegistry AddActivityFunc<TInput, TOutput>(string name, Func<TaskActivityContext, TInput, TOutput> run) =>
        AddActivityFunc<TInput, TOutput>(name, (context, input) => Task.FromResult(run(context, input)));

    public bool HasOrchestrator(string name) => _orchestrators.ContainsKey(name);

    internal ITaskOrchestrator CreateOrchestrator(string name, IServiceProvider? services) =>
        _orchestrators.TryGetValue(name, out var factory) ? factory(services) : throw new FunctionNotFoundException("orchestrator", name, _orchestrators.Keys);

    internal ITaskActivity CreateActivity(string name, IServiceProvider? services) =>
        _activities.TryGetValue(name, out var factory) ? factory(services) : throw new FunctionNotFoundException("activity", name, _activities.Keys);

    private static void Add<T>(Dictionary<string, T> map, string kind, string name, T factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!map.TryAdd(name, factory)) throw new ArgumentException($"An {kind} named '{name}' is already registered.", nameof(name));
    }

    private sealed class FuncOrchestrator<TInput, TOutput>(Func<TaskOrchestrationContext, TInput, Task<TOutput>> run) : TaskOrchestrator<TInput, TOutput>
    {
        public override Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input) => run(context, input);
    }

    private sealed class FuncActivity<TInput, TOutput>(Func<TaskActivityContext, TInput, Task<TOutput>> run) : TaskActivity<TInput, TOutput>
    {
        public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) => run(context, input);
    }
}
