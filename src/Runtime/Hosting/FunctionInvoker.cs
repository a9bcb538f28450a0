using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Runtime.Durable;

namespace Serverless.Runtime.Hosting;

/// <summary>What one invocation binds parameters from.</summary>
public sealed record InvocationArguments(IServiceProvider Services, object? TriggerValue, FunctionContext Context, HttpContext? Http = null);

/// <summary>
/// Calls a function method: creates its class through the service container (constructor injection, as the
/// isolated worker does), binds each parameter, and awaits whatever it returns.
/// </summary>
public sealed class FunctionInvoker
{
    private readonly FunctionDefinition _function;
    private readonly Func<InvocationArguments, object?>[] _binders;
    private readonly ObjectFactory? _factory;

    public FunctionInvoker(FunctionDefinition function)
    {
        _function = function;
        _binders = [.. function.Method.GetParameters().Select(BinderFor)];
        _factory = function.Method.IsStatic ? null : ActivatorUtilities.CreateFactory(function.Method.DeclaringType!, []);
    }

    public FunctionDefinition Function => _function;

    public async Task<object?> InvokeAsync(InvocationArguments arguments)
    {
        var target = _factory?.Invoke(arguments.Services, null);
        try
        {
            var values = new object?[_binders.Length];
            for (var i = 0; i < values.Length; i++) values[i] = _binders[i](arguments);
            object? returned;
            try
            {
                returned = _function.Method.Invoke(target, values);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }
            return await UnwrapAsync(returned);
        }
        finally
        {
            switch (target)
            {
                case IAsyncDisposable asyncDisposable: await asyncDisposable.DisposeAsync(); break;
                case IDisposable disposable: disposable.Dispose(); break;
            }
        }
    }

    // Orchestrator code runs on the orchestration's synchronization context, so these awaits must keep it.
    private static async Task<object?> UnwrapAsync(object? returned)
    {
        switch (returned)
        {
            case Task task:
                await task;
                var resultProperty = task.GetType().GetProperty("Result");
                return resultProperty is null || task.GetType() == typeof(Task) || resultProperty.PropertyType.Name == "VoidTaskResult" ? null : resultProperty.GetValue(task);
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                if (returned?.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(ValueTask<>))
                {
                    var asTask = (Task)type.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(returned, null)!;
                    return await UnwrapAsync(asTask);
                }
                return returned;
        }
    }

    private Func<InvocationArguments, object?> BinderFor(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (parameter == _function.TriggerParameter || parameter.Position == _function.TriggerParameter.Position)
            return args => args.TriggerValue;
        if (parameter.GetCustomAttribute<DurableClientAttribute>() is not null || type == typeof(DurableTaskClient))
            return args => args.Services.GetRequiredService<DurableTaskClient>();
        if (type == typeof(FunctionContext)) return args => args.Context;
        if (type == typeof(CancellationToken)) return args => args.Context.CancellationToken;
        if (type == typeof(ILogger)) return args => args.Services.GetRequiredService<ILoggerFactory>().CreateLogger($"Function.{_function.Name}");
        if (type == typeof(HttpContext)) return args => args.Http;
        if (type == typeof(HttpRequest)) return args => args.Http?.Request;
        if (_function.Kind == FunctionTriggerKind.Http && RouteValueBinder.CanBind(type))
            return args => RouteValueBinder.Bind(parameter, args.Http);
        return args => args.Services.GetService(type) ?? (parameter.HasDefaultValue ? parameter.DefaultValue
            : throw new InvalidOperationException($"Function '{_function.Name}' cannot bind parameter '{parameter.Name}' of type {type.Name}: it is not a trigger, a route value or a registered service."));
    }
}
