using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Serverless.Core.Artifacts;
using Serverless.Core.Integrations.Local.Runner;
using Serverless.Core.Integrations.Local.Target;

namespace Serverless.Core.Integrations.Local;

public static class LocalServiceCollectionExtensions
{
    /// <summary>Artifacts live under <c>{dataDirectory}/artifacts</c> unless <c>Artifacts:RootDirectory</c> says otherwise.</summary>
    public static IServiceCollection AddFileArtifactStore(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var root = configuration["Artifacts:RootDirectory"] is { Length: > 0 } configured ? configured : Path.Combine(dataDirectory, "artifacts");
        services.TryAddSingleton<IArtifactStore>(new FileArtifactStore(root));
        return services;
    }

    /// <summary>
    /// The embedded runner and target, bound from the <c>LocalRunner</c> and <c>LocalTarget</c> sections, with the
    /// target's data under <c>{dataDirectory}/local-target</c> by default. Invalid settings fail here, at start-up,
    /// with one message naming every bad field. The target restores its versions when the host starts.
    /// </summary>
    public static IServiceCollection AddLocalDelivery(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var runnerOptions = new LocalRunnerOptions();
        configuration.GetSection(LocalRunnerOptions.SectionName).Bind(runnerOptions);
        var targetOptions = new LocalTargetOptions { DataDirectory = Path.Combine(dataDirectory, "local-target") };
        configuration.GetSection(LocalTargetOptions.SectionName).Bind(targetOptions);
        var errors = runnerOptions.Validate().Concat(targetOptions.Validate()).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid local delivery settings:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(error => "  - " + error)));
        }

        services.AddFileArtifactStore(configuration, dataDirectory);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new LocalRunner(runnerOptions, sp.GetService<ILogger<LocalRunner>>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new LocalTarget(targetOptions, sp.GetRequiredService<IArtifactStore>(), sp.GetService<ILoggerFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<LocalTargetHostedService>();
        return services;
    }
}
