using Microsoft.Extensions.DependencyInjection;
using Serverless.Runtime.Durable;

namespace Serverless.Runtime.Hosting;

/// <summary>Runs an [OrchestrationTrigger] method as an engine orchestrator; the method reads its input with GetInput.</summary>
internal sealed class MethodOrchestrator(FunctionInvoker invoker, IServiceProvider services) : ITaskOrchestrator
{
    public Type InputType => typeof(object);

    public Task<object?> RunAsync(TaskOrchestrationContext context, object? input) =>
        invoker.InvokeAsync(new InvocationArguments(services, context,
            new FunctionContext(invoker.Function.Name, context.InstanceId, services, CancellationToken.None)));
}

/// <summary>Runs an [ActivityTrigger] method as an engine activity, in its own service scope.</summary>
internal sealed class MethodActivity(FunctionInvoker invoker, IServiceProvider services) : ITaskActivity
{
    public Type InputType => invoker.Function.TriggerParameter.ParameterType;

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        await using var scope = services.CreateAsyncScope();
        var functionContext = new FunctionContext(invoker.Function.Name, context.IdempotencyKey, scope.ServiceProvider, context.CancellationToken);
        var trigger = input ?? (InputType == typeof(TaskActivityContext) ? context : null);
        return await invoker.InvokeAsync(new InvocationArguments(scope.ServiceProvider, trigger, functionContext)).ConfigureAwait(false);
    }
}

public static class DurableFunctionRegistration
{
    /// <summary>Registers every orchestration and activity function with the engine's registry.</summary>
    public static DurableTaskRegistry AddFunctions(this DurableTaskRegistry registry, IEnumerable<FunctionDefinition> functions)
    {
        foreach (var function in functions)
        {
            var invoker = new FunctionInvoker(function);
            switch (function.Kind)
            {
                case FunctionTriggerKind.Orchestration:
                    registry.AddOrchestrator(function.Name, services => new MethodOrchestrator(invoker, Required(services)));
                    break;
                case FunctionTriggerKind.Activity:
                    registry.AddActivity(function.Name, services => new MethodActivity(invoker, Required(services)));
                    break;
            }
        }
        return registry;
    }

    private static IServiceProvider Required(IServiceProvider? services) =>
        services ?? throw new InvalidOperationException("Function-based orchestrators and activities need the host's service provider; pass it to the DurableTaskEngine.");
}
