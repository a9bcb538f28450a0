using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Serverless.Core.Integrations.PagerDuty;

public static class PagerDutyServiceCollectionExtensions
{
    /// <summary>Registers <see cref="PagerDutyEventsClient"/> (also as <see cref="IPagerDutyClient"/>) configured from
    /// <c>PAGERDUTY_API_URL</c> and <c>PAGERDUTY_ROUTING_KEY</c>.</summary>
    public static IHttpClientBuilder AddPagerDutyClient(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => Read(sp.GetRequiredService<IConfiguration>()));
        services.TryAddTransient<IPagerDutyClient>(sp => sp.GetRequiredService<PagerDutyEventsClient>());
        var client = services.AddHttpClient(nameof(PagerDutyEventsClient)).RemoveAllLoggers();
        client.AddTypedClient((http, sp) =>
            new PagerDutyEventsClient(http, sp.GetRequiredService<PagerDutyOptions>(), sp.GetService<ILogger<PagerDutyEventsClient>>()));
        return client;
    }

    internal static PagerDutyOptions Read(IConfiguration configuration)
    {
        var url = configuration[PagerDutyOptions.ApiUrlSetting];
        if (string.IsNullOrWhiteSpace(url)) url = PagerDutyOptions.DefaultApiUrl;
        if (!Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var apiUrl) || apiUrl.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"{PagerDutyOptions.ApiUrlSetting} must be an absolute http(s) URL.");
        var key = configuration[PagerDutyOptions.RoutingKeySetting];
        return new PagerDutyOptions { ApiUrl = apiUrl, RoutingKey = string.IsNullOrWhiteSpace(key) ? null : key };
    }
}
