using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serverless.Core.Artifacts;
using Serverless.Core.Integrations.GitHub;
using Serverless.Core.Integrations.Local.Runner;
using Serverless.Core.Integrations.Local.Target;
using Serverless.Core.Integrations.Slack;
using Serverless.Functions.Pipelines;
using Serverless.Functions.Webhooks;
using Serverless.Runtime.Hosting;

namespace Serverless.Functions;

public static class PipelinesServiceCollectionExtensions
{
    /// <summary>Everything the pipeline functions need; settings are read and validated once, here.</summary>
    public static IServiceCollection AddPipelines(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(RepositorySettings.From(configuration));
        services.AddSingleton(WebhookSettings.From(configuration));
        services.AddSingleton(sp => PipelineSettings.From(configuration, sp.GetRequiredService<FunctionsHostOptions>()));
        services.AddSingleton<IArtifactStore>(sp => new FileArtifactStore(sp.GetRequiredService<PipelineSettings>().ArtifactsDirectory));
        services.AddSingleton(sp => new LocalRunner(null, sp.GetService<ILogger<LocalRunner>>(), sp.GetService<TimeProvider>()));
        services.AddSingleton(sp =>
        {
            var options = new LocalTargetOptions { DataDirectory = Path.Combine(sp.GetRequiredService<FunctionsHostOptions>().DataDirectory, "local-target") };
            configuration.GetSection(LocalTargetOptions.SectionName).Bind(options);
            return new LocalTarget(options, sp.GetRequiredService<IArtifactStore>(), sp.GetService<ILoggerFactory>(), sp.GetService<TimeProvider>());
        });
        services.AddHostedService<LocalTargetRestore>();
        services.AddGitHubApi(configuration);
        services.AddSlackWebhookClient();
        return services;
    }

    /// <summary>Brings back the versions that were live when the host stopped, before any run deploys.</summary>
    private sealed class LocalTargetRestore(LocalTarget target) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => target.RestoreAsync(cancellationToken);

        public async Task StopAsync(CancellationToken cancellationToken) => await target.DisposeAsync();
    }
}
