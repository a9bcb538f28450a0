using Microsoft.Extensions.DependencyInjection;
using Serverless.Runtime.Hosting.Timers;

namespace Serverless.Runtime.Hosting;

/// <summary>Hands [TimerTrigger] functions to the durable timer machinery, each invocation in its own service scope.</summary>
internal static class TimerFunctions
{
    public static IEnumerable<TimerTriggerRegistration> Registrations(IEnumerable<FunctionDefinition> functions) =>
        functions.Where(f => f.Kind == FunctionTriggerKind.Timer).Select(function =>
        {
            var invoker = new FunctionInvoker(function);
            return TimerTriggerRegistration.FromAttribute(function.Name, (TimerTriggerAttribute)function.Trigger, async (timerInfo, services, cancellationToken) =>
            {
                var root = services ?? throw new InvalidOperationException("Timer functions need the host's service provider.");
                await using var scope = root.CreateAsyncScope();
                var context = new FunctionContext(function.Name, Guid.NewGuid().ToString("N"), scope.ServiceProvider, cancellationToken);
                await invoker.InvokeAsync(new InvocationArguments(scope.ServiceProvider, timerInfo, context));
            });
        });
}
