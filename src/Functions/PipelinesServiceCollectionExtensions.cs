using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Core.Gates;
using Serverless.Core.Integrations.GitHub;
using Serverless.Core.Integrations.Local;
using Serverless.Core.Integrations.PagerDuty;
using Serverless.Core.Integrations.Slack;
using Serverless.Functions.Operations.Health;
using Serverless.Functions.Operations.Security;
using Serverless.Functions.Pipelines;
using Serverless.Functions.Webhooks;
using Serverless.Runtime.Hosting;

namespace Serverless.Functions;

public static class PipelinesServiceCollectionExtensions
{
    /// <summary>Everything the pipeline functions need; settings are read and validated once, here.</summary>
    public static IServiceCollection AddPipelines(this IServiceCollection services, IConfiguration configuration, FunctionsHostOptions host)
    {
        services.AddSingleton(RepositorySettings.From(configuration));
        services.AddSingleton(WebhookSettings.From(configuration));
        services.AddSingleton(PipelineSettings.From(configuration, host));
        services.AddLocalDelivery(configuration, host.DataDirectory);
        services.AddSingleton(ApprovalTokens.FromSettings(configuration[ApprovalTokens.KeySetting], host.DataDirectory));
        services.AddSingleton(ApprovalTeams.Parse(configuration[ApprovalTeams.Setting]));
        services.AddGitHubApi(configuration);
        services.AddNotifications();
        services.AddSingleton(HealthSettings.From(configuration));
        services.AddHttpClient(HealthActivities.ProbeClientName).RemoveAllLoggers();
        services.AddSingleton(SecurityScanSettings.From(configuration));
        return services;
    }

    /// <summary>Slack (the webhook client and the one-line <see cref="SlackChannel"/>) and PagerDuty.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddSlackWebhookClient();
        services.AddTransient<SlackChannel>();
        services.AddPagerDutyClient();
        return services;
    }
}
