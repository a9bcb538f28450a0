using Microsoft.Extensions.DependencyInjection;
using Serverless.Core.Integrations.PagerDuty;
using Serverless.Core.Integrations.Slack;

namespace Serverless.Functions.Tests.Operations;

internal static class TestServices
{
    public static IServiceCollection AddSlackWebhookClientForTests(this IServiceCollection services)
    {
        services.AddSlackWebhookClient();
        services.AddPagerDutyClient();
        return services;
    }
}
