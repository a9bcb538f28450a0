using Microsoft.Extensions.Logging;

namespace Serverless.Runtime.Hosting;

/// <summary>What a function knows about its invocation (the isolated worker's FunctionContext, reduced).</summary>
public sealed class FunctionContext(string functionName, string invocationId, IServiceProvider instanceServices, CancellationToken cancellationToken)
{
    public string FunctionName { get; } = functionName;
    public string InvocationId { get; } = invocationId;
    public IServiceProvider InstanceServices { get; } = instanceServices;
    public CancellationToken CancellationToken { get; } = cancellationToken;

    public ILogger GetLogger(string categoryName) =>
        ((ILoggerFactory)InstanceServices.GetService(typeof(ILoggerFactory))!).CreateLogger(categoryName);

    public ILogger GetLogger<T>() => GetLogger(typeof(T).FullName ?? typeof(T).Name);
}
