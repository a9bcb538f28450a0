using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Serverless.Core.Integrations.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>Registers <see cref="SlackWebhookClient"/> (also as <see cref="ISlackWebhookClient"/>) as a typed HTTP client.</summary>
    public static IHttpClientBuilder AddSlackWebhookClient(this IServiceCollection services)
    {
        services.TryAddTransient<ISlackWebhookClient>(sp => sp.GetRequiredService<SlackWebhookClient>());
        // The default HttpClient loggers write the full request URL, and a webhook URL's path is its secret.
        var client = services.AddHttpClient(nameof(SlackWebhookClient)).RemoveAllLoggers();
        client.AddTypedClient((http, sp) => new SlackWebhookClient(http, sp.GetService<ILogger<SlackWebhookClient>>()));
        return client;
    }
}
