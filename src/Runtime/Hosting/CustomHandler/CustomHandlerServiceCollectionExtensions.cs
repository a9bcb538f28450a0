using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Serverless.Runtime.Hosting.CustomHandler;

public static class CustomHandlerServiceCollectionExtensions
{
    /// <summary>
    /// What running behind the Functions host adds: durable timers retired instead of started (register it in place of
    /// the timer starter, before the engine), and function logs collected for the invocation responses.
    /// </summary>
    public static IServiceCollection AddCustomHandlerMode(this IServiceCollection services)
    {
        services.AddHostedService<DurableTimerRetirement>();
        services.AddSingleton<ILoggerProvider, InvocationLogCapture>();
        return services;
    }
}
